import { eq, sql } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { workflowRuns } from "@/db/schema/workflows";
import { rowsOf } from "@/db/json-insert";
import { createTestDatabase } from "@/tests/db";
import { startWorker, type WorkerProcess } from "../testing/worker-process";

// Instance identity and short leases with real processes (crash-worker.ts children, SIGKILLed): a restart
// under the same INSTANCE_ID takes its predecessor's runs back at once; a dead instance's runs move to a live
// one within a lease; two live processes under one id keep their own runs. Leases here are the old default
// (30 s) where the point is that nobody waits them out, so the bounds below fail with the old behaviour.
//
// Several processes share one database only on a PostgreSQL server: registered only with DATABASE_URL
// (vitest.config.ts leaves *.pg.test.ts out otherwise).

const serverUrl = process.env.DATABASE_URL;

if (serverUrl) {
  describe("instance identity and leases across processes", () => {
    let database: Awaited<ReturnType<typeof createTestDatabase>>;
    const workers: WorkerProcess[] = [];
    const start = (mode: "first" | "finish" | "peer", env: Record<string, string>) => {
      const worker = startWorker(database.url!, mode, env);
      workers.push(worker);
      return worker;
    };

    beforeAll(async () => {
      database = await createTestDatabase();
      await database.exec(`create table if not exists crash_executions (run_id text not null, step text not null, at timestamptz not null default now());
        create table if not exists crash_ledger (run_id text not null, step text not null, primary key (run_id, step));`);
    });
    // Every test starts with no live worker: a survivor of the previous test would claim the next test's runs.
    afterEach(async () => {
      for (const worker of workers.splice(0)) if (worker.child.exitCode === null && worker.child.signalCode === null) await worker.killHard();
    });
    afterAll(async () => database?.close());

    async function sendEvents(origin: string, eventKey: string, count: number) {
      const res = await fetch(`${origin}/e/${eventKey}`, { method: "POST", body: JSON.stringify(Array.from({ length: count }, (_, i) => ({ name: "test/crash", data: { i } }))) });
      expect(res.status).toBe(200);
    }
    const executionsOf = async (runId: string) =>
      rowsOf(await database.db.execute(sql`select step, count(*)::int as n from crash_executions where run_id = ${runId} group by step order by step`));

    it("a restarted instance with the same INSTANCE_ID resumes its predecessor's interrupted run at once, not after the 30 s lease", async () => {
      const env = { INSTANCE_ID: "desk-a", WORKER_LEASE_MS: "30000" };
      const first = start("first", env);
      const ready = await first.next("ready");
      await sendEvents(ready.origin, ready.eventKey, 1);
      const interrupted = await first.next("step", (m) => m.name === "one");
      const killedAt = await first.killHard(); // inside step "one": the run stays leased for 30 s

      const second = start("finish", env);
      const restartedAt = (await second.next("ready")) && Date.now();
      const resumed = await second.next("step", (m) => m.name === "one" && m.runId === interrupted.runId);
      const { report } = await second.next("done");
      console.info(`[leases] restart with the same INSTANCE_ID: step resumed ${resumed.at - killedAt} ms after the kill, ${resumed.at - restartedAt} ms after the new process was ready (lease 30 s)`);
      // Old behaviour: the new process waited out the 30 s lease. Booting the process is not the executor's time;
      // a process up within 2.5 s of its predecessor's last beat first waits for that beat to go stale.
      expect(resumed.at - restartedAt).toBeLessThan(5_000);
      expect(resumed.at - killedAt).toBeLessThan(20_000);
      expect(report.status).toBe("completed");
      expect(report.executions).toEqual([{ step: "one", n: 2 }, { step: "two", n: 1 }]);
      expect(report.ledger).toEqual([{ step: "one" }, { step: "two" }]);
    }, 90_000);

    it("when one of two instances is killed, the other picks up the runs it held within a few seconds", async () => {
      // Default lease (5 s, renewed every second); step "one" takes 8 s: a is killed inside it.
      const a = start("peer", { INSTANCE_ID: "desk-b1", WORKER_LEASE_MS: "5000", WORKER_STEP_MS: "8000" });
      const readyA = await a.next("ready");
      await sendEvents(readyA.origin, readyA.eventKey, 4);
      const held = await a.next("step", (m) => m.name === "one");
      const b = start("peer", { INSTANCE_ID: "desk-b2", WORKER_LEASE_MS: "5000", WORKER_STEP_MS: "8000" });
      await b.next("ready");
      await new Promise((r) => setTimeout(r, 1500)); // both beating, a still inside the step
      const killedAt = await a.killHard();
      const picked = await b.next("step", (m) => m.name === "one" && m.runId === held.runId);
      console.info(`[leases] one of two instances killed: the survivor re-ran the held step ${picked.at - killedAt} ms after the kill (lease 5 s, heartbeat 1 s)`);
      expect(picked.at - killedAt).toBeLessThan(10_000); // old behaviour: 30 s

      const deadline = Date.now() + 60_000;
      for (;;) {
        const runs = await database.db.select().from(workflowRuns).where(eq(workflowRuns.functionId, "conformance-crashy"));
        if (runs.length >= 5 && runs.every((r) => r.status === "completed")) break; // the earlier test's run and these 4
        if (Date.now() > deadline) throw new Error(`runs did not complete: ${JSON.stringify(runs.map((r) => r.status))}`);
        await new Promise((r) => setTimeout(r, 200));
      }
      // Memoized once: step "two" ran once per run; "one" ran again only for runs a was inside of.
      const ledger = rowsOf(await database.db.execute(sql`select run_id, count(*)::int as n from crash_ledger group by run_id having count(*) <> 2`));
      expect(ledger).toEqual([]);
      expect(await executionsOf(held.runId)).toEqual([{ step: "one", n: 2 }, { step: "two", n: 1 }]);
    }, 120_000);

    it("two live processes configured with the same INSTANCE_ID do not take each other's runs, and say so", async () => {
      const env = { INSTANCE_ID: "desk-twin", WORKER_LEASE_MS: "30000", WORKER_STEP_MS: "7000" };
      const a = start("peer", env);
      const ready = await a.next("ready");
      await sendEvents(ready.origin, ready.eventKey, 1);
      const held = await a.next("step", (m) => m.name === "one");
      const b = start("finish", env); // reports once the latest run ends
      const { report } = await b.next("done");
      // Had b taken a's lease at start, it would have run step "one" a second time.
      expect(report.status).toBe("completed");
      expect(await executionsOf(held.runId)).toEqual([{ step: "one", n: 1 }, { step: "two", n: 1 }]);
      const warned = [...a.messages, ...b.messages].filter((m) => m.type === "log" && m.level === "error" && m.message.includes("another live process runs as instance desk-twin"));
      expect(warned.length).toBeGreaterThan(0);
    }, 120_000);
  });
}
