/**
 * Reports (issue 16). A history seeded with SQL through the rollup triggers (the way the app's writes build
 * them): 1,000,000 messages in 100,000 conversations over the last 30 days, 50 agents in 5 skill groups, two
 * channels, bot events, satisfaction surveys and 20 campaigns with their tokens. Figures:
 * - each report for the last 30 days through the real app (`next start`, an API key), sequential requests
 *   after a warm-up: p50 and p95 (goal p95 at most 300 ms): the service report, the same filtered by a skill
 *   group and by an agent, the campaign report, and a CSV table; and the database's CPU per request (its
 *   backends' CPU time from /proc), which other work on the machine does not inflate as it does the times;
 * - what the rollup triggers cost webhook processing: the same shape of batch (1,000 messages from people with
 *   conversations, as webhook processing stores them, 100 events per call) processed with the report triggers
 *   enabled and with `alter table ... disable trigger`, alternating, milliseconds per 1,000 events (median);
 * - how long the seeding took and how many rollup rows it made (the rollups' size against the messages').
 */
import { createHash, randomBytes } from "node:crypto";
import { sql } from "drizzle-orm";
import { getDb, setDatabase, type DatabaseHandle } from "@/db/client";
import { rowsOf } from "@/db/json-insert";
import { apiKeys, memberships, organizations, users, webhookEvents } from "@/db/schema";
import { getCampaignReport, getServiceReport } from "@/lib/services/reports";
import { processStoredWebhookEvents } from "@/lib/services/webhook";
import { buildContext } from "@/lib/tenancy/context";
import { ensureBuild, startApp } from "../lib/app-server";
import { backendsCpuSecondsBetween, databaseBackendsCpu } from "../lib/cpu";
import { benchDatabase } from "../lib/database";
import { percentile } from "../lib/load";

const SERVER = process.env.DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
const CONVERSATIONS = Number(process.env.BENCH_REPORTS_CONVERSATIONS ?? 100_000);
const MESSAGES_PER_CONVERSATION = 10; // 1,000,000 messages
const AGENTS = 50;
const GROUPS = 5;
const CAMPAIGNS = 20;
const TOKENS_PER_CAMPAIGN = 5_000;
const REQUESTS = Number(process.env.BENCH_REPORTS_REQUESTS ?? 30);
const ROLLUP_ROUNDS = Number(process.env.BENCH_REPORTS_ROUNDS ?? 3);

const round = (n: number) => Math.round(n * 10) / 10;
const timed = async <T>(fn: () => Promise<T>): Promise<[T, number]> => {
  const start = performance.now();
  const value = await fn();
  return [value, performance.now() - start];
};

interface Seeded {
  orgId: string;
  key: string;
  channels: { id: string; pageId: string }[];
  groupId: string;
  agentId: string;
  psids: { channelId: string; psid: string }[];
}

