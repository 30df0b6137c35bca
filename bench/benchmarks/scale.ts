/**
 * Scale-out on one PostgreSQL (issue 18): two web instances (`WORKFLOW_EXECUTOR=off`) behind a notional load
 * balancer plus one workflow instance, then the same load on one all-in-one instance for comparison. Each
 * deployment gets a fresh database, the Messenger sandbox runs in its own process, and the app is the
 * production build (`next start`), started the way docs/deployment.md says.
 *
 * The load, at the same time: signed webhook POSTs (10 events each) paced at SCALE_BENCH_EVENTS_PER_SECOND,
 * spread evenly over the web instances, and a campaign "Send now" to SCALE_BENCH_SUBSCRIBERS (rate limit
 * lifted) through the first web instance's API; afterwards a closed-loop burst for the acknowledgement
 * ceiling. Then it waits until the processing has caught up and counts from the database and from the
 * sandbox's Send API record: every event stored once (0 lost) and turned into one message (0 twice), every
 * subscriber sent once (0 lost, 0 duplicated).
 *
 * Where the time went: CPU seconds of each instance, of this database's PostgreSQL backends (their pids,
 * read from pg_stat_activity, so other databases on the server do not count) and of the sandbox; PostgreSQL's
 * active backends sampled every 500 ms; the load average before and after (a shared machine shows there).
 * SCALE_BENCH_SECONDS, _EVENTS_PER_SECOND, _SUBSCRIBERS, _BURST_EVENTS size it; BENCH_APP_PORT the first port.
 */
import { createHmac } from "node:crypto";
import os from "node:os";
import { count, eq, sql } from "drizzle-orm";
import { setDatabase, type DatabaseHandle } from "@/db/client";
import { rowsOf } from "@/db/json-insert";
import { campaigns, channels, messages, otnTokens, webhookEvents } from "@/db/schema";
import { sha256Hex } from "@/lib/crypto/hash";
import { seal } from "@/lib/crypto/secrets";
import type { MessagingEvent } from "@/lib/graph/webhook-events";
import { createApiKey } from "@/lib/services/api-keys";
import { createCampaign, setCampaignEventSender } from "@/lib/services/campaigns";
import { createChannel } from "@/lib/services/channels";
import { createSkillGroup } from "@/lib/services/skill-groups";
import type { TokenSummary } from "@/sandbox/graph/send-log";
import { DEMO } from "@/sandbox/state/demo";
import { createOrgFixture } from "@/tests/fixtures";
import { ensureBuild, startApp, type AppServer } from "../lib/app-server";
import { cpuSeconds, groupCpuSeconds } from "../lib/cpu";
import { benchDatabase, waitForWorkflowSync } from "../lib/database";
import { runLoad, summarise, type LoadResult } from "../lib/load";
import { closeSandboxClients, control, startSandboxProcess, stopSandboxProcess, type SandboxProcess } from "../lib/sandbox-process";

const SERVER = process.env.DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
const SECONDS = Number(process.env.SCALE_BENCH_SECONDS ?? 30);
const EVENTS_PER_SECOND = Number(process.env.SCALE_BENCH_EVENTS_PER_SECOND ?? 500);
const SUBSCRIBERS = Number(process.env.SCALE_BENCH_SUBSCRIBERS ?? 20_000);
const BURST_EVENTS = Number(process.env.SCALE_BENCH_BURST_EVENTS ?? 10_000);
const FIRST_PORT = Number(process.env.BENCH_APP_PORT ?? 3230);
const EVENTS_PER_POST = 10;
const CONNECTIONS = 32;
const CATCH_UP_TIMEOUT_MS = 300_000;
const FINAL = new Set(["sent", "sent_with_failures", "paused", "cancelled"]);

interface Instance {
  role: "web" | "worker" | "all-in-one";
  port: number;
  env: Record<string, string>;
}

const round = (n: number, digits = 1) => Math.round(n * 10 ** digits) / 10 ** digits;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const loadAverage = () => os.loadavg().map((n) => round(n, 2));

