/**
 * /api/metrics as a Prometheus scraper and a stranger see it: absent until METRICS_TOKEN is configured, 401
 * without the token, and with it the text format carrying the series docs/operations.md describes, the
 * database gauges read at scrape time.
 */
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { GET as scrape } from "@/app/api/metrics/route";
import { getDb } from "@/db/client";
import { webhookEvents, workflowRuns, workflowWaits } from "@/db/schema";
import { GraphClient } from "@/lib/graph/client";
import { useTestDatabase } from "@/tests/db";
import { createOrgFixture } from "@/tests/fixtures";
import { createChannelFor, createSkillGroupWithAgents } from "@/tests/desk";
import { recordSendApiLimit } from "./send-api-metrics";

useTestDatabase();

const TOKEN = "metrics-token-for-tests-4f9c";
const PAGE_ID = "1000000000000777";

function get(authorization?: string): Promise<Response> {
  return scrape(new Request("http://localhost/api/metrics", { headers: authorization ? { authorization } : {} }));
}

/** Graph's Send API for one test: the first call is sent, the second refused with Meta's rate-limit error 613. */
let graph: http.Server;
let graphUrl: string;
beforeAll(async () => {
  let calls = 0;
  graph = http.createServer((req, res) => {
    req.resume();
    req.on("end", () => {
      res.setHeader("content-type", "application/json");
      if (++calls === 1) res.end(JSON.stringify({ recipient_id: "1", message_id: "m_1" }));
      else res.writeHead(400).end(JSON.stringify({ error: { message: "Calls to this api have exceeded the rate limit.", code: 613, type: "OAuthException" } }));
    });
  });
  await new Promise<void>((resolve) => graph.listen(0, "127.0.0.1", resolve));
  graphUrl = `http://127.0.0.1:${(graph.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => graph.close(() => resolve())));
afterEach(() => vi.unstubAllEnvs());

describe("GET /api/metrics", () => {
  it("does not exist (404) while METRICS_TOKEN is not configured, even with a token", async () => {
    vi.stubEnv("METRICS_TOKEN", "");
    expect((await get()).status).toBe(404);
    expect((await get(`Bearer ${TOKEN}`)).status).toBe(404);
  });

  it("answers 401 without the token, with another one or in another scheme", async () => {
    vi.stubEnv("METRICS_TOKEN", TOKEN);
    for (const authorization of [undefined, "Bearer wrong-token", `Bearer ${TOKEN}x`, `Basic ${TOKEN}`]) {
      const res = await get(authorization);
      expect(res.status).toBe(401);
      expect(await res.text()).not.toContain("messenger_");
    }
  });

  it("with the token: Prometheus text with every named series, the database gauges read at scrape", async () => {
    vi.stubEnv("METRICS_TOKEN", TOKEN);
    const db = await getDb();
    const fixture = await createOrgFixture();
    const { group } = await createSkillGroupWithAgents(fixture.org, 1);
    const channel = await createChannelFor(fixture.org.id, group.id);
    // An event stored 90 s ago and not processed; a run sleeping past its wake-up by a minute.
    await db.insert(webhookEvents).values({
      orgId: fixture.org.id,
      channelId: channel.id,
      dedupeKey: "metrics-waiting",
      kind: "message",
      senderId: "psid-1",
      timestamp: 1,
      payload: {},
      receivedAt: new Date(Date.now() - 90_000),
    });
    const [run] = await db.insert(workflowRuns).values({ functionId: "metrics-test", eventId: crypto.randomUUID(), event: { name: "test/metrics" }, status: "waiting" }).returning();
    await db.insert(workflowWaits).values({ runId: run.id, stepId: "s1", name: "nap", kind: "sleep", wakeAt: new Date(Date.now() - 60_000) });
    // Two Send API calls through the Graph client: one sent, one refused for the rate.
    const client = new GraphClient({ baseUrl: graphUrl });
    await client.sendMessage(PAGE_ID, "page-token", { recipient: { id: "1" }, message: { text: "hi" } });
    await expect(client.sendMessage(PAGE_ID, "page-token", { recipient: { id: "1" }, message: { text: "hi" } })).rejects.toThrow();
    recordSendApiLimit(PAGE_ID, 40);

    const res = await get(`Bearer ${TOKEN}`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/^text\/plain; version=0\.0\.4/);
    const text = await res.text();
    for (const series of [
      "messenger_webhook_requests_total",
      "messenger_webhook_events_total",
      "messenger_webhook_ack_seconds",
      "messenger_webhook_events_waiting",
      "messenger_webhook_oldest_waiting_seconds",
      "messenger_send_api_calls_total",
      "messenger_send_api_calls_last_second",
      "messenger_send_api_limit_per_second",
      "messenger_workflow_runs",
      "messenger_workflow_runs_finished_total",
      "messenger_workflow_step_seconds",
      "messenger_workflow_sleepers_overdue",
      "messenger_database_connections",
      "messenger_metrics_database_up",
      "messenger_desk_process_cpu_seconds_total",
    ]) {
      expect(text, series).toMatch(new RegExp(`^# TYPE ${series} `, "m"));
    }
    const value = (sample: string) => Number(new RegExp(`^${sample.replace(/[{}"]/g, "\\$&")} (\\S+)$`, "m").exec(text)?.[1]);
    expect(value("messenger_metrics_database_up")).toBe(1);
    expect(value("messenger_webhook_events_waiting")).toBe(1);
    expect(value("messenger_webhook_oldest_waiting_seconds")).toBeGreaterThanOrEqual(90);
    expect(value('messenger_workflow_runs{state="waiting"}')).toBe(1);
    expect(value('messenger_workflow_runs{state="queued"}')).toBe(0);
    expect(value("messenger_workflow_sleepers_overdue")).toBe(1);
    expect(value(`messenger_send_api_calls_total{page_id="${PAGE_ID}",outcome="sent"}`)).toBe(1);
    expect(value(`messenger_send_api_calls_total{page_id="${PAGE_ID}",outcome="rate_limit"}`)).toBe(1);
    expect(value(`messenger_send_api_limit_per_second{page_id="${PAGE_ID}"}`)).toBe(40);
    if (process.env.DATABASE_URL) expect(text).toMatch(/^messenger_database_connections\{state="[a-z ]+"\} \d+$/m);
    // Never a token or a message.
    expect(text).not.toContain("page-token");
    expect(text).not.toContain(TOKEN);
  });
});