async function seed(handle: DatabaseHandle): Promise<Seeded> {
  setDatabase(handle);
  const db = handle.db;
  const [owner] = await db.insert(users).values({ email: "owner@bench.example", name: "Owner", emailVerifiedAt: new Date() }).returning();
  const [org] = await db.insert(organizations).values({ name: "Reports bench", slug: "reports-bench", timeZone: "America/New_York" }).returning();
  await db.insert(memberships).values({ orgId: org.id, userId: owner.id, role: "owner" });
  const key = `mdk_${randomBytes(24).toString("hex")}`;
  await db.insert(apiKeys).values({ orgId: org.id, name: "bench", role: "admin", prefix: key.slice(0, 12), keyHash: createHash("sha256").update(key).digest("hex"), createdBy: owner.id });
  const o = sql`${org.id}::uuid`;
  const run = (q: ReturnType<typeof sql>) => db.execute(q);

  await run(sql`insert into skill_groups (id, org_id, name) select gen_random_uuid(), ${o}, 'Group ' || g from generate_series(1, ${GROUPS}) g`);
  await run(sql`insert into users (id, email, name, email_verified_at) select gen_random_uuid(), 'agent' || i || '@bench.example', 'Agent ' || i, now() from generate_series(1, ${AGENTS}) i`);
  await run(sql`insert into memberships (id, org_id, user_id, role) select gen_random_uuid(), ${o}, id, 'agent' from users where email like 'agent%@bench.example'`);
  await run(sql`insert into skill_group_members (org_id, skill_group_id, membership_id)
    select ${o}, g.id, m.id from (select id, row_number() over (order by id) as n from memberships where org_id = ${o} and role = 'agent') m
      join (select id, row_number() over (order by name) as n from skill_groups where org_id = ${o}) g on g.n = 1 + m.n % ${GROUPS}`);
  for (let c = 1; c <= 2; c++)
    await run(sql`insert into channels (id, org_id, skill_group_id, name, page_id, app_id, page_access_token_sealed, app_secret_sealed, verify_token_sealed)
      select gen_random_uuid(), ${o}, (select id from skill_groups where org_id = ${o} order by name limit 1), ${`Page ${c}`}, ${`80000000000000${c}`}, '7000001', 'x', 'x', 'x'`);
  const channels = rowsOf<{ id: string; pageId: string }>(await run(sql`select id, page_id as "pageId" from channels where org_id = ${o} order by name`));

  // Conversations numbered 1..N: channel n % 2, group n % 5, agent n % 50; opened at a point of the last 30
  // days, waits up to 10 min, resolved within 5 h. Everything goes through the triggers, in batches.
  await run(sql`create temporary table bench_conv as
    select n, ch.id as channel_id, g.id as skill_group_id, a.id as agent_id,
           now() - (random() * interval '30 days') as opened_at, (random() * 600)::int as wait_s, 600 + (random() * 17400)::int as resolve_s
      from generate_series(1, ${CONVERSATIONS}) n
      join (select id, row_number() over (order by name) - 1 as k from channels where org_id = ${o}) ch on ch.k = n % 2
      join (select id, row_number() over (order by name) - 1 as k from skill_groups where org_id = ${o}) g on g.k = n % ${GROUPS}
      join (select id, row_number() over (order by id) - 1 as k from memberships where org_id = ${o} and role = 'agent') a on a.k = n % ${AGENTS}`);
  await run(sql`insert into contacts (id, org_id, channel_id, psid) select gen_random_uuid(), ${o}, channel_id, 'p' || n from bench_conv`);
  await run(sql`alter table bench_conv add column contact_id uuid, add column id uuid`);
  await run(sql`update bench_conv b set contact_id = c.id from contacts c where c.org_id = ${o} and c.psid = 'p' || b.n`);
  await run(sql`update bench_conv set id = gen_random_uuid()`);
  await run(sql`insert into conversations (id, org_id, channel_id, contact_id, skill_group_id, status, last_message_at)
    select id, ${o}, channel_id, contact_id, skill_group_id, 'resolved', opened_at + make_interval(secs => resolve_s) from bench_conv`);
  const batch = 10_000;
  for (let from = 1; from <= CONVERSATIONS; from += batch) {
    const range = sql`n between ${from} and ${from + batch - 1}`;
    await run(sql`insert into conversation_activities (id, org_id, conversation_id, kind, actor_type, to_skill_group_id, created_at)
      select gen_random_uuid(), ${o}, id, 'opened', 'system', skill_group_id, opened_at from bench_conv where ${range}`);
    await run(sql`insert into conversation_activities (id, org_id, conversation_id, kind, actor_type, to_membership_id, to_skill_group_id, created_at)
      select gen_random_uuid(), ${o}, id, 'assigned', 'system', agent_id, skill_group_id, opened_at + make_interval(secs => wait_s) from bench_conv where ${range}`);
    // Ten messages: the person's at 0, 2, 4, 6, 8 minutes after the opening, the agent's a minute after each.
    await run(sql`insert into messages (id, org_id, channel_id, conversation_id, direction, kind, text, source, timestamp, send_status, sent_by_membership_id)
      select gen_random_uuid(), ${o}, b.channel_id, b.id, (case when k % 2 = 0 then 'inbound' else 'outbound' end)::message_direction, 'text', 'bench', case when k % 2 = 0 then 'webhook' else 'app' end,
             (extract(epoch from b.opened_at) * 1000)::bigint + k * 60000 + case when k % 2 = 1 then b.wait_s * 1000 else 0 end,
             (case when k % 2 = 1 then 'sent' end)::message_send_status, case when k % 2 = 1 then b.agent_id end
        from bench_conv b cross join generate_series(0, ${MESSAGES_PER_CONVERSATION - 1}) k where ${range}`);
    await run(sql`insert into conversation_activities (id, org_id, conversation_id, kind, actor_type, from_membership_id, to_skill_group_id, created_at)
      select gen_random_uuid(), ${o}, id, 'resolved', 'member', agent_id, skill_group_id, opened_at + make_interval(secs => resolve_s) from bench_conv where ${range}`);
  }
  // The bot on one conversation in ten; a survey for every resolution, rated in two of three.
  await run(sql`insert into bot_events (id, org_id, channel_id, conversation_id, kind, created_at)
    select gen_random_uuid(), ${o}, channel_id, id, (array['answered', 'suggested', 'unanswered', 'helpful', 'handover'])[1 + n % 5]::bot_event_kind, opened_at - interval '1 minute' from bench_conv where n % 10 = 0`);
  await run(sql`insert into csat_surveys (id, org_id, conversation_id, channel_id, skill_group_id, membership_id, resolution_activity_id, status, rating, language, resolved_at)
    select gen_random_uuid(), ${o}, id, channel_id, skill_group_id, agent_id, gen_random_uuid(), (case when n % 3 = 0 then 'asked' else 'rated' end)::csat_status,
           case when n % 3 <> 0 then 1 + n % 5 end, 'en', opened_at + make_interval(secs => resolve_s) from bench_conv`);
  // 20 campaigns of the first channel, 5,000 tokens each over the 30 days, one in ten failed.
  await run(sql`insert into campaigns (id, org_id, channel_id, name, ref, request_title, content, status, subscribers, sent, failed)
    select gen_random_uuid(), ${o}, (select id from channels where org_id = ${o} order by name limit 1), 'Campaign ' || c, 'ref' || c, 'Notify me', '{"type":"text","text":"Sale"}'::jsonb, 'sent',
           ${TOKENS_PER_CAMPAIGN}, ${TOKENS_PER_CAMPAIGN * 0.9}, ${TOKENS_PER_CAMPAIGN * 0.1} from generate_series(1, ${CAMPAIGNS}) c`);
  await run(sql`insert into otn_tokens (id, org_id, campaign_id, channel_id, psid, token_sealed, token_hash, status, failure_code, failure_reason, opted_in_at)
    select gen_random_uuid(), ${o}, c.id, c.channel_id, 'p' || t, 'x', md5(c.id::text || t), (case when t % 10 = 0 then 'failed' else 'sent' end)::otn_token_status,
           case when t % 10 = 0 then 10 + t % 3 end, case when t % 10 = 0 then 'Outside of allowed window' end, now() - (random() * interval '30 days')
      from campaigns c cross join generate_series(1, ${TOKENS_PER_CAMPAIGN}) t where c.org_id = ${o}`);
  // A database in use is vacuumed by autovacuum; a bulk load is not yet (hint bits, visibility map): as in use.
  await run(sql`vacuum analyze`);
  const [group] = rowsOf<{ id: string }>(await run(sql`select id from skill_groups where org_id = ${o} order by name limit 1`));
  const [agent] = rowsOf<{ id: string }>(await run(sql`select id from memberships where org_id = ${o} and role = 'agent' order by id limit 1`));
  const psids = rowsOf<{ channelId: string; psid: string }>(await run(sql`select channel_id as "channelId", psid from contacts where org_id = ${o} order by psid limit 2000`));
  return { orgId: org.id, key, channels, groupId: group!.id, agentId: agent!.id, psids };
}

