import { sql } from "drizzle-orm";
import { bigint, check, date, doublePrecision, index, pgEnum, pgTable, smallint, text, timestamp, unique, uuid } from "drizzle-orm/pg-core";
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

/** Satisfaction figures, additive per resolution, kept in the day layer only (from csat_surveys). */
export const CSAT_DAY_METRICS = [
  /** Surveys sent (asked, whether rated yet or not). */
  "csat_asked",
  /** Resolutions outside Meta's 24-hour window: no survey. */
  "csat_skipped",
  "csat_rated",
  /** The sum of the ratings: the average is this over csat_rated. */
  "csat_rating_sum",
  "csat_rating_1",
  "csat_rating_2",
  "csat_rating_3",
  "csat_rating_4",
  "csat_rating_5",
  "csat_comments",
] as const;
export const REPORT_DAY_METRICS = [...reportMetricEnum.enumValues, ...CSAT_DAY_METRICS] as const;
export type ReportDayMetric = (typeof REPORT_DAY_METRICS)[number];

/**
 * The day layer: `report_counters` summed per day of the organisation's time zone, plus the satisfaction
 * figures. A 30-day report reads a few thousand of these rows instead of the quarter hours' hundreds of
 * thousands (50 agents x 2,880 quarter hours): `npm run bench reports`. Kept by triggers on report_counters and
 * csat_surveys (migration 0022_report_day_layer.sql); rebuilt from the quarter hours when the organisation's time
 * zone changes (`report_rebuild_days`, under an advisory lock the triggers share, so no change is lost between).
 * Invariant: for every organisation, equal to the quarter hours (and surveys) grouped by day in its current zone.
 * `metric` is text, not the enum, because new enum values cannot be used in the migration that adds them.
 */
export const reportDailyCounters = pgTable(
  "report_daily_counters",
  {
    orgId: uuid().notNull().references(() => organizations.id, { onDelete: "cascade" }),
    day: date({ mode: "string" }).notNull(),
    metric: text({ enum: REPORT_DAY_METRICS }).notNull(),
    channelId: uuid(),
    skillGroupId: uuid(),
    membershipId: uuid(),
    value: bigint({ mode: "number" }).notNull().default(0),
  },
  (t) => [
    unique("report_daily_counters_key").on(t.orgId, t.day, t.metric, t.channelId, t.skillGroupId, t.membershipId).nullsNotDistinct(),
    check("report_daily_counters_metric", sql.raw(`metric in (${REPORT_DAY_METRICS.map((m) => `'${m}'`).join(", ")})`)),
  ],
);

/**
 * The time zone the day layer of an organisation is in. Triggers write in this zone, not in the organisation's
 * current one: when the organisation changes its zone, `report_rebuild_days` recomputes the layer and moves this
 * row, under the advisory lock the triggers share, in a transaction of its own (it must not hold the
 * organisation's row while it waits for them: their foreign-key checks lock that row). A report that finds the
 * two zones apart (a rebuild not done yet) rebuilds first. Inserted by the first trigger of an organisation.
 */
export const reportDayZones = pgTable("report_day_zones", {
  orgId: uuid()
    .primaryKey()
    .references(() => organizations.id, { onDelete: "cascade" }),
  timeZone: text().notNull(),
});

/**
 * Messages in per hour of the organisation's days: the weekday-by-hour heat map, without the agent dimension
 * that makes the quarter hours large. Kept and rebuilt with the day layer.
 */
export const reportInboundHours = pgTable(
  "report_inbound_hours",
  {
    orgId: uuid().notNull().references(() => organizations.id, { onDelete: "cascade" }),
    day: date({ mode: "string" }).notNull(),
    hour: smallint().notNull(),
    channelId: uuid(),
    skillGroupId: uuid(),
    value: bigint({ mode: "number" }).notNull().default(0),
  },
  (t) => [
    unique("report_inbound_hours_key").on(t.orgId, t.day, t.hour, t.channelId, t.skillGroupId).nullsNotDistinct(),
    check("report_inbound_hours_hour", sql`${t.hour} between 0 and 23`),
  ],
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
    // The four clocks in milliseconds, stored: a 30-day report sorts ~100,000 of each, and computing them per row
    // from the instants cost as much as the sorts (bench: 360 → 195 ms of CPU for handle and resolution).
    firstResponseMs: doublePrecision().generatedAlwaysAs(sql`extract(epoch from (first_response_at - opened_at)) * 1000`),
    waitMs: doublePrecision().generatedAlwaysAs(sql`extract(epoch from (first_assigned_at - queued_at)) * 1000`),
    handleMs: doublePrecision().generatedAlwaysAs(sql`extract(epoch from (resolved_at - first_assigned_at)) * 1000`),
    resolutionMs: doublePrecision().generatedAlwaysAs(sql`extract(epoch from (resolved_at - opened_at)) * 1000`),
  },
  (t) => [
    index("conversation_cycles_conversation_idx").on(t.conversationId, t.openedAt),
    // Each clock is reported on the day it stopped: one index per stop, with the clocks that stop there, so that
    // the report reads a range of the index alone (an index-only scan), not the table (docs/reports.md).
    index("conversation_cycles_org_resolved_idx").on(t.orgId, t.resolvedAt, t.handleMs, t.resolutionMs).where(sql`${t.resolvedAt} is not null`),
    index("conversation_cycles_org_first_response_idx").on(t.orgId, t.firstResponseAt, t.firstResponseMs).where(sql`${t.firstResponseAt} is not null`),
    index("conversation_cycles_org_assigned_idx").on(t.orgId, t.firstAssignedAt, t.waitMs).where(sql`${t.firstAssignedAt} is not null`),
    // The same per agent and per skill group: each one's range read on its own, already in key order.
    index("conversation_cycles_org_member_resolved_idx")
      .on(t.orgId, t.membershipId, t.resolvedAt, t.handleMs, t.resolutionMs)
      .where(sql`${t.resolvedAt} is not null`),
    index("conversation_cycles_org_group_resolved_idx")
      .on(t.orgId, t.skillGroupId, t.resolvedAt, t.handleMs, t.resolutionMs)
      .where(sql`${t.resolvedAt} is not null`),
    index("conversation_cycles_org_responder_first_response_idx")
      .on(t.orgId, t.firstResponderMembershipId, t.firstResponseAt, t.firstResponseMs)
      .where(sql`${t.firstResponseAt} is not null`),
    index("conversation_cycles_org_group_first_response_idx")
      .on(t.orgId, t.skillGroupId, t.firstResponseAt, t.firstResponseMs)
      .where(sql`${t.firstResponseAt} is not null`),
  ],
);
