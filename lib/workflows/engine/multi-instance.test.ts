import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@/db/client";
import { createTestDatabase } from "@/tests/db";
import { WorkflowExecutor } from "./executor";
import { startHarness, type Harness } from "../testing/harness";

// Several executors on one database (as several app instances on one PostgreSQL): every run is driven by
// one executor at a time, so with no crash every step body runs exactly once; the work is shared.
const executions = new Map<string, number>();
let handle: DatabaseHandle;
let h: Harness;
let second: WorkflowExecutor;
const calls = { first: 0, second: 0 };

beforeAll(async () => {
  handle = await createTestDatabase();
  h = await startHarness(
    handle,
    (inngest) => [
      inngest.createFunction({ id: "shared", retries: 0, triggers: [{ event: "test/shared" }] }, async ({ step, runId }) => {
        for (const name of ["a", "b", "c"]) {
          await step.run(name, async () => {
            const key = `${runId}:${name}`;
            executions.set(key, (executions.get(key) ?? 0) + 1);
            await new Promise((r) => setTimeout(r, 5));
          });
        }
      }),
    ],
    { maxConcurrentRuns: 4, onTiming: () => calls.first++ },
  );
  second = new WorkflowExecutor({ db: handle.db, instanceId: "second", serveUrl: h.serveUrl, signingKey: h.signingKey, pollMs: 20, maxConcurrentRuns: 4, log: () => {}, onTiming: () => calls.second++ }).start();
});
afterAll(async () => {
  await second?.stop();
  await h?.close();
  await handle?.close();
});

describe("several executors on one database", () => {
  it("drive each run on one executor at a time and share the work", async () => {
    const runs = 40;
    await h.inngest.send(Array.from({ length: runs }, (_, i) => ({ name: "test/shared", data: { i } })));
    const deadline = Date.now() + 60_000;
    while ((await h.runsOf("conformance-shared")).filter((r) => r.status === "completed").length < runs) {
      if (Date.now() > deadline) throw new Error("runs did not complete");
      await new Promise((r) => setTimeout(r, 50));
    }
    expect(executions.size).toBe(runs * 3);
    expect([...executions.values()].every((n) => n === 1)).toBe(true);
    expect(calls.first).toBeGreaterThan(0);
    expect(calls.second).toBeGreaterThan(0);
  });
});
