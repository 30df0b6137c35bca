import { and, eq, inArray, sql, type SQL } from "drizzle-orm";
import { getDb } from "@/db/client";
import { rowsOf } from "@/db/json-insert";
import { channels, memberships, skillGroups, users } from "@/db/schema";
import { NotFoundError } from "@/lib/errors";
import { requirePermission, type OrgContext } from "@/lib/tenancy/context";
import { parseInput } from "@/lib/validation";
import type { ServiceCsvTable } from "./csv";
import { dayLayerZone } from "./day-layer-zone";
import { rangeInstants, resolveRange } from "./resolve-range";
import { sortingInMemory } from "./sorting-in-memory";
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
  | "bot_unhelpful"
  | "csat_asked"
  | "csat_skipped"
  | "csat_rated"
  | "csat_rating_sum"
  | "csat_rating_1"
  | "csat_rating_2"
  | "csat_rating_3"
  | "csat_rating_4"
  | "csat_rating_5"
  | "csat_comments";

const emptyStats = (): DurationStats => ({ count: 0, medianMs: null, p90Ms: null, averageMs: null });
const ms = (v: unknown) => (v === null || v === undefined ? null : Math.round(Number(v)));
const ratio = (a: number, b: number) => (b > 0 ? a / b : null);

/**
 * Three figures of one clock, in milliseconds; percentile_cont interpolates (the median of 2 values is their
 * mean). Both percentiles from one array call: one sort per clock and group instead of two.
 */
function clock(expr: SQL, name: string): SQL {
  return sql`
    count(${expr})::int as ${sql.raw(`${name}_n`)},
    percentile_cont(array[0.5, 0.9]::float8[]) within group (order by ${expr}) as ${sql.raw(`${name}_p`)},
    avg(${expr}) as ${sql.raw(`${name}_avg`)}`;
}
function statsOf(row: Record<string, unknown> | undefined, name: string): DurationStats {
  if (!row || !Number(row[`${name}_n`])) return emptyStats();
  const [p50, p90] = row[`${name}_p`] as (number | string)[];
  return { count: Number(row[`${name}_n`]), medianMs: ms(p50), p90Ms: ms(p90), averageMs: ms(row[`${name}_avg`]) };
}

/**
 * A clock's figures per agent or per skill group (`key`), one row per key with cycles in the range and `key` (null:
 * no agent or group). Each key's cycles are read on their own from the index (organisation, key, the instant
 * the clock stopped, the clocks) — an index-only range scan, already in key order — so only each key's own
 * durations are sorted. Grouping the range's cycles by key instead sorted their full rows by the key first, and
 * once the table held more history than the range, read them from the table. The keys come from the same
 * index, one probe per key ("loose index scan"): every agent or group that ever stopped this clock, so that a
 * deleted one keeps its history; those without cycles in the range give no row.
 */
