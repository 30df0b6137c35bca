import { sql } from "drizzle-orm";
import { index, jsonb, pgEnum, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { channels } from "./channels";
import { createdAt, id, updatedAt } from "./columns";
import { contacts } from "./messaging";
import { organizations } from "./tenancy";
import { recurringTopics } from "./topics";

/** The permissions to message that are not One-Time Notifications (those stay in otn_tokens, the OTN sender's ledger). */
export const messagePermissionKindEnum = pgEnum("message_permission_kind", ["recurring", "marketing"]);
export const messagePermissionStatusEnum = pgEnum("message_permission_status", ["active", "stopped", "expired"]);

/**
 * One person's standing permission to be messaged by a Page outside the 24-hour window: a recurring-notification
 * token (opt-in to a `notification_messages` request or an m.me/rn link; the same token is the Marketing
 * Messages `subscription_token`), or a marketing-messages subscription imported from Meta's token list.
 * Invariants:
 * - stored before the opt-in webhook is acknowledged (Meta shows a token once); the token is sealed at rest
 *   (lib/crypto/secrets) and `tokenHash` (sha256) is unique, so a redelivered opt-in stores nothing;
 * - status moves active ⇄ stopped only from the person's STOP / RESUME NOTIFICATIONS webhooks (`stoppedAt` set
 *   while stopped), each applied only if newer than `statusChangedAt`, and active | stopped → expired once `expiresAt` passes (the expiry sweep); a REFRESHED
 *   re-opt-in moves `expiresAt` (and an expired row back to active); a STOP/RESUME never creates a row;
 * - `topic` and `frequency` are set for kind recurring (Meta's title and DAILY/WEEKLY/MONTHLY, lower-cased),
 *   null for marketing; `userTimeZone` is the opt-in's notification_messages_timezone as Meta gives it;
 * - `contactId` is the (channel, psid) contact, created at capture when processing has not made it yet;
 * - `sourceRef` is the opt-in's payload (tokens removed) or the import batch, never a plain token.
 * Indexes: (org, contact) for the contact page; (channel, kind, status, topic) for sending and the channel
 * summary; (status, expires_at) for the expiry sweep.
 * The ledger the product shows ("Permissions to message") is one read model over this table and otn_tokens
 * (lib/services/permissions).
 */
export const messagePermissions = pgTable(
  "message_permissions",
  {
    id: id(),
    orgId: uuid().notNull().references(() => organizations.id, { onDelete: "cascade" }),
    channelId: uuid().notNull().references(() => channels.id, { onDelete: "cascade" }),
    contactId: uuid().references(() => contacts.id, { onDelete: "set null" }),
    psid: text().notNull(),
    kind: messagePermissionKindEnum().notNull(),
    topic: text(),
    /** The recurring topic the opt-in was for (matched by its payload, else its title); null for marketing or an unknown topic. */
    topicId: uuid().references(() => recurringTopics.id, { onDelete: "set null" }),
    /** 'daily' | 'weekly' | 'monthly' for recurring; null for marketing. */
    frequency: text(),
    userTimeZone: text(),
    tokenSealed: text().notNull(),
    tokenHash: text().notNull(),
    status: messagePermissionStatusEnum().notNull().default("active"),
    /** 'optin' (webhook) | 'import' (Meta's token list). */
    source: text().notNull(),
    sourceRef: jsonb(),
    optedInAt: timestamp({ withTimezone: true }).notNull(),
    expiresAt: timestamp({ withTimezone: true }),
    stoppedAt: timestamp({ withTimezone: true }),
    /**
     * Meta's time of the last STOP / RESUME applied: an older or redelivered one changes nothing (webhooks may
     * arrive late and twice).
     */
    statusChangedAt: timestamp({ withTimezone: true }),
    /** The last message sent with the token (for the cadence and Marketing Messages' conversation gap). */
    lastSentAt: timestamp({ withTimezone: true }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex("message_permissions_token_hash_key").on(t.tokenHash),
    index("message_permissions_contact_idx").on(t.orgId, t.contactId),
    index("message_permissions_send_idx").on(t.channelId, t.kind, t.status, t.topic),
    index("message_permissions_topic_idx").on(t.topicId, t.status).where(sql`${t.topicId} is not null`),
    index("message_permissions_expiry_idx").on(t.expiresAt).where(sql`${t.status} <> 'expired'`),
  ],
);