function makeBodies(psids: string[], tag: string) {
  return (i: number) => {
    const now = Date.now();
    const messaging: MessagingEvent[] = Array.from({ length: EVENTS_PER_POST }, (_, j) => {
      const psid = psids[(i * EVENTS_PER_POST + j) % psids.length];
      return { sender: { id: psid }, recipient: { id: DEMO.pageId }, timestamp: now + j, message: { mid: `m_${tag}_${i}_${j}`, text: `message ${i}.${j}` } };
    });
    const body = Buffer.from(JSON.stringify({ object: "page", entry: [{ id: DEMO.pageId, time: now, messaging }] }));
    return {
      path: `/facebook/webhook/${DEMO.pageId}`,
      body,
      headers: { "content-type": "application/json", "x-hub-signature-256": `sha256=${createHmac("sha256", DEMO.appSecret).update(body).digest("hex")}` },
    };
  };
}

/**
 * The same load spread over the web instances, as a load balancer would (round robin): each instance gets its
 * share of the rate and of the connections, and the answers are pooled for the percentiles.
 */
async function loadThroughAll(urls: string[], total: number, ratePerSecond: number | undefined, psids: string[], tag: string): Promise<LoadResult> {
  const results = await Promise.all(
    urls.map((url, k) =>
      runLoad({
        url,
        total: Math.round(total / urls.length),
        concurrency: Math.max(1, Math.round(CONNECTIONS / urls.length)),
        ratePerSecond: ratePerSecond === undefined ? undefined : ratePerSecond / urls.length,
        makeRequest: makeBodies(psids, `${tag}${k}`),
      }),
    ),
  );
  const statuses: Record<string, number> = {};
  for (const r of results) for (const [status, n] of Object.entries(r.statuses)) statuses[status] = (statuses[status] ?? 0) + n;
  return {
    requests: results.reduce((s, r) => s + r.requests, 0),
    ok: results.reduce((s, r) => s + r.ok, 0),
    statuses,
    seconds: Math.max(...results.map((r) => r.seconds)),
    latenciesMs: results.flatMap((r) => r.latenciesMs),
  };
}

/** Samples PostgreSQL for this database: backends' CPU (by pid) and how many are running a statement. */
function watchPostgres(handle: DatabaseHandle) {
  const firstCpu = new Map<number, number>();
  const lastCpu = new Map<number, number>();
  const active: number[] = [];
  // What the running statements were waiting for, summed over samples: "CPU" (no wait: running or queued for
  // a core), "Lock" (row and table locks), "LWLock", "IO", "Client"...
  const waits: Record<string, number> = {};
  let connections = 0;
  let stopped = false;
  const sample = async () => {
    const rows = rowsOf<{ pid: number; state: string | null; wait: string | null }>(
      await handle.db.execute(
        sql`select pid, state, wait_event_type as wait from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid()`,
      ),
    );
    connections = Math.max(connections, rows.length);
    const running = rows.filter((r) => r.state === "active");
    active.push(running.length);
    for (const { wait } of running) waits[wait ?? "CPU"] = (waits[wait ?? "CPU"] ?? 0) + 1;
    for (const { pid } of rows) {
      const seconds = cpuSeconds(pid);
      if (!firstCpu.has(pid)) firstCpu.set(pid, seconds);
      lastCpu.set(pid, seconds);
    }
  };
  const loop = (async () => {
    while (!stopped) {
      await sample().catch(() => {});
      await sleep(500);
    }
  })();
  return async () => {
    stopped = true;
    await loop;
    const sorted = [...active].sort((a, b) => a - b);
    return {
      cpuSeconds: [...lastCpu].reduce((sum, [pid, last]) => sum + last - (firstCpu.get(pid) ?? last), 0),
      peakConnections: connections,
      activeBackendsMean: round(active.reduce((s, n) => s + n, 0) / Math.max(1, active.length)),
      activeBackendsP95: sorted[Math.floor(sorted.length * 0.95)] ?? 0,
      activeBackendsWaitingFor: Object.fromEntries(Object.entries(waits).map(([kind, n]) => [kind, round(n / Math.max(1, active.length), 2)])),
    };
  };
}

