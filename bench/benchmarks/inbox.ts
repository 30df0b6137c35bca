/**
 * The agent desk under load (issue 13). The real app (`next start`, PostgreSQL) with 200 agents of one skill
 * group connected to its live stream (/api/events, each with its own API key, as a browser tab would hold
 * one stream) while Meta's webhook delivers 1,000 events/s:
 * - live latency: from the webhook's 200 for a probe message to the probe conversation's `message.created`
 *   on agents' open streams (p50, p95; goal p95 at most 1 s). Probes are single-message POSTs from 50 people
 *   of their own, 10 a second, beside the background load of 200 people writing;
 * - an agent's reply through the API (POST /api/v1/conversations/{id}/messages) until the sandbox's Send API
 *   takes the call (goal p95 300 ms), and until the API answers (after Meta's answer is stored);
 * - memory per connected agent: the app's resident memory with the 200 streams open, less before, over 200;
 * - the webhook's acknowledgement p99 with the 200 agents connected and without (goal: ratio at most 1.2), and
 *   while the agents also reply (10/s) and probes are timed, for comparison.
 * Everyone shares the machine's cores: the app, PostgreSQL, the sandbox, this load generator and the 200 clients.
 * `pipeline` reads the workflow engine's records of the processing steps (see pipelineBreakdown). Progress goes
 * to stderr with the time, to line up with other measurements; BENCH_KEEP_DATABASE=1 keeps the database.
 */
import { createHash, createHmac, randomBytes } from "node:crypto";
import http from "node:http";
import { readdirSync, readFileSync } from "node:fs";
import { sql } from "drizzle-orm";
import { setDatabase, type DatabaseHandle } from "@/db/client";
import { rowsOf } from "@/db/json-insert";
import { agentPresence, apiKeys, memberships, organizations, skillGroupMembers, users } from "@/db/schema";
import { createChannel } from "@/lib/services/channels";
import { createSkillGroup } from "@/lib/services/skill-groups";
import { buildContext } from "@/lib/tenancy/context";
import type { MessagingEvent } from "@/lib/graph/webhook-events";
import { startSandbox } from "@/sandbox/server";
import { ensureBuild, startApp } from "../lib/app-server";
import { benchDatabase, waitForWorkflowSync } from "../lib/database";
import { percentile, runLoad, summarise } from "../lib/load";

const SERVER = process.env.DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
const PAGE_ID = "1000000000000001";
const APP_SECRET = "demo-app-secret";
const AGENTS = Number(process.env.BENCH_INBOX_AGENTS ?? 200);
const SECONDS = Number(process.env.BENCH_INBOX_SECONDS ?? 20);
const EVENTS_PER_POST = 10;
const POSTS_PER_SECOND = Number(process.env.BENCH_INBOX_POSTS_PER_SECOND ?? 100); // 100 = 1,000 events/s
const PROBE_PEOPLE = 50;
const PROBES_PER_SECOND = 10;
const REPLIES_PER_SECOND = 10;
/** Streams whose events are timed; the others are read and dropped, as a browser would. */
const TIMED_STREAMS = 10;

interface Seeded {
  orgSlug: string;
  agentKeys: string[];
}

