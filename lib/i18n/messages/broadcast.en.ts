/** Recurring and marketing campaigns (the broadcast engine): errors, delivery states and reasons, the local-time rule. Keys are checked against broadcast.zh-CN.ts. */
export const broadcastEn = {
  "broadcast.errors.kind": "Choose what the campaign sends through: otn, recurring or marketing.",
  "broadcast.errors.topicRequired": "Choose the recurring topic whose subscribers receive this campaign.",
  "broadcast.errors.topicNotFound": "Recurring topic not found on this channel.",
  "broadcast.errors.topicNotRegistered": "This topic is not registered with Meta yet: register it (the Page admin confirms the opt-in request) before sending to it.",
  "broadcast.errors.localSendTime": "Local send time must be HH:MM (24-hour), for example 10:00.",
  "broadcast.errors.budgetType": "Budget type must be daily or lifetime.",
  "broadcast.errors.budgetAmount": "Budget must be a whole number of cents from {min} to {max}.",
  "broadcast.errors.fieldNotForKind": "This field does not apply to {kind} campaigns.",
  "broadcast.kind.otn": "One-time notification",
  "broadcast.kind.recurring": "Recurring notification",
  "broadcast.kind.marketing": "Marketing message",
  "broadcast.pause.regionUnavailable": "Meta refused: this kind of message is not available for this Page's region or business.",
  "broadcast.pause.campaignNotActive": "Meta says the marketing campaign is not active (paused, not started or ended).",
  "broadcast.pause.permissionMissing": "The app lacks Meta's Marketing Messages or ads permission.",
} as const;
