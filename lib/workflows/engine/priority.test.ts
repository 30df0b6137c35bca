import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@/db/client";
import { workflowRuns } from "@/db/schema/workflows";
import { createTestDatabase } from "@/tests/db";
import { startHarness, type Harness } from "../testing/harness";

// Inngest's `priority.run`: a CEL expression over the triggering event giving seconds (-600..600) by which
// the run moves ahead in the queue (or behind, and is delayed by as much). One slot here, so the order in
// which runs start is the order in which the executor claims them.
let handle: DatabaseHandle;
let h: Harness;
const started: string[] = [];
const gate = { open: () => {}, opened: Promise.resolve() };
let blockerRunning = () => {};
const blockerStarted = new Promise<void>((resolve) => (blockerRunning = resolve));

beforeAll(async () => {
  gate.opened = new Promise<void>((resolve) => (gate.open = resolve));
  handle = await createTestDatabase();
  h = await startHarness(
    handle,
    (inngest) => [
      inngest.createFunction({ id: "blocker", retries: 0, triggers: [{ event: "test/blocker" }] }, async ({ step }) => {
        await step.run("hold-the-slot", async () => {
          started.push("blocker");
          blockerRunning();
          await gate.opened;
        });
      }),
      inngest.createFunction({ id: "routine", retries: 0, triggers: [{ event: "test/routine" }] }, async ({ event, step }) => {
        await step.run("start", () => started.push(`routine-${event.data.n}`));
      }),
      inngest.createFunction(
        { id: "urgent", retries: 0, priority: { run: "event.data.plan == 'paid' ? 5000 : 0" }, triggers: [{ event: "test/urgent" }] },
        async ({ event, step }) => {
          await step.run("start", () => started.push(`urgent-${event.data.plan}`));
        },
      ),
      inngest.createFunction({ id: "scored", retries: 0, priority: { run: "event.data.seconds" }, triggers: [{ event: "test/scored" }] }, async ({ event, step }) => {
        await step.run("start", () => started.push(`scored-${event.data.label}`));
      }),
    ],
    { maxConcurrentRuns: 1 },
  );
});
afterAll(async () => {
  gate.open();
  await h?.close();
  await handle?.close();
});

const priorityOf = async (functionId: string) => (await h.runsOf(`conformance-${functionId}`)).map((r) => r.priority);

async function waitUntil(done: () => Promise<boolean>, what: string, timeoutMs = 20_000): Promise<void> {
  for (const deadline = Date.now() + timeoutMs; !(await done()); ) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}; started: ${started.join(", ")}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

describe("run priority", () => {
  it("starts a prioritised run enqueued after many routine ones first, yet not before a routine run older than the 600 s bound", async () => {
    await h.inngest.send({ name: "test/blocker", data: {} });
    await blockerStarted;
    // The only slot is taken: everything below queues.
    await h.inngest.send(Array.from({ length: 20 }, (_, n) => ({ name: "test/routine", data: { n } })));
    await h.inngest.send({ name: "test/urgent", data: { plan: "free" } });
    await h.inngest.send({ name: "test/urgent", data: { plan: "paid" } });
    // routine-0 has waited 700 s: a factor of at most 600 s cannot jump it (no starvation).
    const [oldest] = (await h.runsOf("conformance-routine")).filter((r) => (r.event as { data: { n: number } }).data.n === 0);
    await handle.db.update(workflowRuns).set({ nextRunAt: sql`now() - interval '700 seconds'` }).where(eq(workflowRuns.id, oldest!.id));

    expect(await priorityOf("urgent")).toEqual([0, 600]); // 5000 is clamped to Inngest's 600 s
    gate.open();
    await waitUntil(async () => started.length === 23, "all 23 runs to start");

    expect(started.slice(0, 3)).toEqual(["blocker", "routine-0", "urgent-paid"]);
    // The rest keep their arrival order's rank: priority 0 moves nothing.
    expect(started.slice(3).sort()).toEqual([...Array.from({ length: 19 }, (_, i) => `routine-${i + 1}`), "urgent-free"].sort());
    expect(started.indexOf("urgent-free")).toBe(started.length - 1);
  });

  it("counts a result that is not an int as no priority, clamps ints to ±600 s, and delays a run by a negative factor", async () => {
    await h.inngest.send([
      { name: "test/scored", data: { label: "text", seconds: "high" } },
      { name: "test/scored", data: { label: "fraction", seconds: 1.5 } },
      { name: "test/scored", data: { label: "missing" } },
      { name: "test/scored", data: { label: "big", seconds: 10_000 } },
      { name: "test/scored", data: { label: "behind", seconds: -5000 } },
    ]);
    await waitUntil(async () => (await h.runsOf("conformance-scored")).filter((r) => r.status === "completed").length === 4, "the four runs due now");
    const runs = await h.runsOf("conformance-scored");
    const byLabel = Object.fromEntries(runs.map((r) => [(r.event as { data: { label: string } }).data.label, r]));
    expect(Object.fromEntries(Object.entries(byLabel).map(([label, r]) => [label, r.priority]))).toEqual({ text: 0, fraction: 0, missing: 0, big: 600, behind: -600 });
    // The prioritised one went first; the negative one waits its 600 s even with the slot free.
    expect(started.filter((s) => s.startsWith("scored-"))[0]).toBe("scored-big");
    expect(byLabel.behind!.status).toBe("queued");

    // Once it has waited out the 600 s, it runs.
    await handle.db.update(workflowRuns).set({ nextRunAt: sql`now() - interval '601 seconds'` }).where(eq(workflowRuns.id, byLabel.behind!.id));
    h.executor.wake();
    await waitUntil(async () => started.includes("scored-behind"), "the delayed run");
  });
});
