import { sql } from "drizzle-orm";
import { boolean, check, index, integer, pgEnum, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { createdAt, id, updatedAt } from "./columns";
import { organizations, skillGroups } from "./tenancy";

export const channelStatusEnum = pgEnum("channel_status", ["active", "disabled"]);

/**
 * How the Page was connected: by hand with the organisation's own Meta app (Page id, token, app id and secret
 * typed in; the per-Page callback URL), or through Facebook Login with the platform's Meta app (META_APP_ID:
 * the app-level callback URL, the platform's app secret from the environment, never stored per channel).
 */
export const channelConnectionEnum = pgEnum("channel_connection", ["manual", "facebook_login"]);

/**
 * A Facebook Page connected to an organisation as a Messenger channel, bound to a skill group.
 * Invariants: secrets (`*Sealed`) are AES-GCM sealed (lib/crypto/secrets) and never leave the server;
 * a Page is connected at most once across all organisations while not deleted (the webhook routes by Page id);
 * deleting sets `deletedAt` and keeps history. A manual channel has its app secret sealed here; a Facebook Login
 * channel has none (`appSecretSealed` null: the platform app's secret comes from the environment). Disconnecting
 * unsubscribes the app and removes the Page token (`pageAccessTokenSealed` null, `disconnectedAt` set); the
 * conversations stay, and Reconnect puts a token back.
 */
export const channels = pgTable(
  "channels",
  {
    id: id(),
    orgId: uuid().notNull().references(() => organizations.id, { onDelete: "cascade" }),
    // Required for live channels (the services refuse to delete a group a live channel uses); a deleted
    // channel may outlive its group, hence nullable here.
    skillGroupId: uuid().references(() => skillGroups.id, { onDelete: "set null" }),
    name: text().notNull(),
    pageId: text().notNull(),
    appId: text().notNull(),
    connection: channelConnectionEnum().notNull().default("manual"),
    /** Null once disconnected. */
    pageAccessTokenSealed: text(),
    /** Null for Facebook Login channels (the platform app's secret is the environment's). */
    appSecretSealed: text(),
    verifyTokenSealed: text().notNull(),
    graphApiVersion: text().notNull().default("v21.0"),
    status: channelStatusEnum().notNull().default("active"),
    /** Set when Graph answered 190 for this Page's token; cleared by a successful connection check. */
    reconnectReason: text(),
    /** Graph's error_subcode with that 190 (458 app removed, 460 password changed, 463 expired, 467 invalid), for words. */
    reconnectSubcode: integer(),
    pageName: text(),
    pageUsername: text(),
    subscribedFields: text().array().notNull().default(sql`'{}'::text[]`),
    lastCheckedAt: timestamp({ withTimezone: true }),
    /**
     * What the last connection check found wrong (any step: token, Page, subscription); null after a check
     * that passed, and when a new token is saved (the failure was the old token's). Drives "Check failed".
     */
    lastCheckFailure: text(),
    /**
     * The organisation says its Meta app has the Human Agent permission (App Review). Only then may an agent
     * answer between 24 hours and 7 days after the user's last message (MESSAGE_TAG HUMAN_AGENT); Meta refuses
     * the tag otherwise, so the composer is closed in that span.
     */
    humanAgentEnabled: boolean().notNull().default(false),
    /**
     * Where the Page's audience is, as Meta groups it for recurring notifications and Marketing Messages
     * (lib/services/channels/schemas MESSAGING_REGIONS: EU, UK, JP, KR, AU, US, CN, BR, IN, other); null: not set yet.
     */
    messagingRegion: text(),
    /** The Page's business's country (ISO 3166-1 alpha-2), which Marketing Messages eligibility depends on; null: not set. */
    businessCountry: text(),
    /**
     * The Meta ad account (digits, without `act_`) that pays for this Page's Marketing Messages campaigns; null:
     * not configured, so Marketing Messages are not offered on the channel.
     */
    adAccountId: text(),
    /** When the daily token check (Graph `debug_token`) last ran for this channel's Page token. */
    tokenCheckedAt: timestamp({ withTimezone: true }),
    /** Set by Disconnect (app unsubscribed, token removed); cleared by Reconnect. */
    disconnectedAt: timestamp({ withTimezone: true }),
    deletedAt: timestamp({ withTimezone: true }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex("channels_live_page_key").on(t.pageId).where(sql`${t.deletedAt} is null`),
    index("channels_org_idx").on(t.orgId, t.id),
    check("channels_manual_app_secret", sql`${t.connection} = 'facebook_login' or ${t.appSecretSealed} is not null`),
    check("channels_token_unless_disconnected", sql`${t.disconnectedAt} is not null or ${t.pageAccessTokenSealed} is not null`),
  ],
);

export const channelErrorKindEnum = pgEnum("channel_error_kind", ["signature", "unparseable", "processing", "send_api", "connection"]);

/**
 * Recent problems of a channel, like Meta's "recent errors" tool: what failed, when, and why.
 * Invariants: reasons never contain secrets or message contents. Problems a stranger can cause (unsigned
 * webhook POSTs) and dropped malformed events are counted, not listed: one row per channel, kind and
 * minute (`minute` set, `count` incremented, `at` the latest), so a flood cannot fill the table or the
 * health panel; other rows have `minute` null and `count` 1. Rows older than the retention period are
 * deleted by the prune-channel-health function.
 */
export const channelErrors = pgTable(
  "channel_errors",
  {
    id: id(),
    orgId: uuid().notNull().references(() => organizations.id, { onDelete: "cascade" }),
    channelId: uuid().notNull().references(() => channels.id, { onDelete: "cascade" }),
    kind: channelErrorKindEnum().notNull(),
    reason: text().notNull(),
    graphCode: integer(),
    /** The minute a counted row stands for; null for problems recorded one by one. */
    minute: timestamp({ withTimezone: true }),
    count: integer().notNull().default(1),
    at: createdAt(),
  },
  (t) => [
    index("channel_errors_channel_idx").on(t.channelId, t.id),
    // NULLs are distinct, so only counted rows collide here: one per channel, kind and minute.
    uniqueIndex("channel_errors_minute_key").on(t.channelId, t.kind, t.minute),
    index("channel_errors_at_idx").on(t.at),
  ],
);
