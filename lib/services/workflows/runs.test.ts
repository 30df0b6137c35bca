import { randomUUID } from "node:crypto";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { workflowRuns, workflowSteps } from "@/db/schema/workflows";
import { ConflictError, ForbiddenError, NotFoundError } from "@/lib/errors";
import { grantInstanceOwner, revokeInstanceOwner } from "@/lib/tenancy/instance-owner";
import { users } from "@/db/schema";
import { eq } from "drizzle-orm";
import { useTestDatabase } from "@/tests/db";
import { createOrgFixture, type OrgFixture } from "@/tests/fixtures";
import { cancelWorkflowRun } from "./cancel-workflow-run";
import { getWorkflowRun } from "./get-workflow-run";
import { listWorkflowRuns } from "./list-workflow-runs";
import { retryWorkflowRun } from "./retry-workflow-run";

useTestDatabase();

let a: OrgFixture;
let b: OrgFixture;

/** A run row as the executor would leave it, with the org id of its triggering event. */
async function insertRun(orgId: string, status: string, name = "app/test.event") {
  const db = await getDb();
  const [run] = await db
    .insert(workflowRuns)
    .values({ functionId: "messenger-desk-test-fn", orgId, eventId: randomUUID(), event: { name, data: { orgId } }, status, endedAt: ["completed", "failed", "cancelled"].includes(status) ? new Date() : null })
    .returning();
  return run;
}

beforeAll(async () => {
  a = await createOrgFixture("Org A");
  b = await createOrgFixture("Org B");
});

afterEach(async () => {
  await revokeInstanceOwner(await getDb(), b.users.owner.email);
});

describe("workflow run services", () => {
  it("lists only the organisation's runs; an instance owner sees every organisation's", async () => {
    const runA = await insertRun(a.org.id, "completed", "a/event");
    const runB = await insertRun(b.org.id, "running", "b/event");
    const seenA = (await listWorkflowRuns({ ctx: a.as.owner })).data.map((r) => r.id);
    expect(seenA).toContain(runA.id);
    expect(seenA).not.toContain(runB.id);
    const seenB = (await listWorkflowRuns({ ctx: b.as.admin })).data.map((r) => r.id);
    expect(seenB).toEqual(expect.arrayContaining([runB.id]));
    expect(seenB).not.toContain(runA.id);

    const db = await getDb();
    await db.update(users).set({ emailVerifiedAt: new Date() }).where(eq(users.id, b.users.owner.id));
    await grantInstanceOwner(db, b.users.owner.email.toUpperCase());
    const all = (await listWorkflowRuns({ ctx: b.as.owner })).data.map((r) => r.id);
    expect(all).toEqual(expect.arrayContaining([runA.id, runB.id]));
    expect((await getWorkflowRun({ ctx: b.as.owner, runId: runA.id })).trigger).toBe("a/event");
    // Only the granted user: the other admin of org B still sees org B alone.
    expect((await listWorkflowRuns({ ctx: b.as.admin })).data.map((r) => r.id)).not.toContain(runA.id);
  });

  it("filters by status and pages by cursor", async () => {
    const failed = await insertRun(a.org.id, "failed");
    const onlyFailed = await listWorkflowRuns({ ctx: a.as.owner, input: { status: ["failed"] } });
    expect(onlyFailed.data.map((r) => r.id)).toEqual([failed.id]);
    const first = await listWorkflowRuns({ ctx: a.as.owner, input: { limit: 1 } });
    expect(first.data).toHaveLength(1);
    expect(first.nextCursor).not.toBeNull();
    const next = await listWorkflowRuns({ ctx: a.as.owner, input: { limit: 1, cursor: first.nextCursor! } });
    expect(next.data[0]!.id).not.toBe(first.data[0]!.id);
  });

  it("shows a run with its steps, dates as ISO strings", async () => {
    const run = await insertRun(a.org.id, "failed");
    const db = await getDb();
    await db.insert(workflowSteps).values({ runId: run.id, stepId: "h1", name: "deliver", op: "StepRun", status: "failed", error: { message: "down" }, attempts: 3 });
    const detail = await getWorkflowRun({ ctx: a.as.admin, runId: run.id });
    expect(detail.steps).toMatchObject([{ name: "deliver", status: "failed", attempts: 3, error: { message: "down" } }]);
    expect(typeof detail.startedAt).toBe("string");
    expect(typeof detail.steps[0]!.startedAt).toBe("string");
  });

  it("counts a run's attempt from 1, like its steps' attempts", async () => {
    const fresh = await insertRun(a.org.id, "running");
    expect((await getWorkflowRun({ ctx: a.as.owner, runId: fresh.id })).attempt).toBe(1);
    // The engine's counter after two failed tries of the current step: the third attempt is under way.
    await (await getDb()).update(workflowRuns).set({ attempt: 2 }).where(eq(workflowRuns.id, fresh.id));
    expect((await getWorkflowRun({ ctx: a.as.owner, runId: fresh.id })).attempt).toBe(3);
    expect((await listWorkflowRuns({ ctx: a.as.owner })).data.find((r) => r.id === fresh.id)?.attempt).toBe(3);
  });

  it("retries a failed run; retrying any other run is a conflict", async () => {
    const failed = await insertRun(a.org.id, "failed");
    await retryWorkflowRun({ ctx: a.as.owner, runId: failed.id });
    expect((await getWorkflowRun({ ctx: a.as.owner, runId: failed.id })).status).toBe("running");
    const done = await insertRun(a.org.id, "completed");
    await expect(retryWorkflowRun({ ctx: a.as.owner, runId: done.id })).rejects.toBeInstanceOf(ConflictError);
  });

  it("cancels a running run once; a finished run cannot be cancelled", async () => {
    const running = await insertRun(a.org.id, "running");
    await cancelWorkflowRun({ ctx: a.as.admin, runId: running.id });
    expect((await getWorkflowRun({ ctx: a.as.owner, runId: running.id })).status).toBe("cancelled");
    await expect(cancelWorkflowRun({ ctx: a.as.admin, runId: running.id })).rejects.toBeInstanceOf(ConflictError);
  });

  it("answers NotFound for another organisation's run and for malformed ids; Forbidden below admin", async () => {
    const run = await insertRun(a.org.id, "running");
    await expect(getWorkflowRun({ ctx: b.as.owner, runId: run.id })).rejects.toBeInstanceOf(NotFoundError);
    await expect(cancelWorkflowRun({ ctx: b.as.owner, runId: run.id })).rejects.toBeInstanceOf(NotFoundError);
    await expect(getWorkflowRun({ ctx: a.as.owner, runId: "not-a-uuid" })).rejects.toBeInstanceOf(NotFoundError);
    await expect(listWorkflowRuns({ ctx: a.as.marketer })).rejects.toBeInstanceOf(ForbiddenError);
    await expect(cancelWorkflowRun({ ctx: a.as.agent, runId: run.id })).rejects.toBeInstanceOf(ForbiddenError);
    expect((await getWorkflowRun({ ctx: a.as.owner, runId: run.id })).status).toBe("running");
  });
});
