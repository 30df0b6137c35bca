import http from "node:http";
import type { AddressInfo } from "node:net";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { organizations } from "@/db/schema";
import { workflowFunctions, workflowRuns, workflowSyncs } from "@/db/schema/workflows";
import { useTestDatabase } from "@/tests/db";
import { canonicalJson } from "../protocol/canonical-json";
import { sign } from "../protocol/signing";

// The app's real wiring without Next itself: the route handlers of app/api/inngest and
// app/api/inngest-executor behind a plain node:http server, the executor started as instrumentation.ts
// does, and events sent with the app's own Inngest client.
const database = useTestDatabase();
type RouteHandler = (request: Request, context: { params: Promise<{ path: string[] }> }) => Promise<Response>;
let server: http.Server;
let origin: string;
let executor: { stop(): Promise<void> } | null = null;

beforeAll(async () => {
  for (const key of ["INNGEST_DEV", "INNGEST_EVENT_KEY", "INNGEST_SIGNING_KEY"]) delete process.env[key];
  // The organisations the pings name: the ping re-checks that its org exists.
  await database.handle().db.insert(organizations).values(
    [1, 2].map((n) => ({ id: `0190b6c4-2f7a-7c3e-9a1b-00000000000${n}`, name: `Ping ${n}`, slug: `ping-${n}` })),
  );
  const routes: { serve?: Record<string, RouteHandler>; executorApi?: Record<string, RouteHandler> } = {};
  server = http.createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    // Like Next: the request URL is built from the Host header, which any client chooses.
    const url = new URL(req.url ?? "/", `http://${req.headers.host ?? "127.0.0.1"}`);
    const request = new Request(url, {
      method: req.method,
      headers: req.headers as Record<string, string>,
      body: ["GET", "HEAD"].includes(req.method ?? "GET") ? undefined : Buffer.concat(chunks),
    });
    let response: Response;
    if (url.pathname === "/api/inngest") response = await routes.serve![req.method!]!(request, { params: Promise.resolve({ path: [] }) });
    else if (url.pathname.startsWith("/api/inngest-executor/")) {
      const path = url.pathname.slice("/api/inngest-executor/".length).split("/");
      response = await routes.executorApi![req.method!]!(request, { params: Promise.resolve({ path }) });
    } else response = new Response("not found", { status: 404 });
    res.writeHead(response.status, Object.fromEntries(response.headers));
    res.end(Buffer.from(await response.arrayBuffer()));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  process.env.APP_URL = origin;
  routes.serve = (await import("@/app/api/inngest/route")) as unknown as Record<string, RouteHandler>;
  routes.executorApi = (await import("@/app/api/inngest-executor/[...path]/route")) as unknown as Record<string, RouteHandler>;
  const { startWorkflowsIfBuiltIn } = await import("./runtime");
  executor = await startWorkflowsIfBuiltIn();
});

afterAll(async () => {
  await executor?.stop();
  server?.closeAllConnections();
  await new Promise((r) => server?.close(r));
});

async function ping(note: string): Promise<typeof workflowRuns.$inferSelect> {
  const db = database.handle().db;
  const { inngest } = await import("@/inngest/client");
  const { workflowPingSent } = await import("@/inngest/events/workflows");
  const orgId = "0190b6c4-2f7a-7c3e-9a1b-000000000002";
  const { ids } = await inngest.send(workflowPingSent.create({ orgId, note }));
  let run: typeof workflowRuns.$inferSelect | undefined;
  for (let i = 0; i < 200; i++) {
    [run] = (await db.select().from(workflowRuns).where(eq(workflowRuns.orgId, orgId))).filter((r) => (r.event as { data?: { note?: string } }).data?.note === note);
    if (run?.status === "completed") break;
    await new Promise((r) => setTimeout(r, 50));
  }
  expect(ids).toHaveLength(1);
  return run!;
}

/** A request with headers fetch() would not let us forge (Host). */
function rawRequest(method: string, path: string, headers: Record<string, string>, body?: string): Promise<{ status: number; text: string }> {
  const { port } = new URL(origin);
  return new Promise((resolve, reject) => {
    const req = http.request({ host: "127.0.0.1", port, method, path, headers }, (res) => {
      let text = "";
      res.on("data", (c: Buffer) => (text += c.toString()));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, text }));
    });
    req.on("error", reject);
    req.end(body);
  });
}

/** An attacker's listener: records every request it receives. */
async function listen(): Promise<{ host: string; requests: string[]; close(): Promise<void> }> {
  const requests: string[] = [];
  const listener = http.createServer((req, res) => {
    requests.push(`${req.method} ${req.url}`);
    res.writeHead(500).end();
  });
  await new Promise<void>((resolve) => listener.listen(0, "127.0.0.1", resolve));
  return {
    host: `127.0.0.1:${(listener.address() as AddressInfo).port}`,
    requests,
    close: () => new Promise((r) => listener.close(() => r())),
  };
}