function perKey(org: string, key: "membership_id" | "first_responder_membership_id" | "skill_group_id", stop: "resolved_at" | "first_response_at", where: SQL, clocks: SQL, filtered: boolean): SQL {
  const k = sql.raw(key);
  // Filtered to a channel, a group or an agent, the range holds a fraction of the cycles, and the filter's column
  // is not in the key's index: grouping them is cheaper than reading each key's cycles from the table.
  if (filtered) return sql`select ${k} as key, ${clocks} from conversation_cycles where ${where} group by ${k}`;
  const stopped = sql`org_id = ${org}::uuid and ${sql.raw(stop)} is not null`;
  return sql`
    with recursive keys(id) as (
      (select ${k} from conversation_cycles where ${stopped} and ${k} is not null order by ${k} limit 1)
      union all
      select (select ${k} from conversation_cycles where ${stopped} and ${k} > keys.id order by ${k} limit 1) from keys where keys.id is not null
    )
    select keys.id as key, figures.* from keys
      cross join lateral (select ${clocks} from conversation_cycles where ${where} and ${k} = keys.id having count(*) > 0) figures
     where keys.id is not null
    union all
    select null::uuid, ${clocks} from conversation_cycles where ${where} and ${k} is null having count(*) > 0`;
}

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
 * The service report over a range of the organisation's days: volumes, the bot and satisfaction summed from the
 * day layer (report_daily_counters, in the organisation's zone), the heat map from report_inbound_hours, the
 * clocks (first response, wait, handle, resolution) from conversation cycles, each on the day it stopped. Never
 * reads messages.
 * Filters narrow everything to a channel, a skill group or an agent (a membership): with an agent, figures that
 * belong to no agent (messages in, new and reopened conversations, the bot) are zero, as they are not theirs.
 * Owners and admins (reports.service).
 */
export async function getServiceReport({
  ctx,
  input = {},
  now,
  only,
}: {
  ctx: OrgContext;
  input?: ServiceReportQuery;
  now?: Date;
  /** One table's figures only (a CSV download): the queries the other tables need are not run, and their parts are empty. */
  only?: ServiceCsvTable;
}): Promise<ServiceReport> {
  requirePermission(ctx, "reports.service");
  const query = parseInput(serviceReportQuerySchema, input);
  const filters: Filters = { channelId: query.channelId, skillGroupId: query.skillGroupId, membershipId: query.membershipId };
  const [timeZone] = await Promise.all([dayLayerZone(ctx.org.id), assertFiltersInOrg(ctx, filters)]);
  const range = resolveRange(query, timeZone, now);
  const { start, end } = await rangeInstants(range);
  const org = ctx.org.id;
  const db = await getDb();
  const dayFilter = filterSql(filters, { channel: "channel_id", skillGroup: "skill_group_id", membership: "membership_id" });

  // The day layer, three groupings: per day, per agent, per skill group (volumes, the bot, satisfaction).
  const countersQuery = sql`
    select grouping(day, membership_id, skill_group_id)::int as g, metric, to_char(day, 'YYYY-MM-DD') as day, membership_id, skill_group_id, sum(value)::bigint as n
      from report_daily_counters
     where org_id = ${org}::uuid and day between ${range.from}::date and ${range.to}::date ${dayFilter}
     group by grouping sets ((metric, day), (metric, membership_id), (metric, skill_group_id))`;
  // Messages in by weekday and hour. They belong to no agent: with an agent chosen the map is empty.
  const heatmapQuery = sql`
    select date_part('dow', day)::int as dow, hour, sum(value)::bigint as n
      from report_inbound_hours
     where org_id = ${org}::uuid and day between ${range.from}::date and ${range.to}::date
       ${filterSql({ channelId: filters.channelId, skillGroupId: filters.skillGroupId }, { channel: "channel_id", skillGroup: "skill_group_id", membership: "" })}
     group by 1, 2`;

  const cycleFilter = filterSql(filters, { channel: "channel_id", skillGroup: "skill_group_id", membership: "membership_id" });
  const responderFilter = filterSql(filters, { channel: "channel_id", skillGroup: "skill_group_id", membership: "first_responder_membership_id" });
  // First response: on the day of the reply, by who replied.
  const firstResponseWhere = sql`org_id = ${org}::uuid and first_response_at >= ${start} and first_response_at < ${end} ${responderFilter}`;
  const firstResponseClock = clock(sql.raw("first_response_ms"), "fr");
  // Wait: on the day an agent first took it; only cycles that waited in a queue (wait_ms is null otherwise).
  const waitQuery = sql`
    select ${clock(sql.raw("wait_ms"), "wait")}
      from conversation_cycles
     where org_id = ${org}::uuid and first_assigned_at >= ${start} and first_assigned_at < ${end} and wait_ms is not null ${cycleFilter}`;
  // Handle and resolution: on the day of the resolution, by who held it then.
  const resolvedWhere = sql`org_id = ${org}::uuid and resolved_at >= ${start} and resolved_at < ${end} ${cycleFilter}`;
  const resolvedClocks = sql`${clock(sql.raw("handle_ms"), "handle")}, ${clock(sql.raw("resolution_ms"), "res")}`;
  const everyone = (where: SQL, clocks: SQL) => sql`select ${clocks} from conversation_cycles where ${where}`;

  type CounterRow = { g: number; metric: Metric; day: string | null; membership_id: string | null; skill_group_id: string | null; n: string | number };
  const filtered = Boolean(filters.channelId || filters.skillGroupId || filters.membershipId);
  type Row = Record<string, unknown>;
  type KeyRow = Row & { key: string | null };
  const rows = <T,>(query: SQL) => sortingInMemory(query).then((r) => rowsOf<T>(r));
  const needs = (...tables: ServiceCsvTable[]) => only === undefined || tables.includes(only);
  const none = Promise.resolve([]);
  const [counterRows, heatRows, frTotalRows, frAgentRows, frGroupRows, waitRows, resolvedTotalRows, resolvedAgentRows, resolvedGroupRows] = await Promise.all([
    needs("totals", "days", "agents", "skillGroups") ? db.execute(countersQuery).then((r) => rowsOf<CounterRow>(r)) : none,
    filters.membershipId || !needs("heatmap") ? none : db.execute(heatmapQuery).then((r) => rowsOf<{ dow: number; hour: number; n: string | number }>(r)),
    needs("totals") ? rows<Row>(everyone(firstResponseWhere, firstResponseClock)) : none,
    needs("agents") ? rows<KeyRow>(perKey(org, "first_responder_membership_id", "first_response_at", firstResponseWhere, firstResponseClock, filtered)) : none,
    needs("skillGroups") ? rows<KeyRow>(perKey(org, "skill_group_id", "first_response_at", firstResponseWhere, firstResponseClock, filtered)) : none,
    needs("totals") ? rows<Row>(waitQuery) : none,
    needs("totals") ? rows<Row>(everyone(resolvedWhere, resolvedClocks)) : none,
    needs("agents") ? rows<KeyRow>(perKey(org, "membership_id", "resolved_at", resolvedWhere, resolvedClocks, filtered)) : none,
    needs("skillGroups") ? rows<KeyRow>(perKey(org, "skill_group_id", "resolved_at", resolvedWhere, resolvedClocks, filtered)) : none,
  ]);

  // grouping() bits, left to right: (day, membership, skill group) — 0 where the column is grouped.
  const BY_DAY = 0b011, BY_MEMBER = 0b101, BY_GROUP = 0b110;
  const total = (metric: Metric) => counterRows.filter((r) => r.g === BY_DAY && r.metric === metric).reduce((s, r) => s + Number(r.n), 0);
  const dayCount = (day: string, metric: Metric) => Number(counterRows.find((r) => r.g === BY_DAY && r.day === day && r.metric === metric)?.n ?? 0);
  const average = (sum: number, count: number) => (count ? sum / count : null);

  const heatmap = Array.from({ length: 7 }, () => Array.from({ length: 24 }, () => 0));
  for (const r of heatRows) heatmap[r.dow]![r.hour]! += Number(r.n);

  const breakdown = async (kind: "member" | "group"): Promise<ServiceBreakdownRow[]> => {
    const col = kind === "member" ? "membership_id" : "skill_group_id";
    const counterG = kind === "member" ? BY_MEMBER : BY_GROUP;
    const key = (id: string | null) => id ?? "";
    const ids = new Set<string>();
    const wanted: Metric[] = ["conversations_resolved", "messages_out", "csat_rated", "csat_rating_sum"];
    const counters = new Map<string, Partial<Record<Metric, number>>>();
    for (const r of counterRows) {
      if (r.g !== counterG || !wanted.includes(r.metric)) continue;
      const id = key(r[col]);
      const entry = counters.get(id) ?? {};
      entry[r.metric] = (entry[r.metric] ?? 0) + Number(r.n);
      counters.set(id, entry);
      ids.add(id);
    }
    const byId = (rows: KeyRow[]) => new Map(rows.map((r) => [key(r.key), r]));
    const fr = byId(kind === "member" ? frAgentRows : frGroupRows);
    const resolved = byId(kind === "member" ? resolvedAgentRows : resolvedGroupRows);
    for (const m of [fr, resolved]) for (const id of m.keys()) ids.add(id);
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
        const c = counters.get(id) ?? {};
        return {
          id: id || null,
          name: names.get(id) ?? null,
          conversationsResolved: c.conversations_resolved ?? 0,
          messagesOut: c.messages_out ?? 0,
          firstResponse: statsOf(fr.get(id), "fr"),
          handle: statsOf(resolved.get(id), "handle"),
          resolution: statsOf(resolved.get(id), "res"),
          csatAverage: average(c.csat_rating_sum ?? 0, c.csat_rated ?? 0),
          csatRated: c.csat_rated ?? 0,
        };
      })
      .sort((a, b) => Number(a.id === null) - Number(b.id === null) || b.conversationsResolved - a.conversationsResolved || (a.name ?? "").localeCompare(b.name ?? "") || (a.id ?? "").localeCompare(b.id ?? ""));
  };
  const [agents, groups] = await Promise.all([needs("agents") ? breakdown("member") : [], needs("skillGroups") ? breakdown("group") : []]);

  const helpful = total("bot_helpful");
  const unhelpful = total("bot_unhelpful");
  const asked = total("csat_asked");
  const rated = total("csat_rated");
  return {
    range: { from: range.from, to: range.to, timeZone: range.timeZone },
    totals: {
      conversationsNew: total("conversations_new"),
      conversationsResolved: total("conversations_resolved"),
      conversationsReopened: total("conversations_reopened"),
      messagesIn: total("messages_in"),
      messagesOut: total("messages_out"),
      firstResponse: statsOf(frTotalRows[0], "fr"),
      wait: statsOf(waitRows[0], "wait"),
      handle: statsOf(resolvedTotalRows[0], "handle"),
      resolution: statsOf(resolvedTotalRows[0], "res"),
      csat: {
        asked,
        skipped: total("csat_skipped"),
        rated,
        responseRate: ratio(rated, asked),
        average: average(total("csat_rating_sum"), rated),
        distribution: ([1, 2, 3, 4, 5] as const).map((k) => total(`csat_rating_${k}`)),
        comments: total("csat_comments"),
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
    days: range.days.map((date) => ({
      date,
      conversationsNew: dayCount(date, "conversations_new"),
      conversationsResolved: dayCount(date, "conversations_resolved"),
      conversationsReopened: dayCount(date, "conversations_reopened"),
      messagesIn: dayCount(date, "messages_in"),
      messagesOut: dayCount(date, "messages_out"),
      csatAverage: average(dayCount(date, "csat_rating_sum"), dayCount(date, "csat_rated")),
    })),
    heatmap,
    agents,
    skillGroups: groups,
  };
}
