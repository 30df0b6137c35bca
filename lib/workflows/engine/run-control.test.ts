import { NonRetriableError } from "inngest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@/db/client";
import { createTestDatabase } from "@/tests/db";
import { cancelRun, getRun, listRuns, retryRun, RunNotFoundError, RunStateError } from "./run-control";
import { startHarness, type Harness } from "../testing/harness";

const orgA = "0190b6c4-2f7a-7c3e-9a1b-00000000000a";
const orgB = "0190b6c4-2f7a-7c3e-9a1b-00000000000b";
let prepared = 0;
let healthy = false;
let handle: DatabaseHandle;
let h: Harness;

beforeAll(async () => {
  handle = await createTestDatabase();
  h = await startHarness(handle, (inngest) => [
    inngest.createFunction({ id: "fragile", retries: 0, triggers: [{ event: "test/fragile" }] }, async ({ step }) => {
      await step.run("prepare", () => ++prepared);
      return step.run("deliver", () => {
        if (!healthy) throw new NonRetriableError("downstream is down");
        return "delivered";
      });
    }),
    inngest.createFunction({ id: "slow", triggers: [{ event: "test/slow" }] }, async ({ step }) => {
      await step.sleep("wait-a-day", "1d");
    }),
  ]);
});
afterAll(async () => {
  await h?.close();
  await handle?.close();
});

describe("workflow run services", () => {
  it("lists runs per organisation, newest first, with cursor pagination; the owner sees all", async () => {
    await h.inngest.send([
      { name: "test/fragile", data: { orgId: orgA } },
      { name: "test/slow", data: { orgId: orgA } },
      { name: "test/slow", data: { orgId: orgB } },
    ]);
    await h.waitForRun({ functionId: "conformance-fragile" });
    const a = await listRuns(handle.db, orgA);
    expect(a.items.map((r) => r.orgId)).toEqual([orgA, orgA]);
    expect((await listRuns(handle.db, orgB)).items).toHaveLength(1);
    const page1 = await listRuns(handle.db, null, { limit: 2 });
    expect(page1.items).toHaveLength(2);
    const page2 = await listRuns(handle.db, null, { limit: 2, cursor: page1.nextCursor! });
    expect(page2.items).toHaveLength(1);
    expect(page2.nextCursor).toBeNull();
    expect((await listRuns(handle.db, orgA, { status: ["failed"] })).items.map((r) => r.trigger)).toEqual(["test/fragile"]);
  });

  it("shows a run with its steps, outputs, errors and timings, only to its organisation", async () => {
    const [failed] = (await listRuns(handle.db, orgA, { status: ["failed"] })).items;
    const detail = await getRun(handle.db, orgA, failed!.id);
    expect(detail.status).toBe("failed");
    expect(detail.steps.map((s) => [s.name, s.status])).toEqual([["prepare", "completed"], ["deliver", "failed"]]);
    expect(detail.steps[0]!.durationMs).toBeGreaterThanOrEqual(0);
    expect(detail.steps[1]!.error).toMatchObject({ message: "downstream is down" });
    await expect(getRun(handle.db, orgB, failed!.id)).rejects.toBeInstanceOf(RunNotFoundError);
  });

  it("retries a failed run from where it failed, without repeating completed steps", async () => {
    const [failed] = (await listRuns(handle.db, orgA, { status: ["failed"] })).items;
    await expect(retryRun(handle.db, orgB, failed!.id)).rejects.toBeInstanceOf(RunNotFoundError);
    healthy = true;
    await retryRun(handle.db, orgA, failed!.id);
    h.executor.wake();
    let detail = await getRun(handle.db, orgA, failed!.id);
    for (let i = 0; i < 200 && detail.status !== "completed"; i++) {
      await new Promise((r) => setTimeout(r, 25));
      detail = await getRun(handle.db, orgA, failed!.id);
    }
    expect(detail.status).toBe("completed");
    expect(detail.output).toBe("delivered");
    expect(prepared).toBe(1);
    await expect(retryRun(handle.db, orgA, failed!.id)).rejects.toBeInstanceOf(RunStateError);
  });

  it("cancels a sleeping run, and only within its organisation", async () => {
    await h.waitForRun({ functionId: "conformance-slow", status: ["waiting"] });
    const [sleeping] = (await listRuns(handle.db, orgB, { functionId: "conformance-slow" })).items;
    for (let i = 0; i < 200 && (await getRun(handle.db, orgB, sleeping!.id)).status !== "waiting"; i++) await new Promise((r) => setTimeout(r, 25));
    const before = await getRun(handle.db, orgB, sleeping!.id);
    expect(before.steps.map((s) => s.status)).toEqual(["sleeping"]);
    expect(before.steps[0]!.until!.getTime()).toBeGreaterThan(Date.now() + 23 * 3_600_000);
    await expect(cancelRun(handle.db, orgA, sleeping!.id)).rejects.toBeInstanceOf(RunNotFoundError);
    await cancelRun(handle.db, orgB, sleeping!.id);
    expect((await getRun(handle.db, orgB, sleeping!.id)).status).toBe("cancelled");
    await expect(cancelRun(handle.db, orgB, sleeping!.id)).rejects.toBeInstanceOf(RunStateError);
  });
});