async function seed(handle: DatabaseHandle): Promise<Seeded> {
  setDatabase(handle);
  const db = handle.db;
  const [owner] = await db.insert(users).values({ email: "owner@bench.example", name: "Owner", emailVerifiedAt: new Date() }).returning();
  const [org] = await db.insert(organizations).values({ name: "Inbox bench", slug: "inbox-bench" }).returning();
  const [ownerMembership] = await db.insert(memberships).values({ orgId: org.id, userId: owner.id, role: "owner" }).returning();
  const ctx = buildContext({ org, actor: { type: "user", id: owner.id, label: owner.email }, role: "owner", membershipId: ownerMembership.id });
  const group = await createSkillGroup({ ctx, input: { name: "Support" } });
  await createChannel({ ctx, input: { name: "Demo Page", pageId: PAGE_ID, pageAccessToken: "demo-page-token", appId: "2000000000000002", appSecret: APP_SECRET, skillGroupId: group.id } });
  const agents = await db
    .insert(users)
    .values(Array.from({ length: AGENTS }, (_, i) => ({ email: `agent${i}@bench.example`, name: `Agent ${i}`, emailVerifiedAt: new Date() })))
    .returning();
  const agentMemberships = await db
    .insert(memberships)
    .values(agents.map((u) => ({ orgId: org.id, userId: u.id, role: "agent" as const })))
    .returning();
  await db.insert(skillGroupMembers).values(agentMemberships.map((m) => ({ orgId: org.id, skillGroupId: group.id, membershipId: m.id })));
  await db.insert(agentPresence).values(agentMemberships.map((m) => ({ orgId: org.id, membershipId: m.id, status: "online" as const, lastActivityAt: new Date() })));
  // One API key per agent, acting for that agent (its creator), so each stream is one agent's.
  const agentKeys = agents.map(() => `mdk_${randomBytes(24).toString("hex")}`);
  await db.insert(apiKeys).values(
    agents.map((u, i) => ({
      orgId: org.id,
      name: `Agent ${i}`,
      role: "agent" as const,
      prefix: agentKeys[i].slice(0, 12),
      keyHash: createHash("sha256").update(agentKeys[i]).digest("hex"),
      createdBy: u.id,
    })),
  );
  return { orgSlug: org.slug, agentKeys };
}

function signed(messaging: MessagingEvent[]) {
  const body = Buffer.from(JSON.stringify({ object: "page", entry: [{ id: PAGE_ID, time: Date.now(), messaging }] }));
  return {
    path: `/facebook/webhook/${PAGE_ID}`,
    body,
    headers: { "content-type": "application/json", "x-hub-signature-256": `sha256=${createHmac("sha256", APP_SECRET).update(body).digest("hex")}` },
  };
}

function postOnce(url: string, request: ReturnType<typeof signed>): Promise<{ status: number; at: number }> {
  const target = new URL(url);
  return new Promise((resolve) => {
    const req = http.request({ host: target.hostname, port: target.port, path: request.path, method: "POST", headers: { ...request.headers, "content-length": String(request.body.length) } }, (res) => {
      res.resume();
      res.on("end", () => resolve({ status: res.statusCode ?? 0, at: performance.now() + performance.timeOrigin }));
    });
    req.on("error", () => resolve({ status: 0, at: Date.now() }));
    req.end(request.body);
  });
}

/** One agent's open stream. Timed streams note when each conversation's `message.created` arrives. */
function openStream(url: string, key: string, onEvent?: (event: { type: string; conversationId?: string }, at: number) => void) {
  const target = new URL(`${url}/api/events`);
  let request: http.ClientRequest | undefined;
  const opened = new Promise<void>((resolve, reject) => {
    request = http.get({ host: target.hostname, port: target.port, path: target.pathname, headers: { authorization: `Bearer ${key}`, accept: "text/event-stream" } }, (res) => {
      if (res.statusCode !== 200) return reject(new Error(`stream answered ${res.statusCode}`));
      resolve();
      if (!onEvent) return void res.resume();
      let buffer = "";
      res.setEncoding("utf8");
      res.on("data", (chunk: string) => {
        const at = performance.now() + performance.timeOrigin;
        buffer += chunk;
        let end: number;
        while ((end = buffer.indexOf("\n\n")) >= 0) {
          const frame = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const data = frame
            .split("\n")
            .filter((line) => line.startsWith("data:"))
            .map((line) => line.slice(5).trim())
            .join("");
          if (!data) continue;
          try {
            onEvent(JSON.parse(data), at);
          } catch {
            // a comment or keep-alive
          }
        }
      });
    });
    request.on("error", reject);
  });
  return { opened, close: () => request?.destroy() };
}

