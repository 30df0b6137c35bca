/**
 * Webhook ingestion under load (issue 5). Signed POSTs of 10 Messenger events each, against the real app
 * (`next start`, PostgreSQL), paced at 1,000 events/s; then as fast as 32 connections go. Three deployments:
 * one process doing everything, a web instance plus a lower-priority worker instance, and a web instance
 * alone (the acknowledgement path's own cost). The same load against a bare node:http server doing the same
 * verify-and-insert gives the framework's overhead as a ratio. Afterwards: every event stored exactly once
 * (0 lost), and processed into exactly one message (0 twice). BENCH_APP_PROFILE=1 writes the app's CPU
 * profiles to .next-profiles/; BENCH_WEBHOOK_APP_ONLY=1 skips the bare server.
 */
import { createHmac } from "node:crypto";
import http from "node:http";
import { count, eq, sql } from "drizzle-orm";
import { setDatabase, type DatabaseHandle } from "@/db/client";
import { rowsOf } from "@/db/json-insert";
import { memberships, messages, organizations, users, webhookEvents } from "@/db/schema";
import { createChannel } from "@/lib/services/channels";
import { createSkillGroup } from "@/lib/services/skill-groups";
import { buildContext } from "@/lib/tenancy/context";
import { contactPsid, dedupeKey, eventKind, storablePayload, type MessagingEvent } from "@/lib/graph/webhook-events";
import { signatureMatches } from "@/lib/services/webhook";
import { startSandbox } from "@/sandbox/server";
import { ensureBuild, startApp } from "../lib/app-server";
import { commandCpuSeconds, groupCpuSeconds } from "../lib/cpu";
import { benchDatabase } from "../lib/database";
import { runLoad, summarise } from "../lib/load";

const SERVER = process.env.DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
const PAGE_ID = "1000000000000001";
const APP_SECRET = "demo-app-secret";
const EVENTS_PER_POST = 10;
const PACED_SECONDS = Number(process.env.BENCH_WEBHOOK_SECONDS ?? 30);
const PACED_RATE = 100; // POSTs per second = 1,000 events/s

async function seedChannel(handle: DatabaseHandle): Promise<{ orgId: string; channelId: string }> {
  setDatabase(handle);
  const db = handle.db;
  const [user] = await db.insert(users).values({ email: "bench@example.com", name: "Bench" }).returning();
  const [org] = await db.insert(organizations).values({ name: "Bench", slug: "bench" }).returning();
  const [membership] = await db.insert(memberships).values({ orgId: org.id, userId: user.id, role: "owner" }).returning();
  const ctx = buildContext({ org, actor: { type: "user", id: user.id, label: user.email }, role: "owner", membershipId: membership.id });
  const group = await createSkillGroup({ ctx, input: { name: "Support" } });
  const channel = await createChannel({
    ctx,
    input: { name: "Bench Page", pageId: PAGE_ID, pageAccessToken: "demo-page-token", appId: "2000000000000002", appSecret: APP_SECRET, skillGroupId: group.id },
  });
  return { orgId: org.id, channelId: channel.id };
}

function makeBodies(psids: string[], total: number, runTag: string) {
  return (i: number) => {
    const now = Date.now();
    const messaging: MessagingEvent[] = Array.from({ length: EVENTS_PER_POST }, (_, j) => {
      const psid = psids[(i * EVENTS_PER_POST + j) % psids.length];
      return { sender: { id: psid }, recipient: { id: PAGE_ID }, timestamp: now + j, message: { mid: `m_${runTag}_${i}_${j}`, text: `message ${i}.${j}` } };
    });
    const body = Buffer.from(JSON.stringify({ object: "page", entry: [{ id: PAGE_ID, time: now, messaging }] }));
    return {
      path: `/facebook/webhook/${PAGE_ID}`,
      body,
      headers: { "content-type": "application/json", "x-hub-signature-256": `sha256=${createHmac("sha256", APP_SECRET).update(body).digest("hex")}` },
    };
  };
}

