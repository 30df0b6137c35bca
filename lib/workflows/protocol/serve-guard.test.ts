import { describe, expect, it } from "vitest";
import { workflowRuns, workflowSteps } from "@/db/schema/workflows";
import { newId } from "@/db/ids";
import { useTestDatabase } from "@/tests/db";
import { canonicalJson } from "./canonical-json";
import { staleCallReason } from "./serve-guard";

// A captured signed step call replays within the SDK's 5-minute signature window; the serve route refuses
// it as soon as what it would run again is recorded.
const database = useTestDatabase();

const callFor = (runId: string, steps: Record<string, unknown>) =>
  canonicalJson({ event: {}, events: [{}], steps, version: 2, ctx: { run_id: runId, attempt: 0, stack: { stack: Object.keys(steps), current: 0 } } });

async function runWith(status: string, recordedStepIds: string[]): Promise<string> {
  const db = database.handle().db;
  const [run] = await db.insert(workflowRuns).values({ functionId: "app-fn", eventId: newId(), event: { name: "test/x", data: {} }, status }).returning();
  for (const stepId of recordedStepIds) await db.insert(workflowSteps).values({ runId: run!.id, stepId, name: stepId, op: "StepRun", status: "completed", output: 1 });
  return run!.id;
}

describe("stale step calls", () => {
  it("lets a call through whose memoized state holds every recorded step", async () => {
    const runId = await runWith("running", ["a"]);
    expect(await staleCallReason(database.handle().db, callFor(runId, { a: { type: "data", data: 1 } }))).toBeNull();
  });

  it("refuses a call made before a step was recorded (a replay of the call that ran it)", async () => {
    const runId = await runWith("running", ["a"]);
    expect(await staleCallReason(database.handle().db, callFor(runId, {}))).toMatch(/already recorded/);
  });

  it("refuses any call for a finished run, and for a run that does not exist", async () => {
    const db = database.handle().db;
    for (const status of ["completed", "failed", "cancelled"]) {
      const runId = await runWith(status, []);
      expect(await staleCallReason(db, callFor(runId, {}))).toBe(`its run is ${status}`);
    }
    expect(await staleCallReason(db, callFor(newId(), {}))).toMatch(/no run/);
    expect(await staleCallReason(db, callFor("not-a-uuid", {}))).toMatch(/no run/);
  });
});
