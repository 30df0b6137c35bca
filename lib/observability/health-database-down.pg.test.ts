/**
 * Readiness with the database really unreachable: the app's client talks to PostgreSQL through a TCP proxy
 * the test cuts (refused, like a stopped server) or turns into a black hole (accepted, never answered, like a
 * network partition), as db/database-down.pg.test.ts does for the API. Liveness does not care.
 * PostgreSQL only (vitest.config.ts leaves *.pg.test.ts out without DATABASE_URL).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as live } from "@/app/api/health/live/route";
import { GET as ready } from "@/app/api/health/ready/route";
import { openDatabase, setDatabase, type DatabaseHandle } from "@/db/client";
import { recordExecutorLoop } from "@/lib/workflows/engine/last-loop";
import { createTestDatabase } from "@/tests/db";
import { startTcpProxy, type TcpProxy } from "@/tests/tcp-proxy";
import { forgetCachedReadiness, READY_TIMEOUT_MS } from "./health";

const serverUrl = process.env.DATABASE_URL;

if (serverUrl) {
  describe("readiness while the database is unreachable", () => {
    let direct: DatabaseHandle & { url?: string };
    let proxied: DatabaseHandle;
    let proxy: TcpProxy;

    beforeAll(async () => {
      direct = await createTestDatabase();
      const target = new URL(direct.url!);
      proxy = await startTcpProxy({ host: target.hostname, port: Number(target.port || 5432) });
      // The connect timeout is longer than readiness's own: the answer must not wait for the driver.
      proxied = await openDatabase({ url: proxy.urlFor(direct.url!), migrate: false, max: 3, connectTimeoutSeconds: 10 });
      setDatabase(proxied);
    });

    afterAll(async () => {
      setDatabase(undefined);
      await proxy?.restore();
      await proxied?.close();
      await proxy?.close();
      await direct?.close();
    });

    async function probe(): Promise<{ status: number; body: { status: string; checks: Record<string, { state: string; detail?: string }> }; ms: number }> {
      forgetCachedReadiness();
      recordExecutorLoop();
      const started = Date.now();
      const res = await ready(new Request("http://localhost/api/health/ready"));
      return { status: res.status, body: await res.json(), ms: Date.now() - started };
    }

    it("answers 503 naming the database within its timeout (refused and black-holed), 200 once it is back, and liveness stays 200", async () => {
      expect((await probe()).status).toBe(200);

      await proxy.cut("refuse");
      const refused = await probe();
      expect(refused.status).toBe(503);
      expect(refused.body.checks.database.state).toBe("failing");
      expect(refused.ms).toBeLessThan(READY_TIMEOUT_MS + 1000);
      expect((await live(new Request("http://localhost/api/health/live"))).status).toBe(200);

      await proxy.restore();
      await proxy.cut("blackhole");
      const partitioned = await probe();
      expect(partitioned.status).toBe(503);
      expect(partitioned.body.checks.database).toMatchObject({ state: "failing", detail: `the database did not answer within ${READY_TIMEOUT_MS} ms` });
      expect(partitioned.body.checks.migrations.state).toBe("failing");
      expect(partitioned.ms).toBeLessThan(READY_TIMEOUT_MS + 1000);
      expect(JSON.stringify(partitioned.body)).not.toContain(new URL(serverUrl).host);

      await proxy.restore();
      // The pool may hold a connection the black hole broke: the healing client replaces it; give it a few tries.
      let back = await probe();
      for (let i = 0; i < 20 && back.status !== 200; i++) {
        await new Promise((r) => setTimeout(r, 500));
        back = await probe();
      }
      expect(back.status).toBe(200);
    }, 60_000);
  });
}