async function transactions(handle: DatabaseHandle): Promise<number> {
  const [row] = rowsOf<{ n: string | number }>(await handle.db.execute(sql`select xact_commit + xact_rollback as n from pg_stat_database where datname = current_database()`));
  return Number(row?.n ?? 0);
}

async function countEvents(handle: DatabaseHandle) {
  const [stored] = await handle.db.select({ n: count() }).from(webhookEvents);
  const [processed] = await handle.db.select({ n: count() }).from(webhookEvents).where(eq(webhookEvents.status, "processed"));
  const [span] = rowsOf<{ first: string | null; last: string | null }>(
    await handle.db.execute(sql`select min(${webhookEvents.receivedAt})::text as first, max(${webhookEvents.processedAt})::text as last from ${webhookEvents}`),
  );
  const [inMessages] = await handle.db.select({ n: count(), distinct: sql<number>`count(distinct ${messages.mid})::int` }).from(messages);
  return {
    stored: Number(stored.n),
    processed: Number(processed.n),
    messages: Number(inMessages.n),
    distinctMids: Number(inMessages.distinct),
    processingSeconds: span.first && span.last ? (Date.parse(span.last) - Date.parse(span.first)) / 1000 : NaN,
  };
}

/** An organisation with the demo Page connected, an API key, and a campaign whose subscribers hold OTN tokens in the sandbox. */
async function seed(handle: DatabaseHandle, sandbox: SandboxProcess) {
  setDatabase(handle);
  const f = await createOrgFixture("Scale");
  const group = await createSkillGroup({ ctx: f.as.owner, input: { name: "Support" } });
  const channel = await createChannel({
    ctx: f.as.owner,
    input: { name: "Demo", pageId: DEMO.pageId, pageAccessToken: DEMO.pageAccessToken, appId: DEMO.appId, appSecret: DEMO.appSecret, skillGroupId: group.id },
  });
  await handle.db.update(channels).set({ pageUsername: DEMO.pageUsername }).where(eq(channels.id, channel.id));
  const { secret: apiKey } = await createApiKey({ ctx: f.as.owner, input: { name: "scale", role: "admin" } });
  const campaign = await createCampaign({
    ctx: f.as.owner,
    input: { name: "Scale", channelId: channel.id, requestTitle: "Scale", content: { type: "text", text: "Scale message" }, ratePerSecond: 1 },
  });
  // 0 = unlimited is reserved for benchmarks (the API caps campaigns at 300/s): the send runs as fast as it can.
  await handle.db.update(campaigns).set({ ratePerSecond: 0 }).where(eq(campaigns.id, campaign.id));
  const payload = `scale:${campaign.id}`;
  for (let offset = 0; offset < SUBSCRIBERS; offset += 20_000) {
    const n = Math.min(20_000, SUBSCRIBERS - offset);
    const { granted } = await control<{ granted: { psid: string; token: string }[] }>(sandbox.port, "POST", `/pages/${DEMO.pageId}/bulk/otn-tokens`, { count: n, payload, namePrefix: "Scale" });
    const rows = granted.map(({ psid, token }) => ({ orgId: f.org.id, campaignId: campaign.id, channelId: channel.id, psid, tokenSealed: seal(token), tokenHash: sha256Hex(token), optedInAt: new Date() }));
    for (let i = 0; i < rows.length; i += 2000) await handle.db.insert(otnTokens).values(rows.slice(i, i + 2000));
  }
  await handle.db.update(campaigns).set({ subscribers: SUBSCRIBERS }).where(eq(campaigns.id, campaign.id));
  // Statistics as autovacuum would have gathered them on a live database. Without them (tokens bulk-inserted
  // a moment ago) the planner expects one pending token, and the sender's claim query becomes a nested loop
  // over every pending token per token: 20,000 tokens ran into the 30 s statement timeout.
  await handle.exec("analyze otn_tokens");
  return { apiKey, campaignId: campaign.id, payload };
}

