import http from "node:http";
import type { AddressInfo } from "node:net";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { workflowFunctions, workflowRuns } from "@/db/schema/workflows";
import { useTestDatabase } from "@/tests/db";

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
  const routes: { serve?: Record<string, RouteHandler>; executorApi?: Record<string, RouteHandler> } = {};
  server = http.createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const url = new URL(req.url ?? "/", origin);
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
    const { workflowPingSent } = await import("@/inngest/events");
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

  it("accepts an out-of-band sync (PUT /api/inngest registers with the executor)", async () => {
    const res = await fetch(`${origin}/api/inngest`, { method: "PUT" });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ message: "Successfully registered" });
  });

  it("refuses an event with an invalid payload before sending it", async () => {
    const { inngest } = await import("@/inngest/client");
    const { workflowPingSent } = await import("@/inngest/events");
    await expect(inngest.send(workflowPingSent.create({ orgId: "not-a-uuid" } as never))).rejects.toThrow();
  });
});
