import { sql } from "drizzle-orm";
import { check, index, integer, jsonb, pgEnum, pgTable, real, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { channels } from "./channels";
import { createdAt, id, updatedAt } from "./columns";
import { contacts } from "./messaging";
import { segments } from "./segments";
import { messagePermissions } from "./permissions";
import { organizations } from "./tenancy";
import { recurringTopics } from "./topics";

/**
 * What a campaign sends through: otn, One-Time Notification tokens collected by its own share link (otn_tokens);
 * recurring, the active tokens of one recurring topic; marketing, Meta's Marketing Messages (a paid campaign on
 * the channel's ad account, one message per subscription token). recurring and marketing send from the
 * permissions ledger (message_permissions) through campaign_deliveries.
 */
export const campaignKindEnum = pgEnum("campaign_kind", ["otn", "recurring", "marketing"]);

export const campaignStatusEnum = pgEnum("campaign_status", ["draft", "scheduled", "sending", "paused", "sent", "sent_with_failures", "cancelled"]);

/**
 * A campaign of one channel (Page). For kind otn: the share link's ref, the messages of the subscription flow, the
 * OTN content, and when it goes out; for recurring and marketing: the content, the audience (a topic's or the
 * Page's subscribers, optionally a segment) and when it goes out, each recipient's delivery in campaign_deliveries.
 * Invariants:
 * - kind recurring ⇔ `topicId` is set (a topic of the same channel); kind marketing sends only once
 *   `metaCampaignId` (Meta's message_campaign) is set; `ref` and `requestTitle` are OTN's (other kinds keep an
 *   unused random ref and their name).
 * - `localSendTime` ("HH:MM"), when set, sends to each recipient at that time of day in the recipient's own time
 *   zone (the opt-in's), on or after the campaign's start; null: everyone at the start.
 * - `ref` is unguessable and unique per channel (it names the campaign within its Page in the m.me link).
 * - Counters are maintained in the same transaction as the rows they count (tokens, requests, ledger
 *   outcomes), so lists read them directly instead of counting a million tokens.
 * - `scheduleVersion` grows on every schedule change (reschedule, send now, cancel, delete); a scheduled
 *   run whose version is no longer current does nothing when it wakes.
 * - Content is editable only while the status is draft or scheduled; deleting sets `deletedAt`.
 * - `segmentId`, when set, is a segment of the same organisation (checked by the services).
 * - `ratePerSecond` is 1–300 from the API; 0 ("unlimited") is reserved for benchmarks.
 */
export const campaigns = pgTable(
  "campaigns",
  {
    id: id(),
    orgId: uuid().notNull().references(() => organizations.id, { onDelete: "cascade" }),
    channelId: uuid().notNull().references(() => channels.id, { onDelete: "cascade" }),
    name: text().notNull(),
    kind: campaignKindEnum().notNull().default("otn"),
    status: campaignStatusEnum().notNull().default("draft"),
    ref: text().notNull(),
    /** kind recurring: the topic whose subscribers receive it. */
    topicId: uuid().references(() => recurringTopics.id),
    localSendTime: text(),
    /** kind marketing: Meta's message_campaign id (created on the channel's ad account). */
    metaCampaignId: text(),
    /** kind marketing: { type: "daily" | "lifetime", amountCents } as given to Meta; null for the other kinds. */
    budget: jsonb(),
    /** The pre-subscription invitation: { type: "text", text } | { type: "image", url } | null. */
    invitation: jsonb(),
    requestTitle: text().notNull(),
    replyText: text(),
    /** Answer to someone who opens the link (or taps "Notify Me") after the campaign was sent or cancelled; null: the default text. */
    afterSendReply: text(),
    /** The OTN message: { type: "text", text } | { type: "image", url } | { type: "card", ... } (lib/services/campaigns/schemas). */
    content: jsonb().notNull(),
    scheduledAt: timestamp({ withTimezone: true }),
    scheduleVersion: integer().notNull().default(0),
    ratePerSecond: integer().notNull().default(40),
    /**
     * Who receives it: null, everyone subscribed (an unused token); else only subscribers whose contact
     * matches this segment when the sender claims them. Tokens of people outside it stay unused (spare).
     */
    segmentId: uuid().references(() => segments.id, { onDelete: "set null" }),
    /** Anti-spam: at most one OTN request per user per campaign within this many hours. */
    requestCooldownHours: integer().notNull().default(24),
    linkClicks: integer().notNull().default(0),
    requestsSent: integer().notNull().default(0),
    requestsSkipped: integer().notNull().default(0),
    subscribers: integer().notNull().default(0),
    sent: integer().notNull().default(0),
    failed: integer().notNull().default(0),
    expired: integer().notNull().default(0),
    /** Deliveries waiting for the topic's cadence, Meta's 48-hour gap or the recipient's local time (recurring, marketing). */
    held: integer().notNull().default(0),
    /** Sends per second measured by the sender at its last flush (for the progress bar). */
    currentRate: real().notNull().default(0),
    startedAt: timestamp({ withTimezone: true }),
    finishedAt: timestamp({ withTimezone: true }),
    pauseReason: text(),
    createdBy: text(),
    deletedAt: timestamp({ withTimezone: true }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex("campaigns_channel_ref_key").on(t.channelId, t.ref),
    // The campaign list: newest first per organisation, optionally by channel and status.
    index("campaigns_org_list_idx").on(t.orgId, t.id).where(sql`${t.deletedAt} is null`),
    index("campaigns_org_channel_status_idx").on(t.orgId, t.channelId, t.status).where(sql`${t.deletedAt} is null`),
    // The sweeper finds scheduled campaigns that are due.
    index("campaigns_due_idx").on(t.scheduledAt).where(sql`${t.status} = 'scheduled' and ${t.deletedAt} is null`),
    check("campaigns_kind_topic", sql`(${t.kind} = 'recurring') = (${t.topicId} is not null)`),
  ],
);

export const otnTokenStatusEnum = pgEnum("otn_token_status", ["pending", "sending", "sent", "failed", "expired", "spare"]);

/**
 * The send ledger: one row per One-Time Notification token ("Notify Me" tap), stored before the webhook
 * is acknowledged. Invariants:
 * - the token is sealed at rest; `tokenHash` (sha256) is unique, so a redelivered opt-in stores nothing;
 * - status moves pending → sending (with a `claimId`) → sent | failed | expired, and only a sender holding
 *   the claim writes the outcome; a row found in `sending` after a crash is re-sent by the next claim
 *   (tokens are single use: Meta answers "already been used" when the earlier call went through);
 * - a campaign reaches a person once: of one person's (campaign, psid) tokens the sender claims only the
 *   newest, and then moves the others pending → spare (unused, kept: the person may be messaged with it
 *   later); no token is claimed while another of the same person is sending or settled;
 * - `contactId` is the (channel, psid) contact, created at capture when processing has not yet made it.
 * Indexes: (campaign, status, id) for claiming in id order and per-status counts; (campaign, psid) for the
 * anti-spam check and the recipient log; (campaign, opted_in_at) for subscribers over time.
 */
export const otnTokens = pgTable(
  "otn_tokens",
  {
    id: id(),
    orgId: uuid().notNull().references(() => organizations.id, { onDelete: "cascade" }),
    campaignId: uuid().notNull().references(() => campaigns.id, { onDelete: "cascade" }),
    channelId: uuid().notNull().references(() => channels.id, { onDelete: "cascade" }),
    contactId: uuid().references(() => contacts.id, { onDelete: "set null" }),
    psid: text().notNull(),
    tokenSealed: text().notNull(),
    tokenHash: text().notNull(),
    status: otnTokenStatusEnum().notNull().default("pending"),
    failureCode: integer(),
    failureReason: text(),
    claimId: uuid(),
    claimedAt: timestamp({ withTimezone: true }),
    sentAt: timestamp({ withTimezone: true }),
    messageId: text(),
    optedInAt: timestamp({ withTimezone: true }).notNull(),
    replySentAt: timestamp({ withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("otn_tokens_token_hash_key").on(t.tokenHash),
    index("otn_tokens_claim_idx").on(t.campaignId, t.status, t.id),
    index("otn_tokens_campaign_psid_idx").on(t.campaignId, t.psid),
    index("otn_tokens_campaign_optin_idx").on(t.campaignId, t.optedInAt),
  ],
);

/**
 * Anti-spam memory of the subscription flow: per campaign and Messenger user, when we last sent the OTN
 * request or the "campaign has ended" reply, and which webhook event last ran the flow (so a retried run
 * counts nothing twice).
 * Invariant: one row per (campaign, psid). Index (channel, last_requested_at) serves the per-Page cap.
 */
export const campaignRequests = pgTable(
  "campaign_requests",
  {
    id: id(),
    campaignId: uuid().notNull().references(() => campaigns.id, { onDelete: "cascade" }),
    channelId: uuid().notNull().references(() => channels.id, { onDelete: "cascade" }),
    psid: text().notNull(),
    lastRequestedAt: timestamp({ withTimezone: true }),
    lastEventId: uuid(),
    /** When the person was last told the campaign has ended (at most one such reply per hour). */
    afterSendReplyAt: timestamp({ withTimezone: true }),
    requestCount: integer().notNull().default(0),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("campaign_requests_campaign_psid_key").on(t.campaignId, t.psid), index("campaign_requests_channel_time_idx").on(t.channelId, t.lastRequestedAt)],
);

export const campaignDeliveryStatusEnum = pgEnum("campaign_delivery_status", ["pending", "sending", "sent", "failed", "held", "skipped"]);

/**
 * The send ledger of recurring and marketing campaigns: one row per recipient, planned when the send starts from
 * the active permissions of the audience (the topic's, or the Page's for marketing, narrowed by the segment).
 * Invariants:
 * - a campaign reaches a person once: unique (campaign, psid); the permission used is that person's newest active
 *   one, so a token gets at most one message per campaign (Marketing Messages: exactly once);
 * - status moves pending | held → sending (with a `claimId`) → sent | failed | held | skipped, and only the claim
 *   holder writes the outcome; a row found in `sending` after a crash is sent again only when Meta cannot have
 *   taken it (the sender's rule, lib/services/campaigns/broadcast);
 * - `dueAt` is when it may go: the start, or the recipient's local send time; a held row (cadence, 48-hour gap,
 *   Meta's conversation gap) has `heldReason` and its new `dueAt`; skipped rows (token stopped, expired or
 *   unsubscribed before their turn) have `failureReason`.
 * Indexes: (campaign, status, due_at) for claiming what is due and per-status counts; (permission) for the
 * cadence check against the token's last send.
 */
export const campaignDeliveries = pgTable(
  "campaign_deliveries",
  {
    id: id(),
    orgId: uuid().notNull().references(() => organizations.id, { onDelete: "cascade" }),
    campaignId: uuid().notNull().references(() => campaigns.id, { onDelete: "cascade" }),
    channelId: uuid().notNull().references(() => channels.id, { onDelete: "cascade" }),
    permissionId: uuid().notNull().references(() => messagePermissions.id, { onDelete: "cascade" }),
    contactId: uuid().references(() => contacts.id, { onDelete: "set null" }),
    psid: text().notNull(),
    status: campaignDeliveryStatusEnum().notNull().default("pending"),
    dueAt: timestamp({ withTimezone: true }).notNull(),
    /** Why a held row waits: 'cadence' | 'gap' | 'recently_messaged' | 'local_time' (lib/services/campaigns/broadcast). */
    heldReason: text(),
    failureCode: integer(),
    failureReason: text(),
    claimId: uuid(),
    claimedAt: timestamp({ withTimezone: true }),
    sentAt: timestamp({ withTimezone: true }),
    messageId: text(),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("campaign_deliveries_campaign_psid_key").on(t.campaignId, t.psid),
    index("campaign_deliveries_claim_idx").on(t.campaignId, t.status, t.dueAt),
    index("campaign_deliveries_permission_idx").on(t.permissionId),
  ],
);