/** The baseline: node:http, the same signature check, the same rows, one batched insert. */
async function startBareServer(handle: DatabaseHandle, orgId: string, channelId: string) {
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", async () => {
      const raw = Buffer.concat(chunks);
      if (!signatureMatches(raw, req.headers["x-hub-signature-256"] as string, APP_SECRET)) return res.writeHead(401).end();
      const body = JSON.parse(raw.toString("utf8")) as { entry: { id: string; messaging: MessagingEvent[] }[] };
      const rows = body.entry.flatMap((entry) =>
        entry.messaging.map((event) => {
          const kind = eventKind(event);
          return { orgId, channelId, dedupeKey: dedupeKey(entry.id, event, kind), kind, senderId: contactPsid(event, kind), timestamp: Number(event.timestamp), payload: storablePayload(event) };
        }),
      );
      try {
        await handle.db.insert(webhookEvents).values(rows).onConflictDoNothing();
        res.writeHead(200).end("EVENT_RECEIVED");
      } catch {
        res.writeHead(503).end();
      }
    });
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const port = (server.address() as { port: number }).port;
  return { url: `http://127.0.0.1:${port}`, close: () => new Promise((r) => server.close(r)) };
}

/**
 * The paced run, then the burst. For the paced run also the CPU each party spent per 1,000 events: the app
 * (its process groups), PostgreSQL and this load generator, which share the machine's cores.
 */
async function measure(url: string, psids: string[], tag: string, handle: DatabaseHandle, appGroups: number[] = []) {
  const cpu = () => ({ app: appGroups.reduce((sum, pgid) => sum + groupCpuSeconds(pgid), 0), postgres: commandCpuSeconds("postgres"), load: process.cpuUsage() });
  const transactions = async () => {
    const [row] = rowsOf<{ n: string | number }>(await handle.db.execute(sql`select xact_commit + xact_rollback as n from pg_stat_database where datname = current_database()`));
    return Number(row?.n ?? 0);
  };
  const transactionsBefore = await transactions();
  const before = cpu();
  const paced = await runLoad({ url, total: PACED_SECONDS * PACED_RATE, concurrency: 32, ratePerSecond: PACED_RATE, makeRequest: makeBodies(psids, 0, `${tag}p`) });
  const after = cpu();
  // Statistics reach pg_stat_database when a backend goes idle, so wait a moment before reading them.
  await new Promise((r) => setTimeout(r, 1000));
  const pacedTransactionsPerPost = Math.round(((await transactions()) - transactionsBefore) / paced.requests * 10) / 10;
  const perThousandEvents = (seconds: number) => Math.round((seconds / (paced.requests * EVENTS_PER_POST)) * 1e6);
  const load = process.cpuUsage(before.load);
  const pacedCpuMsPerThousandEvents = {
    ...(appGroups.length > 0 ? { app: perThousandEvents(after.app - before.app) } : {}),
    postgres: perThousandEvents(after.postgres - before.postgres),
    loadGeneratorAndBareServer: perThousandEvents((load.user + load.system) / 1e6),
  };
  const burst = await runLoad({ url, total: 1500, concurrency: 32, makeRequest: makeBodies(psids, 0, `${tag}b`) });
  return { paced: summarise(paced, EVENTS_PER_POST), pacedCpuMsPerThousandEvents, pacedTransactionsPerPost, burst: summarise(burst, EVENTS_PER_POST), sent: (paced.requests + burst.requests) * EVENTS_PER_POST };
}

async function countRows(handle: DatabaseHandle) {
  const [stored] = await handle.db.select({ n: count() }).from(webhookEvents);
  const [processed] = await handle.db.select({ n: count() }).from(webhookEvents).where(eq(webhookEvents.status, "processed"));
  const [stored_messages] = await handle.db.select({ n: count() }).from(messages);
  const [distinctMids] = await handle.db.select({ n: sql<number>`count(distinct ${messages.mid})::int` }).from(messages);
  return { stored: Number(stored.n), processed: Number(processed.n), messages: Number(stored_messages.n), distinctMids: Number(distinctMids.n) };
}

/**
 * One deployment of the app under the same load, on a fresh database: its paced and burst figures, then
 * the wait until processing has caught up (and the check that nothing was lost or processed twice).
 */
