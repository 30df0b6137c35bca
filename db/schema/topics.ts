import { sql } from "drizzle-orm";
import { index, integer, pgEnum, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { channels } from "./channels";
import { createdAt, id, updatedAt } from "./columns";
import { organizations } from "./tenancy";

/** How often a topic's subscribers may be messaged (Meta's notification_messages_frequency, lower-cased). */
export const topicCadenceEnum = pgEnum("topic_cadence", ["daily", "weekly", "monthly"]);
/**
 * Meta only accepts opt-in requests for a topic (title) someone already opted in to on the Page: the guide's
 * registration is an opt-in by the Page admin's own Messenger account. unregistered → pending (the request went
 * to the admin) → registered (the admin's opt-in arrived, or any opt-in with this topic's payload or title).
 */
export const topicRegistrationEnum = pgEnum("topic_registration", ["unregistered", "pending", "registered"]);

/**
 * A recurring-notification topic of one channel (Page): what people subscribe to through an opt-in request or an
 * m.me/rn link, and what recurring campaigns send to.
 * Invariants:
 * - `title` is Meta's topic title (<= 65 characters), unique per channel among topics not deleted, regardless of
 *   case; it is what Meta puts in the opt-in webhook, so it cannot change once someone subscribed;
 * - `payload` is unguessable and unique: the opt-in requests carry it, so an opt-in names its topic without
 *   trusting the title alone;
 * - `registrationPsid` is the admin's own Messenger account the registration request went to (pending, registered);
 * - deleting sets `deletedAt` (permissions and campaigns keep pointing at it).
 */
export const recurringTopics = pgTable(
  "recurring_topics",
  {
    id: id(),
    orgId: uuid().notNull().references(() => organizations.id, { onDelete: "cascade" }),
    channelId: uuid().notNull().references(() => channels.id, { onDelete: "cascade" }),
    title: text().notNull(),
    cadence: topicCadenceEnum().notNull(),
    /** The opt-in request's image (https URL); null: none. */
    imageUrl: text(),
    payload: text().notNull(),
    registration: topicRegistrationEnum().notNull().default("unregistered"),
    registrationPsid: text(),
    registrationRequestedAt: timestamp({ withTimezone: true }),
    registeredAt: timestamp({ withTimezone: true }),
    createdBy: text(),
    deletedAt: timestamp({ withTimezone: true }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex("recurring_topics_channel_title_key").on(t.channelId, sql`lower(${t.title})`).where(sql`${t.deletedAt} is null`),
    uniqueIndex("recurring_topics_payload_key").on(t.payload),
    index("recurring_topics_org_idx").on(t.orgId, t.channelId).where(sql`${t.deletedAt} is null`),
  ],
);

/**
 * Anti-spam memory of opt-in requests: Meta allows one request with the same title per person per week (9/2018352),
 * so we send at most one per topic per person per 7 days and count them. One row per (topic, psid).
 */
export const topicRequests = pgTable(
  "topic_requests",
  {
    id: id(),
    topicId: uuid().notNull().references(() => recurringTopics.id, { onDelete: "cascade" }),
    channelId: uuid().notNull().references(() => channels.id, { onDelete: "cascade" }),
    psid: text().notNull(),
    lastRequestedAt: timestamp({ withTimezone: true }).notNull(),
    requestCount: integer().notNull().default(1),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("topic_requests_topic_psid_key").on(t.topicId, t.psid)],
);
