/**
 * OTN campaign sending through the real app (`next start` with its workflow engine) on PostgreSQL, against
 * the Messenger sandbox in its own process with latency 0. Every count of what Messenger users received
 * comes from the sandbox's Send API record, never from the app's own bookkeeping.
 * - throughput: 100,000 subscribers sent with the rate limit lifted, "Send now" through the API
 *   (target ≥ 1,000 sends/s, aim 3,000);
 * - accuracy: a 300/s campaign's achieved rate (target within 5 %);
 * - crash: the app is SIGKILLed mid-send and started again; the campaign finishes with every token
 *   delivered exactly once (0 duplicates, 0 lost);
 * - list: `GET /api/v1/campaigns` with 1,000,000 tokens stored (target < 100 ms).
 * - marketing: 100,000 Marketing Messages subscription tokens sent at the Page's limit (300/s, about 5.5 minutes):
 *   0 duplicates, 0 lost, the rate within 5 % of the limit and no one-second window above it (marketing-run.ts).
 *   It runs the sender in this process (the function each workflow step calls), not through `next start`.
 * CAMPAIGN_BENCH_SUBSCRIBERS, _RATE_TOKENS, _CRASH_TOKENS, _LIST_TOKENS and _MARKETING_TOKENS (or --marketing-count=N)
 * scale it down; CAMPAIGN_BENCH_ONLY=marketing runs only the marketing run (no build, no app).
 */
import { eq, sql } from "drizzle-orm";
import { setDatabase, type DatabaseHandle } from "@/db/client";
import { campaigns, channels, otnTokens } from "@/db/schema";
import { createCampaign } from "@/lib/services/campaigns";
import { setCampaignEventSender } from "@/lib/services/campaigns";
import { sha256Hex } from "@/lib/crypto/hash";
import { seal } from "@/lib/crypto/secrets";
import { createApiKey } from "@/lib/services/api-keys";
import { createChannel } from "@/lib/services/channels";
import { createSkillGroup } from "@/lib/services/skill-groups";
import type { TokenSummary } from "@/sandbox/graph/send-log";
import { DEMO } from "@/sandbox/state/demo";
import { createOrgFixture } from "@/tests/fixtures";
import { ensureBuild, startApp, type AppServer } from "../lib/app-server";
import { benchDatabase } from "../lib/database";
import { cpuSeconds, groupCpuSeconds } from "../lib/cpu";
import { marketingRun } from "../lib/marketing-run";
import { closeSandboxClients, control, startSandboxProcess, stopSandboxProcess, type SandboxProcess } from "../lib/sandbox-process";

const SERVER = process.env.DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
const SUBSCRIBERS = Number(process.env.CAMPAIGN_BENCH_SUBSCRIBERS ?? 100_000);
const RATE_TOKENS = Number(process.env.CAMPAIGN_BENCH_RATE_TOKENS ?? 6_000);
const CRASH_TOKENS = Number(process.env.CAMPAIGN_BENCH_CRASH_TOKENS ?? 30_000);
const LIST_TOKENS = Number(process.env.CAMPAIGN_BENCH_LIST_TOKENS ?? 1_000_000);
const MARKETING_TOKENS = Number(process.argv.find((a) => a.startsWith("--marketing-count="))?.split("=")[1] ?? process.env.CAMPAIGN_BENCH_MARKETING_TOKENS ?? 100_000);
const ONLY_MARKETING = process.env.CAMPAIGN_BENCH_ONLY === "marketing";

/** The marketing run alone writes bench/results/campaigns-marketing.json, leaving the full run's campaigns.json. */
export function resultName(): string {
  return ONLY_MARKETING ? "campaigns-marketing" : "campaigns";
}
const APP_PORT = Number(process.env.BENCH_APP_PORT ?? 3311);
const FINAL = new Set(["sent", "sent_with_failures", "paused", "cancelled"]);

/** N subscribers: people in the sandbox holding OTN tokens, and the same tokens sealed in the ledger. */
async function seedSubscribers(handle: DatabaseHandle, sandbox: SandboxProcess, orgId: string, channelId: string, campaignId: string, count: number): Promise<void> {
  for (let offset = 0; offset < count; offset += 20_000) {
    const n = Math.min(20_000, count - offset);
    const { granted } = await control<{ granted: { psid: string; token: string }[] }>(sandbox.port, "POST", `/pages/${DEMO.pageId}/bulk/otn-tokens`, {
      count: n,
      payload: payloadOf(campaignId),
      namePrefix: "Bench",
    });
    const rows = granted.map(({ psid, token }) => ({ orgId, campaignId, channelId, psid, tokenSealed: seal(token), tokenHash: sha256Hex(token), optedInAt: new Date() }));
    for (let i = 0; i < rows.length; i += 2000) await handle.db.insert(otnTokens).values(rows.slice(i, i + 2000));
  }
  await handle.db.update(campaigns).set({ subscribers: count }).where(eq(campaigns.id, campaignId));
}