async function runDeployment(name: string, instances: Instance[], sandbox: SandboxProcess, psids: string[]) {
  const database = await benchDatabase(`scale_${name}`, SERVER);
  const servers: { instance: Instance; app: AppServer }[] = [];
  try {
    const { apiKey, campaignId, payload } = await seed(database.handle, sandbox);
    for (const instance of instances) {
      // What docs/deployment.md sets per instance; APP_URL is the instance's own origin (startApp's default).
      const env = { DATABASE_URL: database.url!, GRAPH_API_URL: sandbox.url, INSTANCE_ID: `${instance.role}-${instance.port}`, ...instance.env };
      servers.push({ instance, app: await startApp(instance.port, env) });
    }
    await waitForWorkflowSync(database.handle);
    const web = servers.filter((s) => s.instance.role !== "worker").map((s) => s.app.url);
    for (const url of web) await fetch(`${url}/facebook/webhook/${DEMO.pageId}?hub.mode=subscribe&hub.verify_token=x&hub.challenge=1`); // warm the route

    const loadBefore = loadAverage();
    const cpuBefore = servers.map((s) => groupCpuSeconds(s.app.process.pid!));
    const sandboxCpuBefore = cpuSeconds(sandbox.child.pid!);
    const transactionsBefore = await transactions(database.handle);
    const stopWatching = watchPostgres(database.handle);
    const started = Date.now();

    const send = await fetch(`${web[0]}/api/v1/campaigns/${campaignId}/send`, { method: "POST", headers: { authorization: `Bearer ${apiKey}` } });
    if (send.status !== 200) throw new Error(`send now answered ${send.status}: ${await send.text()}`);
    const paced = await loadThroughAll(web, (SECONDS * EVENTS_PER_SECOND) / EVENTS_PER_POST, EVENTS_PER_SECOND / EVENTS_PER_POST, psids, `${name}p`);
    const burst = await loadThroughAll(web, BURST_EVENTS / EVENTS_PER_POST, undefined, psids, `${name}b`);
    const sentEvents = (paced.requests + burst.requests) * EVENTS_PER_POST;

    // Processing and the campaign run on after the load: wait until both are done.
    let events = await countEvents(database.handle);
    let campaign = (await database.handle.db.select().from(campaigns).where(eq(campaigns.id, campaignId)))[0];
    while ((events.processed < events.stored || !FINAL.has(campaign.status)) && Date.now() - started < CATCH_UP_TIMEOUT_MS) {
      await sleep(500);
      events = await countEvents(database.handle);
      campaign = (await database.handle.db.select().from(campaigns).where(eq(campaigns.id, campaignId)))[0];
    }
    const wallSeconds = (Date.now() - started) / 1000;
    const postgres = await stopWatching();
    const appCpu = servers.map((s, i) => groupCpuSeconds(s.app.process.pid!) - cpuBefore[i]);
    const sandboxCpu = cpuSeconds(sandbox.child.pid!) - sandboxCpuBefore;
    await sleep(1000); // pg_stat_database is updated when backends go idle
    const committed = (await transactions(database.handle)) - transactionsBefore;
    const sends = await control<TokenSummary>(sandbox.port, "GET", `/otn-tokens/summary?pageId=${DEMO.pageId}&payload=${encodeURIComponent(payload)}`);
    const campaignSeconds = campaign.startedAt && campaign.finishedAt ? (campaign.finishedAt.getTime() - campaign.startedAt.getTime()) / 1000 : NaN;

    return {
      instances: instances.map((i) => `${i.role}${i.env.WORKFLOW_EXECUTOR === "off" ? " (WORKFLOW_EXECUTOR=off)" : ""}`),
      webhooks: {
        sent: sentEvents,
        stored: events.stored,
        lost: sentEvents - events.stored,
        processed: events.processed,
        processedTwice: events.messages - events.distinctMids,
        // First received to last processed: at most the offered rate; below it when processing fell behind.
        processedPerSecond: round(events.processed / events.processingSeconds),
        pacedAcknowledgement: summarise(paced, EVENTS_PER_POST),
        burstAcknowledgement: summarise(burst, EVENTS_PER_POST),
      },
      campaign: {
        subscribers: SUBSCRIBERS,
        status: campaign.status,
        seconds: round(campaignSeconds),
        sendsPerSecond: Math.round(campaign.sent / campaignSeconds),
        delivered: sends.delivered,
        lost: sends.notDelivered,
        duplicated: sends.deliveredMoreThanOnce,
        otherFailures: sends.otherFailures,
      },
      wallSeconds: round(wallSeconds),
      cpuSeconds: {
        ...Object.fromEntries(servers.map((s, i) => [`${s.instance.role}-${s.instance.port}`, round(appCpu[i])])),
        postgresThisDatabase: round(postgres.cpuSeconds),
        sandbox: round(sandboxCpu),
      },
      cpuCoresBusy: {
        app: round(appCpu.reduce((s, n) => s + n, 0) / wallSeconds, 2),
        postgres: round(postgres.cpuSeconds / wallSeconds, 2),
        sandbox: round(sandboxCpu / wallSeconds, 2),
      },
      postgres: {
        transactionsPerSecond: Math.round(committed / wallSeconds),
        peakConnections: postgres.peakConnections,
        activeBackendsMean: postgres.activeBackendsMean,
        activeBackendsP95: postgres.activeBackendsP95,
        activeBackendsWaitingFor: postgres.activeBackendsWaitingFor,
      },
      loadAverageBefore: loadBefore,
      loadAverageAfter: loadAverage(),
    };
  } finally {
    for (const { app } of servers) await app.stop();
    setDatabase(undefined);
    await database.drop();
  }
}

