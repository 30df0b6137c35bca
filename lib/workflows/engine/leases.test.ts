import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@/db/client";
import { workflowRuns } from "@/db/schema/workflows";
import { createTestDatabase } from "@/tests/db";
import { WorkflowExecutor } from "./executor";
import { resolveInstanceId } from "./leases";
import { startHarness, type Harness } from "../testing/harness";

// A driver that lost its lease (stalled past it: a GC pause, a slow database) while its step ran must not
// store that step's result: the instance that took the run over re-runs the step, and only the holder's
// result is memoized. At-least-once step execution, exactly-once memoized result.
let handle: DatabaseHandle;
let h: Harness;
let takeover: WorkflowExecutor | undefined;
const gate = { open: () => {}, opened: new Promise<void>(() => {}) };
const executions: string[] = [];
let started = () => {};
const firstStarted = new Promise<void>((resolve) => (started = resolve));

beforeAll(async () => {
  gate.opened = new Promise<void>((resolve) => (gate.open = resolve));
  handle = await createTestDatabase();
  h = await startHarness(
    handle,
    (inngest) => [
      inngest.createFunction({ id: "stalled", retries: 0, triggers: [{ event: "test/stalled" }] }, async ({ step }) => {
        const value = await step.run("work", async () => {
          executions.push("work");
          if (executions.length === 1) {
            // The first driver's call: stalls until the run has been taken over, then answers.
            started();
            await gate.opened;
            return "from the stalled driver";
          }
          return "from the new holder";
        });
        const after = await step.run("after", async () => {
          executions.push("after");
          await gate.opened;
          return "after";
        });
        return [value, after];
      }),
    ],
    // This driver's heartbeat never comes (as if its process stalled): its 400 ms lease runs out mid-step.
    { instanceId: "stalled", leaseMs: 400, heartbeatMs: 3_600_000 },
  );
});
afterAll(async () => {
  await takeover?.stop();
  await h?.close();
  await handle?.close();
});

describe("a step result from a driver that lost its lease", () => {
  it("is refused: the new holder re-runs the step and only its result is memoized", async () => {
    await h.inngest.send({ name: "test/stalled", data: {} });
    await firstStarted;
    takeover = new WorkflowExecutor({ db: handle.db, serveUrl: h.serveUrl, signingKey: h.signingKey, instanceId: "rescuer", leaseMs: 5000, pollMs: 50, log: () => {} }).start();
    const [run] = await h.runsOf("conformance-stalled");
    // The rescuer takes the run over once the stalled lease expired and runs "work" itself (then waits in "after").
    for (const deadline = Date.now() + 15_000; !executions.includes("after"); ) {
      if (Date.now() > deadline) throw new Error("the run was not taken over");
      await new Promise((r) => setTimeout(r, 25));
    }
    const [held] = await handle.db.select().from(workflowRuns).where(eq(workflowRuns.id, run!.id));
    expect(held!.leaseOwner).toBe(`rescuer/${takeover.incarnation}`);

    gate.open(); // the stalled driver's call now answers "from the stalled driver"; "after" finishes too
    const done = await h.waitForRun({ functionId: "conformance-stalled" });
    expect(done.status).toBe("completed");
    expect(done.output).toEqual(["from the new holder", "after"]);
    const steps = await h.stepsOf(run!.id);
    expect(steps.map((s) => [s.stepId !== "", s.name, s.output])).toEqual([
      [true, "work", "from the new holder"],
      [true, "after", "after"],
    ]);
    expect(executions).toEqual(["work", "work", "after"]);
  }, 30_000);
});

describe("the instance id", () => {
  it("is INSTANCE_ID when set, else the host name with the port, and refuses a '/'", () => {
    expect(resolveInstanceId({ INSTANCE_ID: "desk-1" })).toBe("desk-1");
    expect(resolveInstanceId({ PORT: "3001" })).toMatch(/:3001$/);
    expect(resolveInstanceId({})).toMatch(/:3000$/);
    expect(() => resolveInstanceId({ INSTANCE_ID: "a/b" })).toThrow(/INSTANCE_ID "a\/b" is not valid/);
  });
});
