/**
 * Messenger sandbox throughput, so that it never limits our own benchmarks (target: >= 5,000 Send API
 * calls/s on one core). The sandbox runs as its own process on an ephemeral port (sandbox/main.ts,
 * SANDBOX_PORT=0), so that the load generator here does not share its single JavaScript thread; faults
 * and latency are off. Figures:
 *  - Send API calls/s (wall clock) and calls per CPU-second of the sandbox process (its capacity on one
 *    fully available core, read from /proc, robust when other work shares the machine).
 *  - Webhook deliveries/s to a local node:http receiver that verifies X-Hub-Signature-256 over the raw
 *    bytes of every POST: one event per POST, and with Meta-style batching (events/s).
 */
import { createHmac } from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { cpuSeconds } from "../lib/cpu";
import { closeSandboxClients, control, request, startSandboxProcess, stopSandboxProcess } from "../lib/sandbox-process";

const SEND_CALLS = Number(process.env.BENCH_SANDBOX_CALLS ?? 30_000);
const CONCURRENCY = Number(process.env.BENCH_SANDBOX_CONCURRENCY ?? 32);
const WEBHOOK_EVENTS = Number(process.env.BENCH_SANDBOX_EVENTS ?? 10_000);
const SECRET = "bench-secret";

async function measureSendApi() {
  const sandbox = await startSandboxProcess();
  try {
    // An app without callback: this measures the Send API alone, not webhook echoes.
    const app = await control(sandbox.port, "POST", "/apps", { name: "bench" });
    const page = await control(sandbox.port, "POST", "/pages", { appId: app.id, subscribedFields: [] });
    const users = await control(sandbox.port, "POST", `/pages/${page.id}/users/bulk`, { count: 1000, inWindow: true });
    const bodies = (users.psids as string[]).map((psid) =>
      JSON.stringify({ recipient: { id: psid }, messaging_type: "RESPONSE", message: { text: "Your order has shipped" } }),
    );
    const urlPath = `/v21.0/me/messages?access_token=${page.accessToken}`;
    const run = async (total: number) => {
      let next = 0;
      let ok = 0;
      const worker = async () => {
        while (next < total) {
          const i = next++;
          if ((await request(sandbox.port, "POST", urlPath, bodies[i % bodies.length])).status === 200) ok++;
        }
      };
      const cpuBefore = cpuSeconds(sandbox.child.pid!);
      const started = performance.now();
      await Promise.all(Array.from({ length: CONCURRENCY }, worker));
      return { ok, seconds: (performance.now() - started) / 1000, cpu: cpuSeconds(sandbox.child.pid!) - cpuBefore };
    };
    await run(3000); // warm-up: JIT, sockets
    const { ok, seconds, cpu } = await run(SEND_CALLS);
    if (ok !== SEND_CALLS) throw new Error(`only ${ok}/${SEND_CALLS} Send API calls succeeded`);
    const counted = await control(sandbox.port, "GET", `/send-calls/count?pageId=${page.id}`);
    return { callsPerSecond: Math.round(SEND_CALLS / seconds), callsPerCpuSecond: Math.round(SEND_CALLS / cpu), seconds, cpu, recorded: counted.total as number };
  } finally {
    await stopSandboxProcess(sandbox);
  }
}

async function measureWebhooks(maxBatchEntries: number) {
  let events = 0;
  let posts = 0;
  let badSignatures = 0;
  let resolveDone: () => void = () => {};
  const done = new Promise<void>((resolve) => (resolveDone = resolve));
  const receiver = http.createServer((req, res) => {
    if (req.method === "GET") {
      // Verification handshake.
      res.writeHead(200).end(new URL(req.url ?? "/", "http://x").searchParams.get("hub.challenge") ?? "");
      return;
    }
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const raw = Buffer.concat(chunks);
      if (req.headers["x-hub-signature-256"] !== `sha256=${createHmac("sha256", SECRET).update(raw).digest("hex")}`) badSignatures++;
      posts++;
      events += (JSON.parse(raw.toString("utf8")) as { entry: unknown[] }).entry.length;
      res.writeHead(200).end("EVENT_RECEIVED");
      if (events >= WEBHOOK_EVENTS) resolveDone();
    });
  });
  receiver.keepAliveTimeout = 60_000;
  await new Promise<void>((resolve) => receiver.listen(0, "127.0.0.1", resolve));
  const callbackUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/webhook`;
  const sandbox = await startSandboxProcess();
  try {
    await control(sandbox.port, "PUT", "/webhook-options", { maxBatchEntries, maxConcurrentPerApp: 32 });
    const app = await control(sandbox.port, "POST", "/apps", { name: "bench", secret: SECRET, callbackUrl, verifyToken: "bench" });
    const page = await control(sandbox.port, "POST", "/pages", { appId: app.id, subscribedFields: ["messages"] });
    await control(sandbox.port, "POST", `/pages/${page.id}/users/bulk`, { count: 100 });
    const cpuBefore = cpuSeconds(sandbox.child.pid!);
    const started = performance.now();
    await control(sandbox.port, "POST", `/pages/${page.id}/bulk/messages`, { perUser: WEBHOOK_EVENTS / 100, text: "Bonjour ☕ – any news?" });
    await done;
    const seconds = (performance.now() - started) / 1000;
    const cpu = cpuSeconds(sandbox.child.pid!) - cpuBefore;
    if (badSignatures) throw new Error(`${badSignatures} deliveries had a bad signature`);
    return { events, posts, seconds, postsPerSecond: Math.round(posts / seconds), eventsPerSecond: Math.round(events / seconds), postsPerCpuSecond: Math.round(posts / cpu) };
  } finally {
    await stopSandboxProcess(sandbox);
    receiver.closeAllConnections();
    await new Promise<void>((resolve) => receiver.close(() => resolve()));
  }
}

const round = (n: number) => Math.round(n * 1000) / 1000;

export default async function sandboxBenchmark(): Promise<Record<string, number | string>> {
  try {
    const send = await measureSendApi();
    const single = await measureWebhooks(1);
    const batched = await measureWebhooks(20);
    return {
      sendApiCallsPerSecond: send.callsPerSecond,
      sendApiCallsPerCpuSecond: send.callsPerCpuSecond,
      sendApiCalls: SEND_CALLS,
      sendApiSeconds: round(send.seconds),
      sendApiSandboxCpuSeconds: round(send.cpu),
      sendApiConcurrency: CONCURRENCY,
      webhookDeliveriesPerSecond: single.postsPerSecond,
      webhookDeliveriesPerCpuSecond: single.postsPerCpuSecond,
      webhookDeliveries: single.posts,
      webhookBatchedEventsPerSecond: batched.eventsPerSecond,
      webhookBatchedPosts: batched.posts,
      webhookBatchedEvents: batched.events,
      setup:
        "sandbox in its own process (one JS thread), keep-alive node:http load generator and signature-verifying receiver in the bench process; faults and latency off; *PerCpuSecond = work / CPU time of the sandbox process",
    };
  } finally {
    closeSandboxClients();
  }
}
