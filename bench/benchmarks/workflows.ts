/**
 * Built-in workflow executor on the database in DATABASE_URL (PostgreSQL; PGlite in memory without it):
 * - step round trip: median time between consecutive steps of a 40-step run; inside it, the signed call (the
 *   SDK's work included) and the executor's bookkeeping after it (memoizing the step: its own overhead);
 *   plus the same call made directly without the executor, for comparison;
 * - throughput: runs per second for a 3-step function (300 runs);
 * - wake accuracy: 100 runs sleeping until the same instant; lateness of each wake-up.
 */
import { asc, eq } from "drizzle-orm";
import { workflowRuns, workflowSteps } from "@/db/schema/workflows";
import { callFunction } from "@/lib/workflows/protocol/serve-calls";
import { startHarness } from "@/lib/workflows/testing/harness";
import { benchDatabase } from "../lib/database";

const STEPS = 40;
const THROUGHPUT_RUNS = 300;
const SLEEPERS = 100;

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.floor(s.length / 2)]! : NaN;
};
const percentile = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((s.length * p) / 100))]!;
};
const round = (x: number) => Math.round(x * 100) / 100;

async function waitFor(check: () => Promise<boolean>, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error("timed out");
    await new Promise((r) => setTimeout(r, 10));
  }
}

export default async function bench(): Promise<Record<string, unknown>> {
  const { handle, drop } = await benchDatabase("workflows");
  const { db } = handle;
  const wakeTimes = new Map<string, number>();
  const timings: Array<{ callMs: number; applyMs: number }> = [];
  let recordTimings = true;
  const h = await startHarness(
    handle,
    (inngest) => [
      inngest.createFunction({ id: "many-steps", retries: 0, triggers: [{ event: "bench/many" }] }, async ({ step }) => {
        for (let i = 0; i < STEPS; i++) await step.run(`s${i}`, () => i);
      }),
      inngest.createFunction({ id: "three-steps", retries: 0, triggers: [{ event: "bench/three" }] }, async ({ step, event }) => {
        const a = await step.run("a", () => event.data.i);
        const b = await step.run("b", () => a + 1);
        return step.run("c", () => b + 1);
      }),
      inngest.createFunction({ id: "sleeper", retries: 0, triggers: [{ event: "bench/sleep" }] }, async ({ step, event, runId }) => {
        await step.sleepUntil("until", new Date(event.data.at));
        await step.run("woke", () => {
          if (!wakeTimes.has(runId)) wakeTimes.set(runId, Date.now() - event.data.at);
        });
      }),
    ],
    { pollMs: 250, retryBaseMs: 1000, leaseMs: 30_000, maxConcurrentRuns: 32, onTiming: (t) => recordTimings && timings.push(t) },
  );
  try {
    // 1. Step round trip, measured on the second run (the first warms up the JIT of SDK and executor).
    for (let round = 1; round <= 2; round++) {
      timings.length = 0;
      await h.inngest.send({ name: "bench/many", data: { round } });
      await waitFor(async () => (await h.runsOf("conformance-many-steps")).filter((r) => r.status === "completed").length === round, 120_000);
    }
    const manyRun = (await h.runsOf("conformance-many-steps")).at(-1);
    const steps = await db.select().from(workflowSteps).where(eq(workflowSteps.runId, manyRun!.id)).orderBy(asc(workflowSteps.id));
    const intervals = steps.slice(1).map((s, i) => s.endedAt.getTime() - steps[i]!.endedAt.getTime());
    // The SDK's share: the same signed call with 20 memoized steps, made directly (no database).
    const state = Object.fromEntries(steps.slice(0, 20).map((s) => [s.stepId, { type: "data" as const, data: s.output }]));
    const direct: number[] = [];
    for (let i = 0; i < 30; i++) {
      const t = performance.now();
      await callFunction({ url: `${h.serveUrl}?fnId=conformance-many-steps`, stepId: "step", signingKey: h.signingKey, event: manyRun!.event, steps: state, stack: Object.keys(state), runId: manyRun!.id, attempt: 0, maxAttempts: 1 });
      direct.push(performance.now() - t);
    }
    recordTimings = false;
    const stepMedian = median(intervals);
    const sdkMedian = median(direct);

    // 2. Throughput, 3-step runs.
    const started = performance.now();
    for (let i = 0; i < THROUGHPUT_RUNS; i += 50) {
      await h.inngest.send(Array.from({ length: 50 }, (_, j) => ({ name: "bench/three", data: { i: i + j } })));
    }
    await waitFor(async () => (await h.runsOf("conformance-three-steps")).filter((r) => r.status === "completed").length === THROUGHPUT_RUNS, 300_000);
    const seconds = (performance.now() - started) / 1000;

    // 3. 100 runs sleeping until the same instant.
    const at = Date.now() + 4000;
    await h.inngest.send(Array.from({ length: SLEEPERS }, (_, i) => ({ name: "bench/sleep", data: { at, i } })));
    await waitFor(async () => (await db.select().from(workflowRuns).where(eq(workflowRuns.functionId, "conformance-sleeper"))).every((r) => r.status === "completed") && wakeTimes.size === SLEEPERS, 60_000);
    const lateness = [...wakeTimes.values()];

    return {
      database: handle.kind,
      stepRoundTripMedianMs: round(stepMedian),
      stepRoundTripP95Ms: round(percentile(intervals, 95)),
      sdkCallMedianMs: round(sdkMedian),
      executorOverheadPerStepMedianMs: round(stepMedian - sdkMedian),
      // Measured inside the driver: the signed HTTP call (SDK included) and the bookkeeping after it.
      driverCallMedianMs: round(median(timings.map((t) => t.callMs))),
      driverBookkeepingMedianMs: round(median(timings.map((t) => t.applyMs))),
      threeStepRunsPerSecond: round(THROUGHPUT_RUNS / seconds),
      threeStepRuns: THROUGHPUT_RUNS,
      sleepers: SLEEPERS,
      sleepersCompleted: wakeTimes.size,
      wakeLatenessMedianMs: round(median(lateness)),
      wakeLatenessMaxMs: round(Math.max(...lateness)),
      allWokeWithin1s: lateness.every((l) => l <= 1000),
      goal: "<= 15 ms step overhead on 2 cores (PostgreSQL); 100 sleepers wake within 1 s",
    };
  } finally {
    await h.close();
    await drop();
  }
}