const REPORT_TRIGGERS = [
  ["messages", "report_messages_inserted"],
  ["messages", "report_messages_updated"],
  ["conversation_activities", "report_activities_inserted"],
  ["bot_events", "report_bot_events_inserted"],
] as const;

/** 1,000 messages from people who have conversations, stored as ingest stores them, processed 100 per call. */
async function processBatch(handle: DatabaseHandle, seeded: Seeded, tag: string): Promise<number> {
  const db = handle.db;
  const events = Array.from({ length: 1000 }, (_, i) => {
    const person = seeded.psids[i % seeded.psids.length]!;
    const channel = seeded.channels.find((c) => c.id === person.channelId)!;
    const timestamp = Date.now() + i;
    const mid = `m_${tag}_${i}`;
    return {
      orgId: seeded.orgId,
      channelId: channel.id,
      dedupeKey: mid,
      kind: "message",
      senderId: person.psid,
      timestamp,
      payload: { sender: { id: person.psid }, recipient: { id: channel.pageId }, timestamp, message: { mid, text: `hello ${i}` } },
    };
  });
  const stored = await db.insert(webhookEvents).values(events).returning({ id: webhookEvents.id, channelId: webhookEvents.channelId });
  const start = performance.now();
  for (let i = 0; i < stored.length; i += 100) {
    const chunk = stored.slice(i, i + 100);
    for (const channel of seeded.channels) {
      const ids = chunk.filter((s) => s.channelId === channel.id).map((s) => s.id);
      if (ids.length) await processStoredWebhookEvents({ orgId: seeded.orgId, channelId: channel.id }, ids);
    }
  }
  return performance.now() - start;
}

