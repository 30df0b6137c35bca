import { eq, inArray } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@/db/client";
import { workflowRuns } from "@/db/schema/workflows";
import { createTestDatabase } from "@/tests/db";
import { WorkflowExecutor } from "./executor";
import { newId } from "@/db/ids";
import { heartbeat, leaseOwnerOf, resolveInstanceId, takeOverIdentity } from "./leases";
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

describe("the heartbeat and the start-up takeover", () => {
  const leasedRun = async (owner: string, expiresInMs: number) => {
    const id = newId();
    const at = new Date(Date.now() + expiresInMs);
    await handle.db.insert(workflowRuns).values({ id, functionId: "leases-probe", eventId: newId(), event: {}, status: "running", leaseOwner: owner, leaseExpiresAt: at, nextRunAt: at });
    return id;
  };
  const runs = (ids: string[]) => handle.db.select().from(workflowRuns).where(inArray(workflowRuns.id, ids)).orderBy(workflowRuns.id);

  it("renews every lease of the incarnation in one call, and no one else's", async () => {
    const mine = await Promise.all([1, 2, 3].map(() => leasedRun(leaseOwnerOf("beat", "i1"), 2000)));
    const other = await leasedRun(leaseOwnerOf("beat", "i0"), 2000);
    const { renewed, twin } = await heartbeat(handle.db, "beat", "i1", 5000);
    expect([...renewed].sort()).toEqual([...mine].sort());
    expect(twin).toBeNull();
    const after = await runs([...mine, other]);
    for (const run of after.filter((r) => mine.includes(r.id))) {
      expect(run.leaseExpiresAt!.getTime()).toBeGreaterThan(Date.now() + 4000);
      expect(run.nextRunAt!.getTime()).toBeGreaterThan(Date.now() + 4000);
    }
    const untouched = after.find((r) => r.id === other)!;
    expect(untouched.leaseOwner).toBe(leaseOwnerOf("beat", "i0"));
    expect(untouched.leaseExpiresAt!.getTime()).toBeLessThan(Date.now() + 2500);
    // A second incarnation beating under the same id is seen as a twin.
    expect((await heartbeat(handle.db, "beat", "i2", 5000)).twin).toBe("i1");
  });

  it("frees a dead predecessor's leases at once, leaves other instances' and a live twin's alone", async () => {
    await heartbeat(handle.db, "restarted", "old", 30_000);
    const predecessors = [await leasedRun(leaseOwnerOf("restarted", "old"), 30_000), await leasedRun(leaseOwnerOf("restarted", "older"), 30_000)];
    const neighbour = await leasedRun(leaseOwnerOf("restarted-2", "x"), 30_000);
    // The old incarnation's last beat is older than `staleMs` (100 ms here): it is dead.
    await new Promise((r) => setTimeout(r, 150));
    const started = Date.now();
    expect(await takeOverIdentity(handle.db, "restarted", "new", 100)).toEqual({ reclaimed: 2, twin: null });
    expect(Date.now() - started).toBeLessThan(1000);
    const after = await runs([...predecessors, neighbour]);
    expect(after.filter((r) => predecessors.includes(r.id)).map((r) => r.leaseOwner)).toEqual([null, null]);
    expect(after.find((r) => r.id === neighbour)!.leaseOwner).toBe(leaseOwnerOf("restarted-2", "x"));

    // A live process beating under the id: its lease stays, and it is reported as a twin.
    const twinRun = await leasedRun(leaseOwnerOf("twinned", "alive"), 30_000);
    await heartbeat(handle.db, "twinned", "alive", 30_000);
    const beating = setInterval(() => void heartbeat(handle.db, "twinned", "alive", 30_000), 50);
    try {
      expect(await takeOverIdentity(handle.db, "twinned", "second", 300)).toEqual({ reclaimed: 0, twin: "alive" });
    } finally {
      clearInterval(beating);
    }
    expect((await runs([twinRun]))[0]!.leaseOwner).toBe(leaseOwnerOf("twinned", "alive"));
  });
});
