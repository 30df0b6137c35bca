import { sql } from "drizzle-orm";
import { bigint, index, integer, jsonb, pgEnum, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { channels } from "./channels";
import { createdAt, id, updatedAt } from "./columns";
import { memberships, organizations, skillGroups } from "./tenancy";

export const webhookEventStatusEnum = pgEnum("webhook_event_status", ["received", "processed", "failed"]);

/**
 * Every Messenger event Meta delivered, stored before the webhook answers 200 (Meta never re-sends later).
 * Invariant: one row per (channel, dedupe key) — the message mid, or a key derived from Page, sender, kind
 * and timestamp/watermark — so redeliveries insert nothing. `timestamp` is Meta's event time (ms).
 */
export const webhookEvents = pgTable(
  "webhook_events",
  {
    id: id(),
    orgId: uuid().notNull().references(() => organizations.id, { onDelete: "cascade" }),
    channelId: uuid().notNull().references(() => channels.id, { onDelete: "cascade" }),
    dedupeKey: text().notNull(),
    kind: text().notNull(),
    senderId: text().notNull(),
    timestamp: bigint({ mode: "number" }).notNull(),
    payload: jsonb().notNull(),
    status: webhookEventStatusEnum().notNull().default("received"),
    attempts: bigint({ mode: "number" }).notNull().default(0),
    lastError: text(),
    receivedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    processedAt: timestamp({ withTimezone: true }),
  },
  (t) => [
    uniqueIndex("webhook_events_dedupe_key").on(t.channelId, t.dedupeKey),
    // The sweeper finds events stored but not yet processed.
    index("webhook_events_pending_idx").on(t.receivedAt).where(sql`${t.status} = 'received'`),
    // The health panel's last event and events per hour.
    index("webhook_events_channel_time_idx").on(t.channelId, t.receivedAt),
  ],
);

/**
 * A Messenger user of a channel's Page. Invariant: one contact per (channel, PSID) — PSIDs are per Page.
 * `lastInboundAt` drives the 24 h messaging window.
 */
export const contacts = pgTable(
  "contacts",
  {
    id: id(),
    orgId: uuid().notNull().references(() => organizations.id, { onDelete: "cascade" }),
    channelId: uuid().notNull().references(() => channels.id, { onDelete: "cascade" }),
    psid: text().notNull(),
    firstName: text(),
    lastName: text(),
    profilePic: text(),
    locale: text(),
    /** Hours from UTC, as Meta's profile gives it (e.g. 8, -5.5); null when unknown. */
    timezoneOffset: text(),
    /** What agents record about the person ("order": "A-1042", "tier": "gold"): string values, edited in the contact panel. */
    attributes: jsonb().$type<Record<string, string>>().notNull().default({}),
    profileFetchedAt: timestamp({ withTimezone: true }),
    lastInboundAt: timestamp({ withTimezone: true }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex("contacts_channel_psid_key").on(t.channelId, t.psid),
    index("contacts_org_idx").on(t.orgId, t.id),
    // The inbox searches names with ILIKE: a trigram index (pg_trgm) over the very expression the search uses
    // (lib/services/conversations/inbox-filters.ts contactFullName), so Chinese and English names both match.
    index("contacts_name_trgm_idx").using("gin", sql`(coalesce("first_name", '') || ' ' || coalesce("last_name", '')) gin_trgm_ops`),
  ],
);

export const conversationStatusEnum = pgEnum("conversation_status", ["open", "pending", "resolved"]);

/**
 * The thread between a Page and one contact. Invariant: one conversation per contact.
 * Watermarks are Meta's delivery/read times (ms): every outgoing message at or before them is delivered/read.
 *
 * The agent desk (lib/services/routing): `status` open (someone should answer), pending (an agent waits on the
 * person; still the agent's) or resolved (nothing to answer: done, or a contact who never wrote, such as an
 * opt-in only). Queued = open, no assignee, `queuedAt` set (when it entered the queue, for wait time and
 * order). An agent's load = their open and pending conversations; it never exceeds the skill group's cap
 * (enforced under the routing locks, see lib/services/routing/locks.ts). The assignee is a membership, as
 * skill group membership, presence and the cap are: removing a member unassigns (set null) their threads.
 */
export const conversations = pgTable(
  "conversations",
  {
    id: id(),
    orgId: uuid().notNull().references(() => organizations.id, { onDelete: "cascade" }),
    channelId: uuid().notNull().references(() => channels.id, { onDelete: "cascade" }),
    contactId: uuid().notNull().references(() => contacts.id, { onDelete: "cascade" }),
    lastMessageAt: timestamp({ withTimezone: true }),
    /** The last message's text (or a card's title), cut to 140 characters; null for what has no words (a photo). */
    lastMessagePreview: text(),
    /**
     * What the last message is, so the list can word it in the reader's language ("Photo", "照片"):
     * text | postback | template | optin | referral | reaction, or an attachment type (image, video, audio,
     * file, sticker, location, fallback). Null for rows written before it existed (their preview holds a
     * placeholder such as "[attachment]").
     */
    lastMessageKind: text(),
    deliveredWatermark: bigint({ mode: "number" }),
    readWatermark: bigint({ mode: "number" }),
    status: conversationStatusEnum().notNull().default("resolved"),
    /** The channel's skill group when the conversation was created; changed by a transfer. */
    skillGroupId: uuid().references(() => skillGroups.id, { onDelete: "set null" }),
    assigneeMembershipId: uuid().references(() => memberships.id, { onDelete: "set null" }),
    /** The last agent it was assigned to (kept through resolve and requeue): sticky routing's choice. */
    lastAssigneeMembershipId: uuid().references(() => memberships.id, { onDelete: "set null" }),
    queuedAt: timestamp({ withTimezone: true }),
    assignedAt: timestamp({ withTimezone: true }),
    resolvedAt: timestamp({ withTimezone: true }),
    /** The first reply by the Page after the conversation last (re)opened; for first-response time. */
    firstResponseAt: timestamp({ withTimezone: true }),
    /**
     * Conversation Routing: the app that controls the thread, when another one does (another app's id, or
     * Meta's Page Inbox 263902037430900); null while our app does (the default for the Page's primary app).
     * Set from messaging_handovers and standby events and from our own pass/take calls; the composer is locked
     * while it is set.
     */
    threadOwnerAppId: text(),
    threadOwnerChangedAt: timestamp({ withTimezone: true }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex("conversations_contact_key").on(t.contactId),
    index("conversations_org_recent_idx").on(t.orgId, t.lastMessageAt),
    // The queue of a skill group, oldest first.
    index("conversations_queue_idx").on(t.skillGroupId, t.queuedAt).where(sql`${t.status} = 'open' and ${t.assigneeMembershipId} is null`),
    // An agent's load (open and pending conversations).
    index("conversations_assignee_load_idx").on(t.assigneeMembershipId).where(sql`${t.status} in ('open', 'pending') and ${t.assigneeMembershipId} is not null`),
  ],
);

export const messageDirectionEnum = pgEnum("message_direction", ["inbound", "outbound"]);
/** A reply from the dashboard or the API: stored as sending before Meta is called, then sent or failed. */
export const messageSendStatusEnum = pgEnum("message_send_status", ["sending", "sent", "failed"]);

/**
 * One message, postback, referral or reaction in a conversation, ordered by Meta's `timestamp` (ms), not
 * arrival. Invariant: a mid appears once per channel — a redelivered message or echo inserts nothing.
 */
export const messages = pgTable(
  "messages",
  {
    id: id(),
    orgId: uuid().notNull().references(() => organizations.id, { onDelete: "cascade" }),
    channelId: uuid().notNull().references(() => channels.id, { onDelete: "cascade" }),
    conversationId: uuid().notNull().references(() => conversations.id, { onDelete: "cascade" }),
    mid: text(),
    direction: messageDirectionEnum().notNull(),
    /** text | attachments | postback | referral | reaction | optin */
    kind: text().notNull(),
    text: text(),
    /** Attachments as Meta sent them: [{ type, payload: { url, title, coordinates, ... } }]. */
    attachments: jsonb(),
    quickReplyPayload: text(),
    postback: jsonb(),
    referral: jsonb(),
    reaction: jsonb(),
    /**
     * "webhook" for inbound, "echo" for what the Page sent from elsewhere (the Page inbox, another app),
     * "app" for what we sent (an echo carrying the channel's own app id).
     */
    source: text().notNull(),
    timestamp: bigint({ mode: "number" }).notNull(),
    /**
     * Our replies only (null for what the webhook stored): sending → sent (with Meta's mid) or failed (with
     * Meta's code and reason, retryable). Delivered and read come from the conversation's watermarks.
     */
    sendStatus: messageSendStatusEnum(),
    failureCode: integer(),
    failureReason: text(),
    /** Our replies' quick replies as sent to Meta ([{ content_type: "text", title, payload }]), so a retry sends the same. */
    quickReplies: jsonb(),
    /** RESPONSE, or MESSAGE_TAG with `tag` HUMAN_AGENT: the rule the reply was sent under. */
    messagingType: text(),
    tag: text(),
    /** The member who wrote the reply (an API key acts for its creator); null for the webhook's rows. */
    sentByMembershipId: uuid().references(() => memberships.id, { onDelete: "set null" }),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("messages_channel_mid_key").on(t.channelId, t.mid).where(sql`${t.mid} is not null`),
    index("messages_conversation_time_idx").on(t.conversationId, t.timestamp),
    // The inbox's full-text search: ILIKE '%words%' over message text, served by a trigram index (pg_trgm).
    index("messages_text_trgm_idx").using("gin", t.text.op("gin_trgm_ops")),
  ],
);

/**
 * Files uploaded to Meta's Attachment Upload API (POST /{page-id}/message_attachments, is_reusable) for a
 * channel's Page, so the same file is sent again by its `attachmentId` instead of being uploaded twice.
 * Invariants: one row per (channel, sha256 of the bytes); `attachmentId` is Meta's, valid for that Page only;
 * the row's `id` is the upload id replies and the API refer to. The bytes are not kept (Meta holds them).
 */
export const messageAttachmentUploads = pgTable(
  "message_attachment_uploads",
  {
    id: id(),
    orgId: uuid().notNull().references(() => organizations.id, { onDelete: "cascade" }),
    channelId: uuid().notNull().references(() => channels.id, { onDelete: "cascade" }),
    sha256: text().notNull(),
    attachmentId: text().notNull(),
    /** Meta's attachment type: image | video | audio | file. */
    type: text().notNull(),
    fileName: text().notNull(),
    contentType: text().notNull(),
    size: integer().notNull(),
    uploadedByMembershipId: uuid().references(() => memberships.id, { onDelete: "set null" }),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("message_attachment_uploads_channel_sha_key").on(t.channelId, t.sha256), index("message_attachment_uploads_org_idx").on(t.orgId, t.id)],
);