describe("app wiring in built-in mode", () => {
  it("answers 401 to an unsigned call of the serve endpoint", async () => {
    const res = await fetch(`${origin}/api/inngest?fnId=anything&stepId=step`, { method: "POST", body: "{}", headers: { "content-type": "application/json" } });
    expect(res.status).toBe(401);
  });

  it("syncs the app's functions and runs them for events sent with the app's client", async () => {
    const db = database.handle().db;
    for (let i = 0; i < 200 && !(await db.select().from(workflowFunctions)).length; i++) await new Promise((r) => setTimeout(r, 50));
    expect((await db.select().from(workflowFunctions)).map((f) => f.id)).toContain("messenger-desk-workflow-ping");

    const { inngest } = await import("@/inngest/client");
    const { workflowPingSent } = await import("@/inngest/events/workflows");
    const orgId = "0190b6c4-2f7a-7c3e-9a1b-000000000001";
    const { ids } = await inngest.send(workflowPingSent.create({ orgId, note: "hi" }));
    expect(ids).toHaveLength(1);
    let run: typeof workflowRuns.$inferSelect | undefined;
    for (let i = 0; i < 200; i++) {
      [run] = await db.select().from(workflowRuns).where(eq(workflowRuns.orgId, orgId));
      if (run?.status === "completed") break;
      await new Promise((r) => setTimeout(r, 50));
    }
    expect(run?.status).toBe("completed");
    expect(run?.output).toMatchObject({ orgId, note: "hi" });
  });

  it("refuses an unsigned sync with a forged Host: nothing is re-registered and steps still reach the app", async () => {
    const db = database.handle().db;
    const attacker = await listen();
    try {
      const before = await db.select().from(workflowFunctions);
      expect(before.length).toBeGreaterThan(0);
      // The two unsigned syncs an attacker can send: out-of-band (the SDK's default) and in-band.
      const outOfBand = await rawRequest("PUT", `/api/inngest`, { host: attacker.host });
      const inBand = await rawRequest("PUT", `/api/inngest`, { host: attacker.host, "x-inngest-sync-kind": "in_band", "content-type": "application/json" }, JSON.stringify({ url: `http://${attacker.host}/api/inngest` }));
      expect(outOfBand.status).toBe(401);
      expect(inBand.status).toBe(401);
      const after = await db.select().from(workflowFunctions);
      expect(after.map((f) => [f.id, f.url]).sort()).toEqual(before.map((f) => [f.id, f.url]).sort());
      for (const f of after) expect(new URL(f.url).origin).toBe(origin);

      const run = await ping("after-forged-sync");
      expect(run.status).toBe("completed");
      expect(attacker.requests).toEqual([]);
    } finally {
      await attacker.close();
    }
  });

  it("records each accepted sync in the instance's sync log", async () => {
    const db = database.handle().db;
    const syncs = await db.select().from(workflowSyncs);
    expect(syncs.length).toBeGreaterThan(0);
    expect(syncs[0]).toMatchObject({ appId: "messenger-desk", url: `${origin}/api/inngest`, outcome: "accepted" });
    expect(syncs[0]!.functionIds).toContain("messenger-desk-workflow-ping");
  });

  it("refuses a replayed signed step call once its run has completed", async () => {
    const run = await ping("replayed");
    expect(run.status).toBe("completed");
    const { workflowKeys } = await import("./runtime");
    const { signingKey } = await workflowKeys();
    // What the executor sent for the run's first step (a captured call), signed now, inside the SDK's window.
    const body = canonicalJson({
      event: run.event,
      events: [run.event],
      steps: {},
      version: 2,
      ctx: { run_id: run.id, attempt: 0, max_attempts: 3, disable_immediate_execution: false, use_api: false, stack: { stack: [], current: 0 } },
    });
    const res = await fetch(`${origin}/api/inngest?fnId=messenger-desk-workflow-ping&stepId=step`, {
      method: "POST",
      body,
      headers: { "content-type": "application/json", "x-inngest-signature": sign(body, signingKey), "x-inngest-req-version": "2" },
    });
    expect(res.status).toBe(409);
    expect(await res.json()).toMatchObject({ error: { code: "stale_call" } });
  });

  it("refuses an event with an invalid payload before sending it", async () => {
    const { inngest } = await import("@/inngest/client");
    const { workflowPingSent } = await import("@/inngest/events/workflows");
    await expect(inngest.send(workflowPingSent.create({ orgId: "not-a-uuid" } as never))).rejects.toThrow();
  });
});