async function measureApp(name: string, instances: { port: number; env: Record<string, string>; nice?: number }[], psids: string[], sandboxUrl: string) {
  const app = await benchDatabase(name, SERVER);
  await seedChannel(app.handle);
  const servers = [];
  try {
    for (const instance of instances) servers.push(await startApp(instance.port, { DATABASE_URL: app.url!, GRAPH_API_URL: sandboxUrl, ...instance.env }, { nice: instance.nice }));
    const url = servers[0].url; // Meta calls the first instance
    await fetch(`${url}/facebook/webhook/${PAGE_ID}?hub.mode=subscribe&hub.verify_token=x&hub.challenge=1`); // warm the route
    const figures = await measure(url, psids, name, app.handle, servers.map((server) => server.process.pid!));
    // Processing runs on in the app; wait for it before stopping, so "processed" is counted (unless no
    // instance runs the executor: then the events stay stored for a worker that is not there).
    const processing = instances.some((instance) => instance.env.WORKFLOW_EXECUTOR !== "off");
    const started = Date.now();
    let rows = await countRows(app.handle);
    while (processing && rows.processed < rows.stored && Date.now() - started < 180_000) {
      await new Promise((r) => setTimeout(r, 1000));
      rows = await countRows(app.handle);
    }
    return {
      ...figures,
      stored: rows.stored,
      lost: figures.sent - rows.stored,
      processed: rows.processed,
      processedTwice: rows.messages - rows.distinctMids,
      processingCaughtUpSecondsAfterLoad: Math.round((Date.now() - started) / 1000),
    };
  } finally {
    for (const server of servers) await server.stop();
    await app.drop();
  }
}

export default async function webhookBenchmark() {
  await ensureBuild();
  const sandbox = await startSandbox({ port: 0, appUrl: "http://127.0.0.1:9" });
  // Connecting the channel proves the Page with Graph /me: the sandbox answers it for the demo Page's token.
  process.env.GRAPH_API_URL = sandbox.url;
  const psids = sandbox.controls.bulk.createUsers(PAGE_ID, 200, "Bench").map((u) => u.psid);
  const port = Number(process.env.BENCH_APP_PORT ?? 3310);
  try {
    // 1. One process doing everything (what `npm start` runs).
    const single = await measureApp("single", [{ port, env: {} }], psids, sandbox.url);
    // 2. The split for high volume: a web instance with the executor off takes Meta's requests, a worker
    //    instance at a lower CPU priority (nice 10) runs the processing functions, on the same 2 cores.
    const split = await measureApp("split", [{ port, env: { WORKFLOW_EXECUTOR: "off" } }, { port: port + 1, env: {}, nice: 10 }], psids, sandbox.url);
    // 3. The acknowledgement path alone: a web instance with nothing processing on this machine.
    const webOnly = await measureApp("webonly", [{ port, env: { WORKFLOW_EXECUTOR: "off" } }], psids, sandbox.url);
    if (process.env.BENCH_WEBHOOK_APP_ONLY) return { singleProcess: single, webAndWorker: split, webOnlyNoProcessing: webOnly }; // while profiling the app

    const bare = await benchDatabase("bare", SERVER);
    const seeded = await seedChannel(bare.handle);
    const bareServer = await startBareServer(bare.handle, seeded.orgId, seeded.channelId);
    const bareFigures = await measure(bareServer.url, psids, "bare", bare.handle);
    await bareServer.close();
    const bareRows = await countRows(bare.handle);
    await bare.drop();

    return {
      setup: `next start + PostgreSQL, ${EVENTS_PER_POST} events per signed POST, 32 connections; paced run ${PACED_SECONDS}s at ${PACED_RATE * EVENTS_PER_POST} events/s, then a burst of 15,000 events`,
      singleProcess: single,
      webAndWorker: split,
      webOnlyNoProcessing: { ...webOnly, note: "processing was not running: this is the acknowledgement path's own cost" },
      bare: { ...bareFigures, stored: bareRows.stored },
      ratioBurstThroughputAppToBare: { singleProcess: ratio(single.burst.eventsPerSecond, bareFigures.burst.eventsPerSecond), webAndWorker: ratio(split.burst.eventsPerSecond, bareFigures.burst.eventsPerSecond) },
      ratioPacedP99AppToBare: { singleProcess: ratio(single.paced.p99Ms, bareFigures.paced.p99Ms), webAndWorker: ratio(split.paced.p99Ms, bareFigures.paced.p99Ms) },
    };
  } finally {
    await sandbox.close();
  }
}

const ratio = (a: number, b: number) => Math.round((a / b) * 100) / 100;
