import { sql } from "drizzle-orm";
import { bigint, index, pgEnum, pgTable, timestamp, unique, uuid } from "drizzle-orm/pg-core";
import { id } from "./columns";
import { conversations } from "./messaging";
import { organizations } from "./tenancy";

/**
 * Report rollups (issue 16). Reports never scan messages: they read these two tables and csat_surveys. Both are
 * kept by database triggers (migration 0020_report_rollups.sql), in the transaction of the row that changes
 * them, because messages are written by five code paths (webhook processing, the desk's replies, the bot, the
 * routing replies, the survey) and a rollup that one of them forgot would be silently wrong. The triggers are
 * statement-level (one aggregated upsert per insert statement, not one per row), so a webhook batch of 500
 * messages costs one more statement.
 *
 * Dimension columns (channel, skill group, member) carry no foreign keys on purpose: history outlives a
 * deleted skill group or member, and a "set null" would merge rows under the unique key.
 */
export const reportMetricEnum = pgEnum("report_metric", [
  /** A message, postback or tapped button from the person (Meta's timestamp). */
  "messages_in",
  /** A message the Page sent or is sending: agents, the bot, automatic replies, the Page inbox; failed sends are taken back out. */
  "messages_out",
  /** A conversation opened on the desk for the first time (the person's first message, or the bot's first handover). */
  "conversations_new",
  "conversations_resolved",
  /** A resolved conversation opened again (by the person writing, or a member). */
  "conversations_reopened",
  /** The bot handed a conversation to the desk. */
  "bot_handovers",
  "bot_answered",
  "bot_suggested",
  "bot_unanswered",
  "bot_helpful",
  "bot_unhelpful",
]);

/**
 * Additive counters per quarter hour: every time zone's midnight and hour fall on a quarter hour (India +5:30,
 * Nepal +5:45), so any day or hour of any organisation's time zone is an exact sum of buckets.
 * Invariant: one row per (org, bucket, metric, channel, skill group, member), nulls included (NULLS NOT
 * DISTINCT), upserted by the triggers only. `membershipId`: for messages_out the member who sent it, for
 * resolutions the agent who had the conversation; null for the rest (a message in belongs to the conversation, and
 * whom it was assigned to when it arrived is not known yet: routing runs after the message is stored).
 */
export const reportCounters = pgTable(
  "report_counters",
  {
    orgId: uuid().notNull().references(() => organizations.id, { onDelete: "cascade" }),
    bucket: timestamp({ withTimezone: true }).notNull(),
    metric: reportMetricEnum().notNull(),
    channelId: uuid(),
    skillGroupId: uuid(),
    membershipId: uuid(),
    value: bigint({ mode: "number" }).notNull().default(0),
  },
  (t) => [unique("report_counters_key").on(t.orgId, t.bucket, t.metric, t.channelId, t.skillGroupId, t.membershipId).nullsNotDistinct()],
);

/**
 * One cycle of a conversation on the desk: from (re)opening to resolution. The clocks reports show:
 * - wait in queue: `queuedAt` (opened with nobody assigned, or the bot's handover) to `firstAssignedAt`;
 * - first response: `openedAt` to `firstResponseAt`, the first reply by a person on the Page's side (an agent
 *   from the desk, or someone in the Page's own inbox), never the bot's or an automatic message;
 * - handle time: `firstAssignedAt` to `resolvedAt`; resolution time: `openedAt` to `resolvedAt`.
 * Invariants: at most one open cycle (`resolvedAt` null) per conversation, the latest; written by the trigger on
 * conversation_activities (and on messages, for the first response). `membershipId` is the agent holding it
 * (at resolution: who resolved it off their load); `firstResponderMembershipId` who answered first (null for
 * the Page inbox).
 */
export const conversationCycles = pgTable(
  "conversation_cycles",
  {
    id: id(),
    orgId: uuid().notNull().references(() => organizations.id, { onDelete: "cascade" }),
    conversationId: uuid()
      .notNull()
      .references(() => conversations.id, { onDelete: "cascade" }),
    channelId: uuid(),
    skillGroupId: uuid(),
    membershipId: uuid(),
    firstResponderMembershipId: uuid(),
    openedAt: timestamp({ withTimezone: true }).notNull(),
    queuedAt: timestamp({ withTimezone: true }),
    firstAssignedAt: timestamp({ withTimezone: true }),
    firstResponseAt: timestamp({ withTimezone: true }),
    resolvedAt: timestamp({ withTimezone: true }),
  },
  (t) => [
    index("conversation_cycles_conversation_idx").on(t.conversationId, t.openedAt),
    // Each clock is reported on the day it stopped: one index per stop.
    index("conversation_cycles_org_resolved_idx").on(t.orgId, t.resolvedAt).where(sql`${t.resolvedAt} is not null`),
    index("conversation_cycles_org_first_response_idx").on(t.orgId, t.firstResponseAt).where(sql`${t.firstResponseAt} is not null`),
    index("conversation_cycles_org_assigned_idx").on(t.orgId, t.firstAssignedAt).where(sql`${t.firstAssignedAt} is not null`),
  ],
);
