/**
 * A campaign's rate is a ceiling in every one-second window at Meta, not an average: the sender is
 * stalled on the way to Meta (a proxy holds its calls, as a slow network or a paused process would) and
 * then released, and the sandbox's own record of when each call reached "Meta" must never hold more
 * than the rate in any sliding one-second window, across the stall and across batch boundaries.
 */
import http from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { eq } from "drizzle-orm";
import { campaigns, otnTokens } from "@/db/schema";
import { sha256Hex } from "@/lib/crypto/hash";
import { seal } from "@/lib/crypto/secrets";
import { DEMO } from "@/sandbox/server";
import { startSandboxFlow, type SandboxFlow } from "@/tests/campaign-sandbox-flow";
import { useTestDatabase } from "@/tests/db";
import { createOrgFixture, type OrgFixture } from "@/tests/fixtures";
import { createCampaign } from "../create-campaign";
import { setCampaignEventSender } from "../emit-campaign-events";
import { otnRequestPayload } from "../messages";
import { sendCampaignNow } from "../send-campaign-now";
import { runCampaignSend } from "./send-batch";

useTestDatabase();

/** An HTTP proxy to the sandbox that, while stalled, holds every request and lets them all through on release. */
async function startStallProxy(target: string) {
  let gate: Promise<void> | null = null;
  let release = () => {};
  let held = 0;
  let passed = 0;
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", async () => {
      if (gate) {
        held++;
        await gate;
      } else passed++;
      const headers: Record<string, string> = {};
      for (const name of ["authorization", "content-type", "accept"]) if (typeof req.headers[name] === "string") headers[name] = req.headers[name];
      const upstream = await fetch(`${target}${req.url}`, { method: req.method, headers, body: chunks.length ? Buffer.concat(chunks) : undefined });
      res.writeHead(upstream.status, { "content-type": upstream.headers.get("content-type") ?? "application/json" }).end(await upstream.text());
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as { port: number }).port}`,
    get held() {
      return held;
    },
    /** Requests let through without being held. */
    get passed() {
      return passed;
    },
    stall() {
      gate = new Promise((resolve) => (release = resolve));
    },
    release() {
      gate = null;
      release();
    },
    close: () => {
      server.closeAllConnections();
      return new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** Resolves once `ready()` holds, checking every 10 ms; after `timeoutMs` it resolves anyway (the assertions then say what did not happen). */
async function until(ready: () => boolean, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!ready() && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 10));
}

/** The most calls in any window [t, t + 1 s) that starts at a call. */
function maxPerSecond(times: number[]): number {
  const sorted = [...times].sort((a, b) => a - b);
  let max = 0;
  for (let i = 0, j = 0; i < sorted.length; i++) {
    while (j < sorted.length && sorted[j] < sorted[i] + 1000) j++;
    max = Math.max(max, j - i);
  }
  return max;
}

let f: OrgFixture;
let flow: SandboxFlow;
let proxy: Awaited<ReturnType<typeof startStallProxy>>;

beforeAll(async () => {
  setCampaignEventSender(async () => {});
  f = await createOrgFixture();
  flow = await startSandboxFlow(f.as.owner);
  proxy = await startStallProxy(flow.sandbox.url);
  process.env.GRAPH_API_URL = proxy.url;
});
afterAll(async () => {
  setCampaignEventSender(null);
  process.env.GRAPH_API_URL = flow?.sandbox.url;
  await proxy?.close();
  await flow?.close();
});

describe("rate ceiling", () => {
  it("never exceeds the campaign's rate in any one-second window, through a stall and across batches", async () => {
    const rate = 50;
    const campaign = await createCampaign({
      ctx: f.as.marketer,
      input: { name: "Ceiling", channelId: flow.channelId, requestTitle: "Tell me", content: { type: "text", text: "Sale!" }, ratePerSecond: rate },
    });
    const granted = flow.sandbox.controls.bulk.grantOtnTokens(DEMO.pageId, { count: 160, payload: otnRequestPayload(campaign.id) });
    const db = await getDb();
    await db.insert(otnTokens).values(
      granted.map((g) => ({
        orgId: f.org.id,
        campaignId: campaign.id,
        channelId: flow.channelId,
        psid: g.psid,
        tokenSealed: seal(g.token),
        tokenHash: sha256Hex(g.token),
        optedInAt: new Date(),
      })),
    );
    await db.update(campaigns).set({ subscribers: granted.length }).where(eq(campaigns.id, campaign.id));
    await sendCampaignNow({ ctx: f.as.marketer, campaignId: campaign.id });

    const startedAt = Date.now();
    // Small batches, so the ceiling is also crossed from one batch's limiter to the next.
    const sending = runCampaignSend({ campaignId: campaign.id, batchSize: 45 });
    // Stall once the sender is in full swing (a quarter of the way through), not after a fixed time: on a
    // loaded machine the sender's start (it first waits out a second: the Page's previous sender is unknown)
    // varies by seconds. Hold for 1.5 s, and longer if the sender is slowed so much that few calls piled up.
    await until(() => proxy.passed >= 40, 20_000);
    proxy.stall();
    await new Promise((resolve) => setTimeout(resolve, 1500));
    await until(() => proxy.held >= 5, 5_000);
    const heldDuringStall = proxy.held;
    proxy.release();
    const result = await sending;

    expect(result).toMatchObject({ state: "finished", sent: 160, failed: 0 });
    expect(heldDuringStall).toBeGreaterThanOrEqual(5);
    const calls = flow.sandbox.controls.sendLog.query({ pageId: DEMO.pageId, since: startedAt }).records.filter((r) => r.token);
    expect(calls).toHaveLength(160);
    expect(flow.sandbox.controls.sendLog.tokenSummary(granted.map((g) => g.token))).toMatchObject({ delivered: 160, deliveredMoreThanOnce: 0 });
    // The held calls reached "Meta" together on release; what followed had to leave room for them.
    expect(maxPerSecond(calls.map((r) => r.at))).toBeLessThanOrEqual(rate);
    // The first call waited out the unknown previous second.
    expect(Math.min(...calls.map((r) => r.at)) - startedAt).toBeGreaterThanOrEqual(950);
  }, 45_000);
});
