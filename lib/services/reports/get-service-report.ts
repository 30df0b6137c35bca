import { and, eq, inArray, sql, type SQL } from "drizzle-orm";
import { getDb } from "@/db/client";
import { rowsOf } from "@/db/json-insert";
import { channels, memberships, skillGroups, users } from "@/db/schema";
import { NotFoundError } from "@/lib/errors";
import { requirePermission, type OrgContext } from "@/lib/tenancy/context";
import { parseInput } from "@/lib/validation";
import { orgTimeZone, resolveRange, type ReportRange } from "./resolve-range";
import { serviceReportQuerySchema, type DurationStats, type ServiceBreakdownRow, type ServiceReport, type ServiceReportQuery } from "./schemas";

type Filters = { channelId?: string; skillGroupId?: string; membershipId?: string };
type Metric =
  | "messages_in"
  | "messages_out"
  | "conversations_new"
  | "conversations_resolved"
  | "conversations_reopened"
  | "bot_handovers"
  | "bot_answered"
  | "bot_suggested"
  | "bot_unanswered"
  | "bot_helpful"
  | "bot_unhelpful";

/** The instants that bound the range: midnight of `from` and of the day after `to`, in the organisation's zone. */
function bounds(range: ReportRange) {
  return {
    start: sql`((${range.from}::date)::timestamp at time zone ${range.timeZone})`,
    end: sql`((${range.to}::date + 1)::timestamp at time zone ${range.timeZone})`,
  };
}

const emptyStats = (): DurationStats => ({ count: 0, medianMs: null, p90Ms: null, averageMs: null });
const ms = (v: unknown) => (v === null || v === undefined ? null : Math.round(Number(v)));
const ratio = (a: number, b: number) => (b > 0 ? a / b : null);

/** Three figures of one clock, in milliseconds; percentile_cont interpolates (the median of 2 values is their mean). */
function clock(expr: SQL, name: string): SQL {
  return sql`
    count(${expr})::int as ${sql.raw(`${name}_n`)},
    percentile_cont(0.5) within group (order by ${expr}) as ${sql.raw(`${name}_p50`)},
    percentile_cont(0.9) within group (order by ${expr}) as ${sql.raw(`${name}_p90`)},
    avg(${expr}) as ${sql.raw(`${name}_avg`)}`;
}
function statsOf(row: Record<string, unknown> | undefined, name: string): DurationStats {
  if (!row || !Number(row[`${name}_n`])) return emptyStats();
  return { count: Number(row[`${name}_n`]), medianMs: ms(row[`${name}_p50`]), p90Ms: ms(row[`${name}_p90`]), averageMs: ms(row[`${name}_avg`]) };
}
const elapsed = (to: string, from: string) => sql.raw(`extract(epoch from (${to} - ${from})) * 1000`);

/** Another organisation's channel, group or member is "not found", as if it did not exist. */
async function assertFiltersInOrg(ctx: OrgContext, f: Filters) {
  const db = await getDb();
  const checks: Promise<void>[] = [];
  if (f.channelId)
    checks.push(
      db.select({ id: channels.id }).from(channels).where(and(eq(channels.id, f.channelId), eq(channels.orgId, ctx.org.id))).limit(1).then((r) => {
        if (!r.length) throw new NotFoundError("channels.errors.notFound");
      }),
    );
  if (f.skillGroupId)
    checks.push(
      db.select({ id: skillGroups.id }).from(skillGroups).where(and(eq(skillGroups.id, f.skillGroupId), eq(skillGroups.orgId, ctx.org.id))).limit(1).then((r) => {
        if (!r.length) throw new NotFoundError("skillGroups.errors.notFound");
      }),
    );
  if (f.membershipId)
    checks.push(
      db.select({ id: memberships.id }).from(memberships).where(and(eq(memberships.id, f.membershipId), eq(memberships.orgId, ctx.org.id))).limit(1).then((r) => {
        if (!r.length) throw new NotFoundError("members.errors.notFound");
      }),
    );
  await Promise.all(checks);
}