const payloadOf = (campaignId: string) => `bench:${campaignId}`;

function tokenSummary(sandbox: SandboxProcess, campaignId: string): Promise<TokenSummary> {
  return control<TokenSummary>(sandbox.port, "GET", `/otn-tokens/summary?pageId=${DEMO.pageId}&payload=${encodeURIComponent(payloadOf(campaignId))}`);
}

async function campaignRow(handle: DatabaseHandle, campaignId: string) {
  const [row] = await handle.db.select().from(campaigns).where(eq(campaigns.id, campaignId));
  return row;
}

/** Polls the campaign until it reaches a final status (or `until` says stop). */
async function waitForCampaign(handle: DatabaseHandle, campaignId: string, timeoutMs: number, until?: (row: typeof campaigns.$inferSelect) => boolean) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const row = await campaignRow(handle, campaignId);
    if (FINAL.has(row.status) || until?.(row)) return row;
    if (Date.now() > deadline) throw new Error(`campaign ${campaignId} still ${row.status} (${row.sent} sent) after ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

async function api(app: AppServer, key: string, method: string, path: string): Promise<{ status: number; body: any }> {
  const res = await fetch(`${app.url}${path}`, { method, headers: { authorization: `Bearer ${key}` } });
  return { status: res.status, body: await res.json().catch(() => null) };
}

async function sendNow(app: AppServer, key: string, campaignId: string): Promise<void> {
  const res = await api(app, key, "POST", `/api/v1/campaigns/${campaignId}/send`);
  if (res.status !== 200) throw new Error(`send now answered ${res.status}: ${JSON.stringify(res.body)}`);
}

const seconds = (from: Date, to: Date) => (to.getTime() - from.getTime()) / 1000;
const round1 = (n: number) => Math.round(n * 10) / 10;

export default async function campaignBenchmark(): Promise<Record<string, unknown>> {
  if (!ONLY_MARKETING) await ensureBuild();
  const sandbox = await startSandboxProcess();
  const { handle, url, drop } = await benchDatabase("campaigns", SERVER);
  setDatabase(handle);
  setCampaignEventSender(async () => {}); // the bench process only seeds; the app does the sending
  process.env.GRAPH_API_URL = sandbox.url;
  await control(sandbox.port, "PUT", `/pages/${DEMO.pageId}/faults`, { rateLimitPerSecond: 0, latency: { kind: "none" } });
  const appEnv = { DATABASE_URL: url!, GRAPH_API_URL: sandbox.url };
  let app: AppServer | undefined;
  const figures: Record<string, unknown> = { setup: "next start (built-in workflow engine) + PostgreSQL; sandbox in its own process, latency 0; counts from the sandbox's Send API record" };
  try {
    const f = await createOrgFixture("Bench");
    const group = await createSkillGroup({ ctx: f.as.owner, input: { name: "Bench" } });
    const channel = await createChannel({
      ctx: f.as.owner,
      input: { name: "Demo", pageId: DEMO.pageId, pageAccessToken: DEMO.pageAccessToken, appId: DEMO.appId, appSecret: DEMO.appSecret, skillGroupId: group.id },
    });
    await handle.db.update(channels).set({ pageUsername: DEMO.pageUsername }).where(eq(channels.id, channel.id));
    const { secret: key } = await createApiKey({ ctx: f.as.owner, input: { name: "bench", role: "admin" } });
    const marketing = () => marketingRun({ handle, sandbox, ctx: f.as.owner, orgId: f.org.id, channelId: channel.id, tokens: MARKETING_TOKENS, rate: 300 });
    if (ONLY_MARKETING) {
      figures.marketing = await marketing();
      console.log("marketing", figures.marketing);
      return figures;
    }
    const newCampaign = async (name: string, ratePerSecond: number, tokens: number) => {
      const campaign = await createCampaign({
        ctx: f.as.owner,
        input: { name, channelId: channel.id, requestTitle: "Bench", content: { type: "text", text: "Bench message" }, ratePerSecond: Math.max(1, ratePerSecond) },
      });
      // 0 = unlimited is reserved for benchmarks; the API caps campaigns at 300/s.
      if (ratePerSecond === 0) await handle.db.update(campaigns).set({ ratePerSecond: 0 }).where(eq(campaigns.id, campaign.id));
      await seedSubscribers(handle, sandbox, f.org.id, channel.id, campaign.id, tokens);
      return campaign;
    };
    app = await startApp(APP_PORT, appEnv);

    // 1. Throughput with the rate limit lifted.
    const fast = await newCampaign("Throughput", 0, SUBSCRIBERS);
    const appCpu0 = groupCpuSeconds(app.process.pid!);
    const sandboxCpu0 = cpuSeconds(sandbox.child.pid!);
    await sendNow(app, key, fast.id);
    const fastRow = await waitForCampaign(handle, fast.id, 600_000);
    const fastSeconds = seconds(fastRow.startedAt!, fastRow.finishedAt!);
    figures.throughput = {
      subscribers: SUBSCRIBERS,
      status: fastRow.status,
      seconds: round1(fastSeconds),
      sendsPerSecond: Math.round(fastRow.sent / fastSeconds),
      sandboxCpuMicrosecondsPerSend: Math.round(((cpuSeconds(sandbox.child.pid!) - sandboxCpu0) / SUBSCRIBERS) * 1e6),
      appCpuMicrosecondsPerSend: Math.round(((groupCpuSeconds(app.process.pid!) - appCpu0) / SUBSCRIBERS) * 1e6),
      ...(await tokenSummary(sandbox, fast.id)),
    };
    console.log("throughput", figures.throughput);

    // 2. Accuracy at 300/s.
    const paced = await newCampaign("Paced", 300, RATE_TOKENS);
    await sendNow(app, key, paced.id);
    const pacedRow = await waitForCampaign(handle, paced.id, 600_000);
    const pacedSeconds = seconds(pacedRow.startedAt!, pacedRow.finishedAt!);
    const achieved = pacedRow.sent / pacedSeconds;
    figures.rate300 = {
      status: pacedRow.status,
      seconds: round1(pacedSeconds),
      achievedPerSecond: round1(achieved),
      deviationPercent: round1(((achieved - 300) / 300) * 100),
      ...(await tokenSummary(sandbox, paced.id)),
    };
    console.log("rate300", figures.rate300);

    // 3. SIGKILL mid-send (40 % in: inside a 5,000-token batch, with calls in flight), then a restart.
    const crash = await newCampaign("Crash", 0, CRASH_TOKENS);
    await sendNow(app, key, crash.id);
    const atKill = await waitForCampaign(handle, crash.id, 600_000, (row) => row.sent >= CRASH_TOKENS * 0.4);
    await app.stop("SIGKILL");
    const killedAt = Date.now();
    const deliveredAtKill = (await tokenSummary(sandbox, crash.id)).delivered;
    const recordedAtKill = (await campaignRow(handle, crash.id)).sent;
    app = await startApp(APP_PORT, appEnv);
    const restartedAt = Date.now();
    const crashRow = await waitForCampaign(handle, crash.id, 600_000);
    const summary = await tokenSummary(sandbox, crash.id);
    figures.crashRestart = {
      status: crashRow.status,
      killedAfterSent: atKill.sent,
      deliveredAtKill,
      recordedAtKill,
      restartSeconds: round1((restartedAt - killedAt) / 1000),
      finishedSecondsAfterRestart: round1((crashRow.finishedAt!.getTime() - restartedAt) / 1000),
      recordedSent: crashRow.sent,
      duplicates: summary.deliveredMoreThanOnce,
      lost: summary.notDelivered,
      ...summary,
    };
    console.log("crashRestart", figures.crashRestart);

    // 4. The list with a million tokens stored (fake sealed tokens, inserted by the database itself).
    const big = await newCampaign("Big", 40, 0);
    await handle.exec(`
      insert into otn_tokens (id, org_id, campaign_id, channel_id, psid, token_sealed, token_hash, status, opted_in_at)
      select gen_random_uuid(), '${f.org.id}', '${big.id}', '${channel.id}', 'p' || g, 'sealed', md5(g::text || '${big.id}') || g, 'pending', now()
        from generate_series(1, ${LIST_TOKENS}) g`);
    await handle.db.update(campaigns).set({ subscribers: sql`${LIST_TOKENS}` }).where(eq(campaigns.id, big.id));
    await handle.exec("analyze otn_tokens; analyze campaigns");
    const timings: number[] = [];
    for (let i = 0; i < 25; i++) {
      const t0 = performance.now();
      const res = await api(app, key, "GET", "/api/v1/campaigns?limit=50");
      if (res.status !== 200) throw new Error(`list answered ${res.status}`);
      if (i >= 5) timings.push(performance.now() - t0); // the first few warm the route
    }
    timings.sort((x, y) => x - y);
    const [{ n: stored }] = await handle.db.select({ n: sql<number>`count(*)::int` }).from(otnTokens);
    figures.list = { via: "GET /api/v1/campaigns?limit=50 (API key)", tokensStored: stored, medianMs: round1(timings[10]), p95Ms: round1(timings[18]) };
    console.log("list", figures.list);
    // 5. Marketing Messages at the Page's limit (the app is stopped first: the sender runs in this process).
    await app.stop();
    app = undefined;
    figures.marketing = await marketing();
    console.log("marketing", figures.marketing);
    return figures;
  } finally {
    await app?.stop();
    setCampaignEventSender(null);
    await stopSandboxProcess(sandbox);
    closeSandboxClients();
    setDatabase(undefined);
    await drop();
  }
}
