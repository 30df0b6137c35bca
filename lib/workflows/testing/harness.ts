import { randomBytes } from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { eq } from "drizzle-orm";
import { Inngest, type InngestFunction } from "inngest";
import { serve } from "inngest/node";
import type { DatabaseHandle } from "@/db/client";
import { workflowRuns, workflowSteps } from "@/db/schema/workflows";
import { handleEventApi, handleRegister } from "../protocol/event-api";
import { WorkflowExecutor, type ExecutorOptions } from "../engine/executor";
import { loadOrCreateKeys } from "../protocol/signing";

export type AnyFunction = InngestFunction.Any;

export interface Harness {
  inngest: Inngest.Any;
  executor: WorkflowExecutor;
  serveUrl: string;
  origin: string;
  eventKey: string;
  signingKey: string;
  /** Replaces the executor (e.g. after `kill()`), as a restarted process would. */
  restartExecutor(overrides?: Partial<ExecutorOptions>): Promise<WorkflowExecutor>;
  waitForRun(where: { functionId: string; status?: string[] }, timeoutMs?: number): Promise<typeof workflowRuns.$inferSelect>;
  runsOf(functionId: string): Promise<Array<typeof workflowRuns.$inferSelect>>;
  stepsOf(runId: string): Promise<Array<typeof workflowSteps.$inferSelect>>;
  close(): Promise<void>;
}

/**
 * A plain node:http server serving test functions with `serve` from inngest/node (cloud mode, signed) and
 * the executor's event and register APIs, on an ephemeral port, plus an executor on the given database.
 */
export async function startHarness(
  handle: DatabaseHandle,
  defineFunctions: (inngest: Inngest.Any) => AnyFunction[],
  executorOptions: Partial<ExecutorOptions> = {},
): Promise<Harness> {
  const { db } = handle;
  const { signingKey, eventKey } = await loadOrCreateKeys(db);
  // The serve handler needs the client, which needs the server's port: filled in once listening.
  const routes: { serve?: (req: http.IncomingMessage, res: http.ServerResponse) => void } = {};
  let executor: WorkflowExecutor | undefined;
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://localhost");
    if (url.pathname.startsWith("/e/") || url.pathname === "/fn/register") {
      const chunks: Buffer[] = [];
      req.on("data", (c: Buffer) => chunks.push(c));
      req.on("end", () => {
        const body = Buffer.concat(chunks).toString("utf8");
        const answer = url.pathname === "/fn/register"
          ? handleRegister(db, signingKey, serveUrl, req.headers.authorization ?? null, body)
          : handleEventApi(db, eventKey, decodeURIComponent(url.pathname.slice(3)), body, () => executor?.wake());
        answer
          .then((a) => {
            res.writeHead(a.status, { "content-type": "application/json" });
            res.end(JSON.stringify(a.body));
          })
          .catch((error: Error) => {
            res.writeHead(500, { "content-type": "application/json" });
            res.end(JSON.stringify({ error: error.message, status: 500 }));
          });
      });
      return;
    }
    routes.serve!(req, res);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const serveUrl = `${origin}/api/inngest`;
  const inngest = new Inngest({ id: "conformance", isDev: false, signingKey, eventKey, baseUrl: `${origin}/`, logger: quietLogger });
  routes.serve = serve({ client: inngest, functions: defineFunctions(inngest), servePath: "/api/inngest" }) as unknown as typeof routes.serve;

  // One instance id for the harness's executor and its restarts (as a restarted process keeps its INSTANCE_ID).
  const instanceId = `harness-${randomBytes(4).toString("hex")}`;
  const makeExecutor = (overrides: Partial<ExecutorOptions> = {}) =>
    new WorkflowExecutor({ db, serveUrl, signingKey, instanceId, pollMs: 100, retryBaseMs: 50, leaseMs: 3000, log: () => {}, ...executorOptions, ...overrides });
  executor = makeExecutor();
  await executor.sync();
  executor.start();

  const harness: Harness = {
    inngest,
    get executor() {
      return executor!;
    },
    serveUrl,
    origin,
    eventKey,
    signingKey,
    async restartExecutor(overrides) {
      executor = makeExecutor(overrides);
      executor.start();
      return executor;
    },
    async waitForRun({ functionId, status = ["completed", "failed", "cancelled"] }, timeoutMs = 15_000) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const runs = await harness.runsOf(functionId);
        const done = runs.find((r) => status.includes(r.status));
        if (done) return done;
        if (Date.now() > deadline) throw new Error(`No ${functionId} run reached ${status.join("/")}; runs: ${JSON.stringify(runs.map((r) => [r.status, r.error]))}`);
        await new Promise((r) => setTimeout(r, 25));
      }
    },
    runsOf: (functionId) => db.select().from(workflowRuns).where(eq(workflowRuns.functionId, functionId)).orderBy(workflowRuns.id),
    stepsOf: (runId) => db.select().from(workflowSteps).where(eq(workflowSteps.runId, runId)).orderBy(workflowSteps.id),
    async close() {
      await executor?.stop();
      server.closeAllConnections();
      await new Promise((r) => server.close(r));
    },
  };
  return harness;
}

const noop = () => {};
export const quietLogger = { info: noop, warn: noop, error: noop, debug: noop };