async function rollupCost(handle: DatabaseHandle, seeded: Seeded) {
  const setTriggers = async (enabled: boolean) => {
    for (const [table, trigger] of REPORT_TRIGGERS) await handle.db.execute(sql.raw(`alter table ${table} ${enabled ? "enable" : "disable"} trigger ${trigger}`));
  };
  const withTriggers: number[] = [];
  const without: number[] = [];
  await processBatch(handle, seeded, "warm"); // the first batch reopens resolved conversations; later ones add to open ones
  try {
    for (let round = 0; round < ROLLUP_ROUNDS; round++) {
      await setTriggers(false);
      without.push(await processBatch(handle, seeded, `off${round}`));
      await setTriggers(true);
      withTriggers.push(await processBatch(handle, seeded, `on${round}`));
    }
  } finally {
    await setTriggers(true);
  }
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  return {
    msPer1000EventsWithTriggers: round(median(withTriggers)),
    msPer1000EventsWithoutTriggers: round(median(without)),
    costMsPer1000Events: round(median(withTriggers) - median(without)),
    costPercent: round(((median(withTriggers) - median(without)) / median(without)) * 100),
    rounds: { withTriggers: withTriggers.map(round), without: without.map(round) },
  };
}

async function requestTimes(url: string, key: string, path: string, db: DatabaseHandle["db"]) {
  const get = async () => {
    const res = await fetch(`${url}${path}`, { headers: { authorization: `Bearer ${key}` } });
    const body = await res.text();
    if (res.status !== 200) throw new Error(`${path} answered ${res.status}: ${body.slice(0, 200)}`);
    return body.length;
  };
  for (let i = 0; i < 3; i++) await get();
  const times: number[] = [];
  let bytes = 0;
  const cpuBefore = await databaseBackendsCpu(db);
  for (let i = 0; i < REQUESTS; i++) {
    const [size, ms] = await timed(get);
    bytes = size;
    times.push(ms);
  }
  const databaseCpuMs = backendsCpuSecondsBetween(cpuBefore, await databaseBackendsCpu(db)) * 1000;
  times.sort((a, b) => a - b);
  // The database's CPU per request holds when other work shares the machine; the times do not.
  return { p50Ms: round(percentile(times, 50)), p95Ms: round(percentile(times, 95)), databaseCpuMsPerRequest: round(databaseCpuMs / REQUESTS), bytes };
}