/** Resident memory (kB) of every process of a process group (`npx next start` and its server). */
function groupRssKb(pgid: number): number {
  let total = 0;
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8").split(") ")[1].split(" ");
      if (Number(stat[2]) !== pgid) continue;
      const rss = /VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${entry}/status`, "utf8"));
      total += Number(rss?.[1] ?? 0);
    } catch {
      // ended meanwhile
    }
  }
  return total;
}

/**
 * Where a webhook event's time to the streams goes, from the workflow engine's own records of the processing
 * steps since `since`: events processed per second of step time, step durations, and the events still
 * waiting for processing when the timed load ended (a backlog means processing fell behind the webhook:
 * then the backlog, not the window or the fan-out, sets the live latency).
 */
async function pipelineBreakdown(handle: DatabaseHandle, since: Date) {
  const steps = rowsOf<{ ms: number; events: number }>(
    await handle.db.execute(sql`
      select extract(epoch from s.ended_at - s.started_at) * 1000 as ms, coalesce((s.output ->> 'processed')::int, 0) as events
        from workflow_steps s join workflow_runs r on r.id = s.run_id
       where r.function_id like '%process-webhook-events' and s.name like 'process-events-%' and s.started_at >= ${since.toISOString()}::timestamptz`),
  ).map((r) => ({ ms: Number(r.ms), events: Number(r.events) }));
  const [{ waiting }] = rowsOf<{ waiting: number }>(await handle.db.execute(sql`select count(*)::int as waiting from webhook_events where status = 'received'`));
  const stepMs = steps.map((step) => step.ms).sort((a, b) => a - b);
  const events = steps.reduce((sum, step) => sum + step.events, 0);
  const busyMs = steps.reduce((sum, step) => sum + step.ms, 0);
  return {
    processingSteps: steps.length,
    eventsProcessed: events,
    stepMs: { p50: round(percentile(stepMs, 50)), p95: round(percentile(stepMs, 95)), max: round(stepMs[stepMs.length - 1] ?? NaN) },
    stepMsPer1000Events: round((busyMs / Math.max(1, events)) * 1000),
    eventsWaitingWhenLoadEnded: Number(waiting),
  };
}

/** Progress on stderr (the figures go to stdout), to line up with other measurements taken meanwhile. */
const phase = (name: string) => console.error(`${new Date().toISOString().slice(11, 23)} inbox bench: ${name}`);
const round = (n: number) => Math.round(n * 10) / 10;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * BENCH_INBOX_WORKER=1: the split deployment the README offers for high volume (as the webhook bench measures
 * it): the instance Meta and the agents talk to runs with WORKFLOW_EXECUTOR=off, and a second instance on the
 * same machine runs the processing functions. Its figures go to inbox-web-and-worker.json.
 */
const WITH_WORKER = Boolean(process.env.BENCH_INBOX_WORKER);
export const resultName = () => (WITH_WORKER ? "inbox-web-and-worker" : "inbox");

export default async function inboxBenchmark() {
  await ensureBuild();
  const sandbox = await startSandbox({ port: 0, appUrl: "http://127.0.0.1:9" });
  process.env.GRAPH_API_URL = sandbox.url;
  const inWindow = (count: number, prefix: string) =>
    sandbox.controls.bulk.createUsers(PAGE_ID, count, prefix).map((u) => {
      // The bench writes the people's messages to the webhook itself: the sandbox must know they wrote (24 h window).
      Object.assign(u, { threadStarted: true, lastInboundAt: sandbox.controls.clock.now() });
      return u.psid;
    });
  const background = inWindow(200, "Load");
  const probes = inWindow(PROBE_PEOPLE, "Probe");
  const database = await benchDatabase("inbox", SERVER);
  const { agentKeys } = await seed(database.handle);
  const port = Number(process.env.BENCH_APP_PORT ?? 3320);
  const app = await startApp(port, { DATABASE_URL: database.url!, GRAPH_API_URL: sandbox.url, ...(WITH_WORKER ? { WORKFLOW_EXECUTOR: "off" } : {}) });
  const worker = WITH_WORKER ? await startApp(port + 1, { DATABASE_URL: database.url!, GRAPH_API_URL: sandbox.url }) : null;
  await waitForWorkflowSync(database.handle);
  let sequence = 0;
  const backgroundPost = (tag: string) => (i: number) =>
    signed(
      Array.from({ length: EVENTS_PER_POST }, (_, j) => ({
        sender: { id: background[(i * EVENTS_PER_POST + j) % background.length] },
        recipient: { id: PAGE_ID },
        timestamp: Date.now() + j,
        message: { mid: `m_${tag}_${i}_${j}`, text: `load ${i}.${j}` },
      })),
    );
  const probePost = (psid: string) => signed([{ sender: { id: psid }, recipient: { id: PAGE_ID }, timestamp: Date.now(), message: { mid: `probe_${sequence++}_${psid}`, text: "probe" } }]);
  try {
    // Every person writes once, so their conversations exist; then map the probe people's conversations.
    for (const psid of [...probes, ...background]) await postOnce(app.url, probePost(psid));
    let conversationOf = new Map<string, string>();
    for (let waited = 0; waited < 60_000 && conversationOf.size < PROBE_PEOPLE; waited += 500) {
      await sleep(500);
      const rows = rowsOf<{ psid: string; id: string }>(await database.handle.db.execute(sql`select c.psid, v.id from conversations v join contacts c on c.id = v.contact_id`));
      conversationOf = new Map(rows.filter((r) => probes.includes(r.psid)).map((r) => [r.id, r.psid]));
    }
    if (conversationOf.size < PROBE_PEOPLE) throw new Error(`only ${conversationOf.size} of ${PROBE_PEOPLE} probe conversations were opened within a minute`);
    const conversationIds = [...conversationOf.keys()];

    // 1. The acknowledgement without agents connected.
    phase("load without agents");
    const alone = await runLoad({ url: app.url, total: SECONDS * POSTS_PER_SECOND, concurrency: 32, ratePerSecond: POSTS_PER_SECOND, makeRequest: backgroundPost("alone") });
    // The baseline is taken after the same load has warmed the heap, so the streams are charged only for themselves.
    await sleep(3000);
    const rssBefore = groupRssKb(app.process.pid!);

    phase("agents connect");
    // 2. 200 agents connect; timed streams note each probe conversation's first message.created after the probe's send.
    const arrivals = new Map<string, number[]>(); // conversation id -> arrival times on timed streams
    const streams = agentKeys.map((key, i) =>
      openStream(
        app.url,
        key,
        i < TIMED_STREAMS
          ? (event, at) => {
              if (event.type !== "message.created" || !event.conversationId || !conversationOf.has(event.conversationId)) return;
              const list = arrivals.get(event.conversationId) ?? [];
              list.push(at);
              arrivals.set(event.conversationId, list);
            }
          : undefined,
      ),
    );
    await Promise.all(streams.map((s) => s.opened));
    await sleep(3000);
    const rssWith = groupRssKb(app.process.pid!);

    phase("load with agents listening");
    // 3. The same load with the agents connected: every event of it reaches their 200 streams.
    const listening = await runLoad({ url: app.url, total: SECONDS * POSTS_PER_SECOND, concurrency: 32, ratePerSecond: POSTS_PER_SECOND, makeRequest: backgroundPost("listening") });

    // 4. The same again while the agents work: probes timed to their streams, and replies.
    const probeResults: { psid: string; sentAt: number; ackAt: number }[] = [];
    const replyLatencies: number[] = [];
    const replyStatuses: Record<string, number> = {};
    const replySentAt = new Map<string, number>(); // reply text -> wall-clock time the agent sent it
    const stop = Date.now() + SECONDS * 1000;
    const probing = (async () => {
      for (let i = 0; Date.now() < stop; i++) {
        const psid = probes[i % probes.length];
        const sentAt = performance.now() + performance.timeOrigin;
        void postOnce(app.url, probePost(psid)).then((r) => r.status === 200 && probeResults.push({ psid, sentAt, ackAt: r.at }));
        await sleep(1000 / PROBES_PER_SECOND);
      }
    })();
    const replying = (async () => {
      for (let i = 0; Date.now() < stop; i++) {
        const key = agentKeys[i % agentKeys.length];
        const conversationId = conversationIds[i % conversationIds.length];
        const t0 = performance.now();
        replySentAt.set(`reply ${i}`, Date.now());
        void fetch(`${app.url}/api/v1/conversations/${conversationId}/messages`, {
          method: "POST",
          headers: { authorization: `Bearer ${key}`, "content-type": "application/json" },
          body: JSON.stringify({ text: `reply ${i}` }),
        }).then(
          async (res) => {
            await res.arrayBuffer();
            replyStatuses[res.status] = (replyStatuses[res.status] ?? 0) + 1;
            if (res.status === 201 || res.status === 200) replyLatencies.push(performance.now() - t0);
          },
          () => (replyStatuses.error = (replyStatuses.error ?? 0) + 1),
        );
        await sleep(1000 / REPLIES_PER_SECOND);
      }
    })();
    phase("load with agents working");
    const workingFrom = new Date();
    const working = await runLoad({ url: app.url, total: SECONDS * POSTS_PER_SECOND, concurrency: 32, ratePerSecond: POSTS_PER_SECOND, makeRequest: backgroundPost("working") });
    await Promise.all([probing, replying]);
    const pipeline = await pipelineBreakdown(database.handle, workingFrom);
    await sleep(5000); // the last probes' events
    for (const s of streams) s.close();

    // A probe's latency on each timed stream: its conversation's first arrival after the probe was sent, less its 200.
    const psidConversation = new Map([...conversationOf].map(([id, psid]) => [psid, id]));
    const latencies: number[] = [];
    let missed = 0;
    for (const probe of probeResults) {
      const times = arrivals.get(psidConversation.get(probe.psid)!) ?? [];
      const first = times.filter((t) => t >= probe.sentAt).sort((a, b) => a - b);
      // Each timed stream hears it once; the first TIMED_STREAMS arrivals after the send are this probe's.
      const mine = first.slice(0, TIMED_STREAMS);
      if (mine.length === 0) missed++;
      for (const t of mine) latencies.push(Math.max(0, t - probe.ackAt));
    }
    latencies.sort((a, b) => a - b);
    replyLatencies.sort((a, b) => a - b);
    // The sandbox stamps each Send API call as it takes it (wall clock, in this process): the agent's reply to its Graph call.
    const toGraphCall = sandbox.controls.sendLog
      .query({ pageId: PAGE_ID, kind: "text" })
      .records.flatMap((record) => {
        const sentAt = replySentAt.get((record.message as { text?: string } | null)?.text ?? "");
        return sentAt === undefined ? [] : [record.at - sentAt];
      })
      .sort((a, b) => a - b);
    const aloneSummary = summarise(alone, EVENTS_PER_POST);
    const listeningSummary = summarise(listening, EVENTS_PER_POST);
    const workingSummary = summarise(working, EVENTS_PER_POST);
    const ratio = (a: number, b: number) => Math.round((a / b) * 100) / 100;
    return {
      setup: `${WITH_WORKER ? "two next start instances (the agents' and Meta's with the workflow executor off, a worker running the processing)" : "next start"} + PostgreSQL + the sandbox on one machine; ${AGENTS} agents of one skill group with a stream each; ${POSTS_PER_SECOND * EVENTS_PER_POST} webhook events/s for ${SECONDS} s; ${PROBES_PER_SECOND} probes/s timed on ${TIMED_STREAMS} streams; ${REPLIES_PER_SECOND} replies/s`,
      liveLatencyMs: { samples: latencies.length, probes: probeResults.length, probesNeverHeard: missed, p50: round(percentile(latencies, 50)), p95: round(percentile(latencies, 95)), max: round(latencies[latencies.length - 1] ?? NaN), goalP95: 1000 },
      replyToGraphCallMs: { calls: toGraphCall.length, p50: round(percentile(toGraphCall, 50)), p95: round(percentile(toGraphCall, 95)), goalP95: 300 },
      replyAnsweredMs: { replies: replyLatencies.length, statuses: replyStatuses, p50: round(percentile(replyLatencies, 50)), p95: round(percentile(replyLatencies, 95)) },
      pipeline,
      memory: { appRssMiBWithoutStreams: round(rssBefore / 1024), appRssMiBWith200Streams: round(rssWith / 1024), kibPerConnectedAgent: round((rssWith - rssBefore) / AGENTS) },
      webhookAck: {
        withoutAgents: aloneSummary,
        withAgents: listeningSummary,
        ratioP99WithToWithout: ratio(listeningSummary.p99Ms, aloneSummary.p99Ms),
        goalRatio: 1.2,
        // Not the goal's comparison (the machine also serves the replies and probes), shown for what it costs.
        withAgentsReplying: workingSummary,
        ratioP99ReplyingToWithout: ratio(workingSummary.p99Ms, aloneSummary.p99Ms),
      },
    };
  } finally {
    phase("stopping the app");
    await app.stop();
    await worker?.stop();
    if (process.env.BENCH_KEEP_DATABASE) console.log(`kept ${database.url}`);
    else await database.drop();
    await sandbox.close();
  }
}
