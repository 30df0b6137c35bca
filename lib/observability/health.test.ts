/**
 * The health endpoints as an orchestrator or load balancer sees them: liveness answers without the database,
 * readiness says which check fails (database, migrations, the workflow executor's loop) and stays public
 * but bounded. The database being unreachable is in health-database-down.pg.test.ts (PostgreSQL only).
 */
import { sql } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { GET as live } from "@/app/api/health/live/route";
import { GET as ready } from "@/app/api/health/ready/route";
import { rowsOf } from "@/db/json-insert";
import { PEER_ADDRESS_HEADER } from "@/lib/http/peer-address";
import { recordExecutorLoop } from "@/lib/workflows/engine/last-loop";
import { useTestDatabase } from "@/tests/db";
import { forgetCachedReadiness } from "./health";
import { HEALTH_REQUESTS_PER_MINUTE, resetHealthRateLimit } from "./health-rate-limit";

const database = useTestDatabase();

let address = 0;
/** A request from an address of its own, so the per-address limit of one test does not reach another. */
function request(path: string, headers: Record<string, string> = {}, from = `10.9.0.${++address}`): Request {
  return new Request(`http://localhost${path}`, { headers: { [PEER_ADDRESS_HEADER]: from, ...headers } });
}

interface ReadyBody {
  status: string;
  checks: Record<"database" | "migrations" | "executor", { state: string; ms: number; detail?: string }>;
}
async function readiness(): Promise<{ status: number; body: ReadyBody; raw: string }> {
  forgetCachedReadiness();
  const res = await ready(request("/api/health/ready"));
  const raw = await res.text();
  return { status: res.status, body: JSON.parse(raw) as ReadyBody, raw };
}

beforeEach(() => {
  resetHealthRateLimit();
  recordExecutorLoop();
});
afterEach(() => vi.unstubAllEnvs());

describe("GET /api/health/live", () => {
  it("answers 200 and echoes a sane X-Request-Id, replacing one that is not", async () => {
    const res = await live(request("/api/health/live", { "x-request-id": "lb-probe-0001" }));
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ status: "ok" });
    expect(res.headers.get("x-request-id")).toBe("lb-probe-0001");
    expect(res.headers.get("cache-control")).toBe("no-store");

    const forged = await live(request("/api/health/live", { "x-request-id": 'x" level=fatal {"evil":1}' }));
    expect(forged.headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);
  });

  it("refuses an address past its limit per minute with 429 and Retry-After, and still answers other addresses", async () => {
    for (let i = 0; i < HEALTH_REQUESTS_PER_MINUTE; i++) expect((await live(request("/api/health/live", {}, "10.8.0.1"))).status).toBe(200);
    const refused = await live(request("/api/health/live", {}, "10.8.0.1"));
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(0);
    expect((await ready(request("/api/health/ready", {}, "10.8.0.1"))).status).toBe(429);
    expect((await live(request("/api/health/live", {}, "10.8.0.2"))).status).toBe(200);
  });
});

describe("GET /api/health/ready", () => {
  it("answers 200 with each check's state and time when the database answers, migrations are applied and the executor's loop runs", async () => {
    const { status, body, raw } = await readiness();
    expect(status).toBe(200);
    expect(body.status).toBe("ready");
    for (const name of ["database", "migrations", "executor"] as const) {
      expect(body.checks[name].state).toBe("ok");
      expect(body.checks[name].ms).toBeGreaterThanOrEqual(0);
    }
    // Public: nothing of the configuration.
    if (process.env.DATABASE_URL) expect(raw).not.toContain(new URL(process.env.DATABASE_URL).host);
    expect(raw).not.toMatch(/postgres:|password|secret/i);
  });

  it("answers 503 naming the executor when its loop has not gone round for a minute", async () => {
    recordExecutorLoop(Date.now() - 5 * 60_000);
    const { status, body } = await readiness();
    expect(status).toBe(503);
    expect(body.status).toBe("not_ready");
    expect(body.checks.database.state).toBe("ok");
    expect(body.checks.executor).toMatchObject({ state: "failing", detail: expect.stringMatching(/last ran 300 s ago/) });
  });

  it("skips the executor on a web-only PostgreSQL instance (WORKFLOW_EXECUTOR=off); with PGlite the executor always runs here", async () => {
    recordExecutorLoop(Date.now() - 5 * 60_000);
    vi.stubEnv("WORKFLOW_EXECUTOR", "off");
    const { status, body } = await readiness();
    if (process.env.DATABASE_URL) {
      expect(body.checks.executor.state).toBe("skipped");
      expect(status).toBe(200);
    } else {
      expect(body.checks.executor.state).toBe("failing");
      expect(status).toBe(503);
    }
  });

  it("answers 503 naming the migrations when the database lacks the newest one", async () => {
    const { db } = database.handle();
    const [row] = rowsOf<{ id: number; hash: string; created_at: string }>(
      await db.execute(sql`select id, hash, created_at::text from drizzle.__drizzle_migrations order by created_at desc limit 1`),
    );
    await db.execute(sql`delete from drizzle.__drizzle_migrations where id = ${row.id}`);
    try {
      const { status, body } = await readiness();
      expect(status).toBe(503);
      expect(body.checks.migrations).toMatchObject({ state: "failing", detail: expect.stringMatching(/^1 of \d+ migrations not applied$/) });
    } finally {
      await db.execute(sql`insert into drizzle.__drizzle_migrations (id, hash, created_at) values (${row.id}, ${row.hash}, ${row.created_at}::bigint)`);
    }
    expect((await readiness()).status).toBe(200);
  });
});
