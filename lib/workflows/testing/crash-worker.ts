/**
 * A child process for the restart tests: serves one test function and runs an executor on the database
 * named by argv (postgres URL or PGlite folder). The parent SIGKILLs it mid-step or mid-sleep, then starts
 * another one on the same database, which must finish the run with every step's result recorded once.
 *
 * Modes: "first" (runs until killed; says when the run sleeps), "finish" (reports once the latest run ends),
 * "peer" (runs until killed). Env: INSTANCE_ID (default: one per process, so a restart waits out the lease
 * unless the test gives both processes one id), WORKER_LEASE_MS (1500), WORKER_STEP_MS (how long step
 * "one" takes, 1500).
 *
 * IPC out: { type: "ready", origin, eventKey }, { type: "step", name, runId, at }, { type: "log", level,
 * message }, { type: "done", report }.
 */
import { eq, sql } from "drizzle-orm";
import { openDatabase } from "@/db/client";
import { workflowRuns, workflowSteps } from "@/db/schema/workflows";
import { startHarness } from "./harness";

const [target, mode] = process.argv.slice(2) as [string, "first" | "finish" | "peer"];
const stepMs = Number(process.env.WORKER_STEP_MS ?? 1500);
const send = (message: unknown) => process.send?.(message);
const startedAt = Date.now();

const handle = await openDatabase(target.startsWith("postgres") ? { url: target, max: 5 } : { dataDir: target });
// The parent creates these before starting several workers at once (concurrent creates can collide).
await handle.exec(`create table if not exists crash_executions (run_id text not null, step text not null, at timestamptz not null default now());
  create table if not exists crash_ledger (run_id text not null, step text not null, primary key (run_id, step));`);

const record = async (runId: string, step: string, slowMs: number) => {
  await handle.db.execute(sql`insert into crash_executions (run_id, step) values (${runId}, ${step})`);
  send({ type: "step", name: step, runId, at: Date.now() });
  await new Promise((r) => setTimeout(r, slowMs));
  // The side effect is idempotent: a replayed step writes nothing new.
  await handle.db.execute(sql`insert into crash_ledger (run_id, step) values (${runId}, ${step}) on conflict do nothing`);
  return `${step} done`;
};

const harness = await startHarness(
  handle,
  (inngest) => [
    inngest.createFunction({ id: "crashy", retries: 2, triggers: [{ event: "test/crash" }] }, async ({ step, runId }) => {
      const one = await step.run("one", () => record(runId, "one", stepMs));
      await step.sleep("nap", "3s");
      const two = await step.run("two", () => record(runId, "two", 10));
      return [one, two];
    }),
  ],
  {
    instanceId: process.env.INSTANCE_ID ?? `crash-worker-${process.pid}`,
    leaseMs: Number(process.env.WORKER_LEASE_MS ?? 1500),
    pollMs: 100,
    log: (level, message) => send({ type: "log", level, message }),
  },
);
console.error(`[crash-worker] ${mode} ready in ${Date.now() - startedAt} ms`);
send({ type: "ready", origin: harness.origin, eventKey: harness.eventKey });

if (mode === "finish") {
  // The latest run is the one this test started; wait until it is finished.
  const deadline = Date.now() + 30_000;
  let run = (await harness.runsOf("conformance-crashy")).at(-1);
  while (run && !["completed", "failed", "cancelled"].includes(run.status) && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 25));
    run = (await harness.runsOf("conformance-crashy")).at(-1);
  }
  if (!run) throw new Error("no run");
  const steps = await handle.db.select().from(workflowSteps).where(eq(workflowSteps.runId, run.id));
  const executions = await handle.db.execute(sql`select step, count(*)::int as n from crash_executions where run_id = ${run.id} group by step order by step`);
  const ledger = await handle.db.execute(sql`select step from crash_ledger where run_id = ${run.id} order by step`);
  const rows = (r: unknown) => (Array.isArray(r) ? r : (r as { rows: unknown[] }).rows);
  const [current] = await handle.db.select().from(workflowRuns).where(eq(workflowRuns.id, run.id));
  console.error(`[crash-worker] finished in ${Date.now() - startedAt} ms`);
  send({
    type: "done",
    report: {
      status: current!.status,
      output: current!.output,
      steps: steps.map((s) => ({ name: s.name, op: s.op, status: s.status })),
      executions: rows(executions),
      ledger: rows(ledger),
    },
  });
  await harness.close();
  await handle.close();
  process.exit(0);
}

if (mode === "first") {
  // Tells the parent when the run sleeps, so it can kill the process mid-sleep.
  for (;;) {
    const runs = await harness.runsOf("conformance-crashy");
    if (runs.some((r) => r.status === "waiting")) {
      send({ type: "waiting" });
      break;
    }
    await new Promise((r) => setTimeout(r, 20));
  }
}
