import { sql } from "drizzle-orm";
import { index, pgEnum, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { createdAt, id, updatedAt } from "./columns";
import { conversations } from "./messaging";
import { channels } from "./channels";
import { memberships, organizations, skillGroups } from "./tenancy";

/**
 * What agents tag conversations with ("VIP", "退款"), managed in settings. Invariants: a name is unique per
 * organisation regardless of case; `color` is one of LABEL_COLORS (lib/services/labels). Deleting a label
 * takes it off every conversation (cascade).
 */
export const labels = pgTable(
  "labels",
  {
    id: id(),
    orgId: uuid().notNull().references(() => organizations.id, { onDelete: "cascade" }),
    name: text().notNull(),
    color: text().notNull().default("zinc"),
    description: text().notNull().default(""),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex("labels_org_name_key").on(t.orgId, sql`lower(${t.name})`)],
);

/** A label on a conversation. Invariant: once per (conversation, label); both of the same organisation. */
export const conversationLabels = pgTable(
  "conversation_labels",
  {
    conversationId: uuid()
      .notNull()
      .references(() => conversations.id, { onDelete: "cascade" }),
    labelId: uuid()
      .notNull()
      .references(() => labels.id, { onDelete: "cascade" }),
    orgId: uuid().notNull().references(() => organizations.id, { onDelete: "cascade" }),
    addedByMembershipId: uuid().references(() => memberships.id, { onDelete: "set null" }),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.conversationId, t.labelId] }), index("conversation_labels_label_idx").on(t.labelId, t.conversationId)],
);

/**
 * A saved answer agents insert with "/" and its shortcut. `skillGroupId` null: for the whole organisation;
 * set: only offered in that skill group's conversations. `content` may hold variables ({first_name},
 * {last_name}, {agent_name}, {page_name}) filled in when inserted. Invariant: a shortcut is unique, regardless
 * of case, within its scope (the organisation, or one skill group).
 */
export const cannedReplies = pgTable(
  "canned_replies",
  {
    id: id(),
    orgId: uuid().notNull().references(() => organizations.id, { onDelete: "cascade" }),
    skillGroupId: uuid().references(() => skillGroups.id, { onDelete: "cascade" }),
    shortcut: text().notNull(),
    content: text().notNull(),
    createdByMembershipId: uuid().references(() => memberships.id, { onDelete: "set null" }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex("canned_replies_org_shortcut_key").on(t.orgId, sql`lower(${t.shortcut})`).where(sql`${t.skillGroupId} is null`),
    uniqueIndex("canned_replies_group_shortcut_key").on(t.skillGroupId, sql`lower(${t.shortcut})`).where(sql`${t.skillGroupId} is not null`),
    index("canned_replies_org_idx").on(t.orgId),
  ],
);

/**
 * A private note on a conversation: seen by the organisation's members who can see the conversation, never
 * sent to Meta. `mentionedMembershipIds` are the members @mentioned in `body` (each also gets a notification).
 */
export const conversationNotes = pgTable(
  "conversation_notes",
  {
    id: id(),
    orgId: uuid().notNull().references(() => organizations.id, { onDelete: "cascade" }),
    conversationId: uuid()
      .notNull()
      .references(() => conversations.id, { onDelete: "cascade" }),
    authorMembershipId: uuid().references(() => memberships.id, { onDelete: "set null" }),
    body: text().notNull(),
    mentionedMembershipIds: uuid().array().notNull().default(sql`'{}'::uuid[]`),
    createdAt: createdAt(),
  },
  (t) => [index("conversation_notes_conversation_idx").on(t.conversationId, t.createdAt)],
);

export const memberNotificationKindEnum = pgEnum("member_notification_kind", ["mention", "assigned", "transferred", "channel_reconnect_needed"]);

/**
 * Something a member should see: an @mention in a note, a conversation assigned or transferred to them, a channel
 * whose Page token died (owners and admins: "reconnect needed", with `channelId`).
 * Invariants: written in the transaction of the change that caused it; `readAt` null until the member opens
 * it (or marks all read). Only the member it is for reads it.
 */
export const memberNotifications = pgTable(
  "member_notifications",
  {
    id: id(),
    orgId: uuid().notNull().references(() => organizations.id, { onDelete: "cascade" }),
    membershipId: uuid()
      .notNull()
      .references(() => memberships.id, { onDelete: "cascade" }),
    kind: memberNotificationKindEnum().notNull(),
    conversationId: uuid().references(() => conversations.id, { onDelete: "cascade" }),
    noteId: uuid().references(() => conversationNotes.id, { onDelete: "cascade" }),
    channelId: uuid().references(() => channels.id, { onDelete: "cascade" }),
    actorMembershipId: uuid().references(() => memberships.id, { onDelete: "set null" }),
    /** The transfer memo, or the note's first words. */
    excerpt: text(),
    readAt: timestamp({ withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [index("member_notifications_unread_idx").on(t.membershipId, t.createdAt).where(sql`${t.readAt} is null`), index("member_notifications_member_idx").on(t.membershipId, t.createdAt)],
);
