/** The agent desk's routing (presence, assignment, routing settings). Keys are checked against routing.zh-CN.ts. */
export const routingEn = {
  "field.queueMessage": "Queue message",
  "field.offlineReply": "Offline reply",
  "field.workingHours": "Working hours",
  "field.memo": "Memo",

  // Services' messages (domain errors, validation): the API says the English, the dashboard translates by key.
  "routing.errors.conversationNotFound": "Conversation not found.",
  "routing.errors.memberNotFound": "Member not found.",
  "routing.errors.notQueued": "This conversation is no longer waiting in the queue.",
  "routing.errors.atCapacity": "The agent already has {cap} open conversations, the most this skill group allows.",
  "routing.errors.notInSkillGroup": "The agent is not in the conversation's skill group.",
  "routing.errors.notYourSkillGroup": "You can only take conversations of your own skill groups.",
  "routing.errors.resolved": "This conversation is resolved. Reopen it first.",
  "routing.errors.notResolved": "This conversation is not resolved.",
  "routing.errors.noSkillGroup": "This conversation has no skill group to route it to.",
  "routing.errors.membersOnly": "Only a member of the organisation has a presence; an API key has none.",
  "routing.errors.transferTarget": "Choose a skill group or an agent to transfer to.",
  "routing.errors.status": "Choose online, away or offline.",
  "routing.errors.strategy": "Choose least busy or round robin.",
  "routing.errors.offlinePolicy": "Choose keep or requeue.",
  "routing.errors.cap": "The cap must be a whole number from 1 to 100.",
  "routing.errors.time": "Times are written HH:MM, from 00:00 to 24:00.",
  "routing.errors.weekday": "Weekdays are numbered 0 (Sunday) to 6 (Saturday).",
  "routing.errors.id": "Not a valid id.",
} as const;
