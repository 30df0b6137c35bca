import { NextRequest } from "next/server";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { openDatabase, setDatabase, type DatabaseHandle } from "@/db/client";
import { createKeys, handlerOf } from "@/tests/api-v1";
import { en } from "@/lib/i18n/messages/en";
import { orgAction } from "@/lib/tenancy/action";
import { listInvitations } from "@/lib/services/members";
import { startHarness, type Harness } from "@/lib/workflows/testing/harness";
import { createTestDatabase } from "@/tests/db";
import { createOrgFixture, type OrgFixture } from "@/tests/fixtures";
import { startTcpProxy, type TcpProxy } from "@/tests/tcp-proxy";

// The database really unreachable: the app's client talks to PostgreSQL through a TCP proxy that the tests
// cut (connections dropped and refused, like a stopped server) or turn into a black hole (connections
// accepted, never answered, like a network partition), then restore.
//
// These tests need a PostgreSQL server to cut off (PGlite runs inside the process and cannot be
// unreachable). They are registered only when DATABASE_URL names one: vitest.config.ts leaves
// *.pg.test.ts files out otherwise, and the describe below exists only with a server.

const session = vi.hoisted(() => ({ user: null as null | { id: string; email: string; name: string } }));
vi.mock("@/lib/auth/session", () => ({ getSessionUser: async () => session.user }));
vi.mock("@/lib/i18n/server", () => ({ getLocale: async () => "en" }));

const serverUrl = process.env.DATABASE_URL;
const CONNECT_TIMEOUT_S = 2;

if (serverUrl) {
  describe("the database being unreachable", () => {
    let direct: DatabaseHandle & { url?: string };
    let proxied: DatabaseHandle;
    let proxy: TcpProxy;
    let fixture: OrgFixture;
    let adminKey: string;

    beforeAll(async () => {
      direct = await createTestDatabase();
      const target = new URL(direct.url!);
      proxy = await startTcpProxy({ host: target.hostname, port: Number(target.port || 5432) });
      proxied = await openDatabase({ url: proxy.urlFor(direct.url!), migrate: false, max: 3, connectTimeoutSeconds: CONNECT_TIMEOUT_S });
      setDatabase(proxied);
      fixture = await createOrgFixture();
      adminKey = (await createKeys(fixture)).admin;
    });

    afterAll(async () => {
      setDatabase(undefined);
      await proxy?.restore();
      await proxied?.close();
      await proxy?.close();
      await direct?.close();
    });

    async function listMembers(): Promise<{ status: number; retryAfter: string | null; body: { error?: { code: string } }; ms: number }> {
      const started = Date.now();
      const handler = await handlerOf({ method: "GET", path: "/members" });
      const res = await handler(new NextRequest("http://localhost/api/v1/members", { headers: { authorization: `Bearer ${adminKey}` } }), { params: Promise.resolve({}) });
      return { status: res.status, retryAfter: res.headers.get("retry-after"), body: (await res.json()) as { error?: { code: string } }, ms: Date.now() - started };
    }

    it("the JSON API answers 503 with Retry-After, within the connect timeout, and 200 again once it is back", async () => {
      expect((await listMembers()).status).toBe(200);

      await proxy.cut("refuse");
      const refused = await listMembers();
      expect(refused).toMatchObject({ status: 503, retryAfter: "5", body: { error: { code: "unavailable" } } });

      await proxy.restore();
      await proxy.cut("blackhole");
      const partitioned = await listMembers();
      expect(partitioned).toMatchObject({ status: 503, retryAfter: "5", body: { error: { code: "unavailable" } } });
      // postgres.js alone waits 30 s for a connection; the connect timeout bounds it.
      expect(partitioned.ms).toBeLessThan((CONNECT_TIMEOUT_S + 3) * 1000);

      await proxy.restore();
      expect((await listMembers()).status).toBe(200);
    }, 30_000);

    it("a server action answers a clear 'unavailable' message, then works again", async () => {
      session.user = { id: fixture.users.owner.id, email: fixture.users.owner.email, name: "Owner" };
      const act = () => orgAction(fixture.org.slug, "members.manage", (ctx) => listInvitations({ ctx }));
      expect((await act()).ok).toBe(true);

      await proxy.cut("refuse");
      expect(await act()).toEqual({ ok: false, error: { code: "unavailable", message: en["errors.unavailable"], messageKey: "errors.unavailable" } });

      await proxy.restore();
      expect((await act()).ok).toBe(true);
    }, 30_000);

    describe("the workflow executor", () => {
      let h: Harness;
      const logged: string[] = [];

      beforeAll(async () => {
        h = await startHarness(
          proxied,
          (inngest) => [
            inngest.createFunction({ id: "through-outage", retries: 2, triggers: [{ event: "test/outage" }] }, async ({ step }) => {
              const first = await step.run("before", () => "before");
              await step.sleep("across-the-outage", "2s");
              const second = await step.run("after", () => "after");
              return { first, second };
            }),
          ],
          { pollMs: 50, maxBackoffMs: 1000, leaseMs: 2000, log: (level, message) => logged.push(`${level} ${message}`) },
        );
      });

      afterAll(async () => {
        await proxy.restore();
        await h?.close();
      });

      it("backs off while the database is unreachable and finishes the run once it is back, each step once", async () => {
        await h.inngest.send({ name: "test/outage", data: {} });
        const sleeping = await h.waitForRun({ functionId: "conformance-through-outage", status: ["waiting"] });

        await proxy.cut("refuse");
        logged.length = 0;
        // The sleep falls due during the outage.
        await new Promise((r) => setTimeout(r, 4000));
        const duringOutage = logged.filter((line) => line.startsWith("error"));
        await proxy.restore();

        const run = await h.waitForRun({ functionId: "conformance-through-outage" }, 20_000);
        expect(run.id).toBe(sleeping.id);
        expect(run.status).toBe("completed");
        expect(run.output).toEqual({ first: "before", second: "after" });
        const steps = await h.stepsOf(run.id);
        expect(steps.map((s) => s.name).sort()).toEqual(["across-the-outage", "after", "before"]);
        // Without back-off every failed pass logs an error (5 in this outage); with it the outage is logged once.
        expect(duringOutage).toHaveLength(1);
        expect(duringOutage[0]).toMatch(/backing off/);
        expect(logged.some((line) => /database reachable again/.test(line))).toBe(true);
      }, 40_000);
    });
  });
}