async function timeVerbs(seeded: Seeded) {
  const owner = buildContext({ org: { id: seeded.orgId, slug: "reports-bench", name: "Reports bench" }, actor: { type: "system", id: null, label: "bench" }, role: "owner", membershipId: null });
  const verbs: Record<string, unknown> = {};
  for (const [name, call] of Object.entries<() => Promise<unknown>>({
    service30d: () => getServiceReport({ ctx: owner, input: { preset: "30d" } }),
    service30dAgent: () => getServiceReport({ ctx: owner, input: { preset: "30d", membershipId: seeded.agentId } }),
    campaigns30d: () => getCampaignReport({ ctx: owner, input: { preset: "30d" } }),
  })) {
    const times: number[] = [];
    const db = await getDb();
    const cpuBefore = await databaseBackendsCpu(db);
    for (let i = 0; i < REQUESTS; i++) times.push((await timed(call))[1]);
    const databaseCpuMs = backendsCpuSecondsBetween(cpuBefore, await databaseBackendsCpu(db)) * 1000;
    times.sort((a, b) => a - b);
    verbs[name] = { p50Ms: round(percentile(times, 50)), p95Ms: round(percentile(times, 95)), databaseCpuMsPerCall: round(databaseCpuMs / REQUESTS) };
  }
  return verbs;
}

export default async function reportsBenchmark() {
  const database = await benchDatabase("reports", SERVER);
  try {
    const [seeded, seedMs] = await timed(() => seed(database.handle));
    const db = database.handle.db;
    const [sizes] = rowsOf<Record<string, string>>(
      await db.execute(sql`select (select count(*) from messages) as messages, (select count(*) from conversations) as conversations,
        (select count(*) from report_counters) as "reportCounterRows", (select count(*) from conversation_cycles) as "cycleRows",
        (select count(*) from otn_tokens) as tokens, (select count(*) from csat_surveys) as surveys`),
    );
    const queries = {
      service30d: "/api/v1/reports/service?preset=30d",
      service30dSkillGroup: `/api/v1/reports/service?preset=30d&skillGroupId=${seeded.groupId}`,
      service30dAgent: `/api/v1/reports/service?preset=30d&membershipId=${seeded.agentId}`,
      campaigns30d: "/api/v1/reports/campaigns?preset=30d",
      serviceAgentsCsv30d: "/api/downloads/reports/service.csv?preset=30d&table=agents",
    };
    if (process.env.BENCH_REPORTS_VERBS_ONLY) return { seeded: sizes, verbsInProcess: await timeVerbs(seeded), rollupTriggers: await rollupCost(database.handle, seeded) };
    await ensureBuild();
    const port = Number(process.env.BENCH_APP_PORT ?? 3202);
    const app = await startApp(port, { DATABASE_URL: database.url! });
    const api: Record<string, unknown> = {};
    try {
      for (const [name, path] of Object.entries(queries)) api[name] = await requestTimes(app.url, seeded.key, path, db);
    } finally {
      await app.stop();
    }
    // The verbs alone in this process (no HTTP, no key check, the source as it is now, not as built).
    const verbsInProcess = await timeVerbs(seeded);
    const cost = await rollupCost(database.handle, seeded);
    return {
      seeded: { ...Object.fromEntries(Object.entries(sizes!).map(([k, v]) => [k, Number(v)])), agents: AGENTS, skillGroups: GROUPS, campaigns: CAMPAIGNS, seedSeconds: round(seedMs / 1000) },
      reportsThroughApi: { requests: REQUESTS, goalP95Ms: 300, ...api },
      verbsInProcess,
      rollupTriggers: cost,
    };
  } finally {
    await database.drop();
  }
}