/** `and column = id` for each filter given, with the column each table names it by. */
function filterSql(f: Filters, columns: { channel: string; skillGroup: string; membership: string }): SQL {
  const parts: SQL[] = [];
  if (f.channelId) parts.push(sql`and ${sql.raw(columns.channel)} = ${f.channelId}::uuid`);
  if (f.skillGroupId) parts.push(sql`and ${sql.raw(columns.skillGroup)} = ${f.skillGroupId}::uuid`);
  if (f.membershipId) parts.push(sql`and ${sql.raw(columns.membership)} = ${f.membershipId}::uuid`);
  return sql.join(parts, sql` `);
}

/**
 * The service report over a range of the organisation's days: volumes and bot figures summed from the
 * quarter-hour rollups, the clocks (first response, wait, handle, resolution) from conversation cycles, each on
 * the day it stopped, and satisfaction from the surveys of the resolutions in the range. Never reads messages.
 * Filters narrow everything to a channel, a skill group or an agent (a membership): with an agent, figures that
 * belong to no agent (messages in, new and reopened conversations, the bot) are zero, as they are not theirs.
 * Owners and admins (reports.service).
 */
export async function getServiceReport({ ctx, input = {}, now }: { ctx: OrgContext; input?: ServiceReportQuery; now?: Date }): Promise<ServiceReport> {
  requirePermission(ctx, "reports.service");
  const query = parseInput(serviceReportQuerySchema, input);
  const filters: Filters = { channelId: query.channelId, skillGroupId: query.skillGroupId, membershipId: query.membershipId };
  const [timeZone] = await Promise.all([orgTimeZone(ctx), assertFiltersInOrg(ctx, filters)]);
  const range = resolveRange(query, timeZone, now);
  const { start, end } = bounds(range);
  const org = ctx.org.id;
  const tz = range.timeZone;
  const db = await getDb();

  // One pass over the rollups, four groupings: per day, per agent, per skill group, per weekday and hour.
  const countersQuery = sql`
    with c as (
      select metric::text as metric, membership_id, skill_group_id, value,
             (bucket at time zone ${tz})::date as day,
             extract(dow from bucket at time zone ${tz})::int as dow,
             extract(hour from bucket at time zone ${tz})::int as hour
        from report_counters
       where org_id = ${org}::uuid and bucket >= ${start} and bucket < ${end}
         ${filterSql(filters, { channel: "channel_id", skillGroup: "skill_group_id", membership: "membership_id" })}
    )
    select grouping(day, membership_id, skill_group_id, dow, hour)::int as g, metric, to_char(day, 'YYYY-MM-DD') as day,
           membership_id, skill_group_id, dow, hour, sum(value)::bigint as n
      from c
     group by grouping sets ((metric, day), (metric, membership_id), (metric, skill_group_id), (metric, dow, hour))`;

  const cycleFilter = filterSql(filters, { channel: "channel_id", skillGroup: "skill_group_id", membership: "membership_id" });
  const responderFilter = filterSql(filters, { channel: "channel_id", skillGroup: "skill_group_id", membership: "first_responder_membership_id" });
  // First response: on the day of the reply, by who replied.
  const firstResponseQuery = sql`
    select grouping(first_responder_membership_id, skill_group_id)::int as g, first_responder_membership_id as membership_id, skill_group_id,
           ${clock(elapsed("first_response_at", "opened_at"), "fr")}
      from conversation_cycles
     where org_id = ${org}::uuid and first_response_at >= ${start} and first_response_at < ${end} ${responderFilter}
     group by grouping sets ((), (first_responder_membership_id), (skill_group_id))`;
  // Wait: on the day an agent first took it; only cycles that waited in a queue.
  const waitQuery = sql`
    select ${clock(elapsed("first_assigned_at", "queued_at"), "wait")}
      from conversation_cycles
     where org_id = ${org}::uuid and first_assigned_at >= ${start} and first_assigned_at < ${end} and queued_at is not null ${cycleFilter}`;
  // Handle and resolution: on the day of the resolution, by who held it then.
  const resolvedQuery = sql`
    select grouping(membership_id, skill_group_id)::int as g, membership_id, skill_group_id,
           ${clock(elapsed("resolved_at", "first_assigned_at"), "handle")},
           ${clock(elapsed("resolved_at", "opened_at"), "res")}
      from conversation_cycles
     where org_id = ${org}::uuid and resolved_at >= ${start} and resolved_at < ${end} ${cycleFilter}
     group by grouping sets ((), (membership_id), (skill_group_id))`;
  // Surveys of the resolutions in the range, asked or skipped.
  const csatQuery = sql`
    select grouping(membership_id, skill_group_id, day)::int as g, membership_id, skill_group_id, to_char(day, 'YYYY-MM-DD') as day,
           count(*) filter (where status in ('asked', 'rated'))::int as asked,
           count(*) filter (where status = 'skipped')::int as skipped,
           count(*) filter (where status = 'rated')::int as rated,
           avg(rating) filter (where status = 'rated')::float8 as average,
           count(*) filter (where rating = 1)::int as r1, count(*) filter (where rating = 2)::int as r2, count(*) filter (where rating = 3)::int as r3,
           count(*) filter (where rating = 4)::int as r4, count(*) filter (where rating = 5)::int as r5,
           count(*) filter (where comment is not null and comment <> '')::int as comments
      from (select *, (resolved_at at time zone ${tz})::date as day from csat_surveys
             where org_id = ${org}::uuid and resolved_at >= ${start} and resolved_at < ${end} ${cycleFilter}) s
     group by grouping sets ((), (membership_id), (skill_group_id), (day))`;

  type CounterRow = { g: number; metric: Metric; day: string | null; membership_id: string | null; skill_group_id: string | null; dow: number | null; hour: number | null; n: string | number };
  type Row = Record<string, unknown> & { g: number; membership_id: string | null; skill_group_id: string | null; day?: string | null };
  const [counterRows, frRows, waitRows, resolvedRows, csatRows] = await Promise.all([
    db.execute(countersQuery).then((r) => rowsOf<CounterRow>(r)),
    db.execute(firstResponseQuery).then((r) => rowsOf<Row>(r)),
    db.execute(waitQuery).then((r) => rowsOf<Record<string, unknown>>(r)),
    db.execute(resolvedQuery).then((r) => rowsOf<Row>(r)),
    db.execute(csatQuery).then((r) => rowsOf<Row>(r)),
  ]);

  // grouping() bits, left to right: (day, membership, skill group, dow, hour) — 0 where the column is grouped.
  const BY_DAY = 0b01111, BY_MEMBER = 0b10111, BY_GROUP = 0b11011, BY_HOUR = 0b11100;
  const total = (metric: Metric) => counterRows.filter((r) => r.g === BY_DAY && r.metric === metric).reduce((s, r) => s + Number(r.n), 0);
  const dayCount = (day: string, metric: Metric) => Number(counterRows.find((r) => r.g === BY_DAY && r.day === day && r.metric === metric)?.n ?? 0);

  const heatmap = Array.from({ length: 7 }, () => Array.from({ length: 24 }, () => 0));
  for (const r of counterRows) if (r.g === BY_HOUR && r.metric === "messages_in") heatmap[r.dow!]![r.hour!]! += Number(r.n);

  const csatTotal = csatRows.find((r) => r.g === 0b111);
  const n = (row: Row | undefined, key: string) => Number(row?.[key] ?? 0);
  const csatDay = (day: string) => csatRows.find((r) => r.g === 0b110 && r.day === day);

  const breakdown = async (kind: "member" | "group"): Promise<ServiceBreakdownRow[]> => {
    const col = kind === "member" ? "membership_id" : "skill_group_id";
    const counterG = kind === "member" ? BY_MEMBER : BY_GROUP;
    const cyclesG = kind === "member" ? 0b01 : 0b10;
    const csatG = kind === "member" ? 0b011 : 0b101;
    const key = (id: string | null) => id ?? "";
    const ids = new Set<string>();
    const counters = new Map<string, { resolved: number; out: number }>();
    for (const r of counterRows) {
      if (r.g !== counterG || (r.metric !== "conversations_resolved" && r.metric !== "messages_out")) continue;
      const id = key(r[col]);
      const entry = counters.get(id) ?? { resolved: 0, out: 0 };
      if (r.metric === "conversations_resolved") entry.resolved += Number(r.n);
      else entry.out += Number(r.n);
      counters.set(id, entry);
      ids.add(id);
    }
    const fr = new Map(frRows.filter((r) => r.g === cyclesG).map((r) => [key(r[col]), r]));
    const resolved = new Map(resolvedRows.filter((r) => r.g === cyclesG).map((r) => [key(r[col]), r]));
    const csat = new Map(csatRows.filter((r) => r.g === csatG).map((r) => [key(r[col]), r]));
    for (const m of [fr, resolved, csat]) for (const id of m.keys()) ids.add(id);
    const named = [...ids].filter(Boolean);
    const names = new Map<string, string>();
    if (named.length) {
      const rows =
        kind === "member"
          ? await db
              .select({ id: memberships.id, name: sql<string>`coalesce(nullif(${users.name}, ''), ${users.email})` })
              .from(memberships)
              .innerJoin(users, eq(users.id, memberships.userId))
              .where(and(eq(memberships.orgId, org), inArray(memberships.id, named)))
          : await db.select({ id: skillGroups.id, name: skillGroups.name }).from(skillGroups).where(and(eq(skillGroups.orgId, org), inArray(skillGroups.id, named)));
      for (const r of rows) names.set(r.id, r.name);
    }
    return [...ids]
      .map((id) => {
        const c = csat.get(id);
        return {
          id: id || null,
          name: names.get(id) ?? null,
          conversationsResolved: counters.get(id)?.resolved ?? 0,
          messagesOut: counters.get(id)?.out ?? 0,
          firstResponse: statsOf(fr.get(id), "fr"),
          handle: statsOf(resolved.get(id), "handle"),
          resolution: statsOf(resolved.get(id), "res"),
          csatAverage: c && n(c, "rated") ? Number(c.average) : null,
          csatRated: n(c, "rated"),
        };
      })
      .sort((a, b) => Number(a.id === null) - Number(b.id === null) || b.conversationsResolved - a.conversationsResolved || (a.name ?? "").localeCompare(b.name ?? "") || (a.id ?? "").localeCompare(b.id ?? ""));
  };
  const [agents, groups] = await Promise.all([breakdown("member"), breakdown("group")]);

  const helpful = total("bot_helpful");
  const unhelpful = total("bot_unhelpful");
  const asked = n(csatTotal, "asked");
  const rated = n(csatTotal, "rated");
  return {
    range: { from: range.from, to: range.to, timeZone: range.timeZone },
    totals: {
      conversationsNew: total("conversations_new"),
      conversationsResolved: total("conversations_resolved"),
      conversationsReopened: total("conversations_reopened"),
      messagesIn: total("messages_in"),
      messagesOut: total("messages_out"),
      firstResponse: statsOf(frRows.find((r) => r.g === 0b11), "fr"),
      wait: statsOf(waitRows[0], "wait"),
      handle: statsOf(resolvedRows.find((r) => r.g === 0b11), "handle"),
      resolution: statsOf(resolvedRows.find((r) => r.g === 0b11), "res"),
      csat: {
        asked,
        skipped: n(csatTotal, "skipped"),
        rated,
        responseRate: ratio(rated, asked),
        average: rated ? Number(csatTotal!.average) : null,
        distribution: [1, 2, 3, 4, 5].map((k) => n(csatTotal, `r${k}`)),
        comments: n(csatTotal, "comments"),
      },
      bot: {
        answered: total("bot_answered"),
        suggested: total("bot_suggested"),
        unanswered: total("bot_unanswered"),
        helpful,
        unhelpful,
        helpfulRate: ratio(helpful, helpful + unhelpful),
        handovers: total("bot_handovers"),
      },
    },
    days: range.days.map((date) => {
      const c = csatDay(date);
      return {
        date,
        conversationsNew: dayCount(date, "conversations_new"),
        conversationsResolved: dayCount(date, "conversations_resolved"),
        conversationsReopened: dayCount(date, "conversations_reopened"),
        messagesIn: dayCount(date, "messages_in"),
        messagesOut: dayCount(date, "messages_out"),
        csatAverage: c && n(c, "rated") ? Number(c.average) : null,
      };
    }),
    heatmap,
    agents,
    skillGroups: groups,
  };
}