export default async function scaleBenchmark(): Promise<Record<string, unknown>> {
  await ensureBuild();
  const sandbox = await startSandboxProcess();
  process.env.GRAPH_API_URL = sandbox.url; // connecting the channel proves the Page with Graph /me
  setCampaignEventSender(async () => {}); // this process only seeds; the app sends
  await control(sandbox.port, "PUT", `/pages/${DEMO.pageId}/faults`, { rateLimitPerSecond: 0, latency: { kind: "none" } });
  const { psids } = await control<{ psids: string[] }>(sandbox.port, "POST", `/pages/${DEMO.pageId}/users/bulk`, { count: 200, namePrefix: "Webhook" });
  try {
    const scaledOut = await runDeployment(
      "two_web_one_worker",
      [
        { role: "web", port: FIRST_PORT, env: { WORKFLOW_EXECUTOR: "off" } },
        { role: "web", port: FIRST_PORT + 1, env: { WORKFLOW_EXECUTOR: "off" } },
        { role: "worker", port: FIRST_PORT + 2, env: {} },
      ],
      sandbox,
      psids,
    );
    console.log("two web + one worker", JSON.stringify(scaledOut));
    const single = await runDeployment("one_instance", [{ role: "all-in-one", port: FIRST_PORT, env: {} }], sandbox, psids);
    console.log("one instance", JSON.stringify(single));
    return {
      setup: `next start + one PostgreSQL database per deployment; sandbox in its own process (latency 0); ${EVENTS_PER_POST} events per signed POST paced at ${EVENTS_PER_SECOND} events/s for ${SECONDS} s over ${CONNECTIONS} connections spread over the web instances, with a campaign send to ${SUBSCRIBERS} subscribers (rate limit lifted) at the same time, then a burst of ${BURST_EVENTS} events; counts from the database and the sandbox's Send API record`,
      note: "Every process (instances, PostgreSQL, sandbox, load generator) shares this machine's cores: the figures are a floor, and another workload on the machine shows in the load average.",
      twoWebOneWorker: scaledOut,
      oneInstance: single,
    };
  } finally {
    setCampaignEventSender(null);
    await stopSandboxProcess(sandbox);
    closeSandboxClients();
  }
}
