/**
 * The audit vocabulary: every action a service may record, with the resource it applies to. `recordAudit`
 * accepts only these ids, the audit log's filters list them, and the catalogs (lib/i18n/messages/audit.*.ts)
 * must label each one, so a new action that is not added here, or not translated, fails the type check.
 * Client-safe: no imports, the audit log screen reads it too.
 */
export const AUDIT_RESOURCE_TYPES = ["organization", "member", "invitation", "skill_group", "api_key", "channel", "campaign", "workflow_run", "label", "canned_reply", "contact", "conversation", "bot_connector", "faq", "bot_config", "segment", "topic"] as const;
export type AuditResourceType = (typeof AUDIT_RESOURCE_TYPES)[number];

const vocabulary = {
  "organization.created": "organization",
  /** Name, slug, colour, time zone or default language changed (before/after hold the changed fields). */
  "organization.updated": "organization",
  "organization.deletion_scheduled": "organization",
  "organization.deletion_cancelled": "organization",
  "member.invited": "invitation",
  "member.joined": "member",
  "member.role_changed": "member",
  "member.removed": "member",
  /** The member changed their own password (other sessions signed out), recorded in each of their organisations. */
  "member.password_changed": "member",
  /** The member set a new password through an emailed reset link (every session signed out). */
  "member.password_reset": "member",
  /** The member moved their account to a new, verified address. */
  "member.email_changed": "member",
  "invitation.revoked": "invitation",
  "skill_group.created": "skill_group",
  "skill_group.updated": "skill_group",
  "skill_group.deleted": "skill_group",
  "skill_group.member_added": "skill_group",
  "skill_group.member_removed": "skill_group",
  /** Routing settings changed (auto-assign, strategy, cap, sticky, messages, working hours, offline policy). */
  "skill_group.routing_updated": "skill_group",
  "api_key.created": "api_key",
  "api_key.revoked": "api_key",
  "channel.created": "channel",
  "channel.updated": "channel",
  "channel.enabled": "channel",
  "channel.disabled": "channel",
  "channel.deleted": "channel",
  "channel.disconnected": "channel",
  "channel.verify_token_regenerated": "channel",
  "channel.connection_checked": "channel",
  "channel.token_exchanged": "channel",
  /** System: Graph refused the Page token (190) during a send or a profile fetch. */
  "channel.reconnect_needed": "channel",
  /** A member ran Facebook Login again for the channel's Page: a new Page token, the same channel and history. */
  "channel.reconnected": "channel",
  "campaign.created": "campaign",
  "campaign.updated": "campaign",
  "campaign.send_now": "campaign",
  /** System: the scheduled time came and the send started. */
  "campaign.send_started": "campaign",
  /** System: the Page token was refused mid-send. */
  "campaign.paused": "campaign",
  "campaign.resumed": "campaign",
  /** System: every recipient settled (sent, or sent with failures). */
  "campaign.finished": "campaign",
  "campaign.cancelled": "campaign",
  "campaign.deleted": "campaign",
  "label.created": "label",
  "label.updated": "label",
  /** The label was taken off every conversation it was on. */
  "label.deleted": "label",
  "segment.created": "segment",
  "segment.updated": "segment",
  /** Soft delete: campaigns that were sent to it keep pointing at it. */
  "segment.deleted": "segment",
  "topic.created": "topic",
  /** Title (only before anyone subscribed), cadence or image changed. */
  "topic.updated": "topic",
  /** Soft delete: its permissions and campaigns keep pointing at it. */
  "topic.deleted": "topic",
  /** The registration request went to the Page admin's own Messenger account (after holds the contact). */
  "topic.registration_requested": "topic",
  /** Opt-in requests sent to people (after holds the audience and the count of each outcome). */
  "topic.optins_requested": "topic",
  "canned_reply.created": "canned_reply",
  "canned_reply.updated": "canned_reply",
  "canned_reply.deleted": "canned_reply",
  "faq.created": "faq",
  "faq.updated": "faq",
  "faq.deleted": "faq",
  /** Bulk: several entries enabled or disabled at once (after holds the count and the ids). */
  "faq.enabled": "faq",
  "faq.disabled": "faq",
  /** A CSV or JSON file imported (after holds the format, the mode and the counts). */
  "faq.imported": "faq",
  "faq.synonyms_updated": "faq",
  /** Attributes of a contact set or removed in the contact panel (before/after hold the changed keys). */
  "contact.attributes_updated": "contact",
  /** Conversation Routing: Messenger Desk took the thread back from another app (the Page Inbox). */
  "conversation.thread_taken": "conversation",
  /** Conversation Routing: Messenger Desk handed the thread to Meta's Page Inbox. */
  "conversation.thread_passed": "conversation",
  "bot_connector.created": "bot_connector",
  "bot_connector.updated": "bot_connector",
  "bot_connector.deleted": "bot_connector",
  /** A new signing secret was generated (the old one stops working at once). */
  "bot_connector.secret_rotated": "bot_connector",
  /** A skill group's or a channel's bot configuration set (before/after hold the fields; resourceId is the configuration's). */
  "bot_config.updated": "bot_config",
  /** The Page's Messenger profile (Get Started, greeting, persistent menu) was saved and applied. */
  "channel.messenger_profile_updated": "channel",
  /** The channel's satisfaction survey turned on or off, or its words changed (before/after hold both). */
  "channel.csat_updated": "channel",
  /** A member asked for the channel's Marketing Messages subscribers to be imported from Meta. */
  "channel.subscription_tokens_import_requested": "channel",
  /** System: an import of subscription tokens ended (after holds the outcome, the counts and what started it). */
  "channel.subscription_tokens_imported": "channel",
  /** The person was unsubscribed from the Page's marketing messages (Meta told; their marketing and recurring permissions stopped). */
  "contact.marketing_unsubscribed": "contact",
  "workflow_run.retried": "workflow_run",
  "workflow_run.cancelled": "workflow_run",
} as const satisfies Record<string, AuditResourceType>;

export type AuditAction = keyof typeof vocabulary;
export type AuditActionLabelKey = `audit.action.${AuditAction}`;
export type AuditResourceLabelKey = `audit.resource.${AuditResourceType}`;

export interface AuditActionEntry {
  action: AuditAction;
  resourceType: AuditResourceType;
  labelKey: AuditActionLabelKey;
}

/** Every action with its resource and label key, in the order written above (the order the screen offers). */
export const AUDIT_ACTIONS: readonly AuditActionEntry[] = (Object.entries(vocabulary) as [AuditAction, AuditResourceType][]).map(([action, resourceType]) => ({
  action,
  resourceType,
  labelKey: auditActionLabelKey(action),
}));

export const AUDIT_ACTION_IDS = Object.keys(vocabulary) as [AuditAction, ...AuditAction[]];

/** The domain prefixes ("campaign.") the list verb also accepts as a filter. */
export const AUDIT_ACTION_DOMAINS = [...new Set(AUDIT_ACTION_IDS.map((a) => `${a.split(".")[0]}.`))] as [string, ...string[]];

export function auditResourceTypeOf(action: AuditAction): AuditResourceType {
  return vocabulary[action];
}

export function auditActionLabelKey(action: AuditAction): AuditActionLabelKey {
  return `audit.action.${action}`;
}

export function auditResourceLabelKey(type: AuditResourceType): AuditResourceLabelKey {
  return `audit.resource.${type}`;
}

export function isAuditAction(value: string): value is AuditAction {
  return Object.hasOwn(vocabulary, value);
}

export function isAuditResourceType(value: string): value is AuditResourceType {
  return (AUDIT_RESOURCE_TYPES as readonly string[]).includes(value);
}
