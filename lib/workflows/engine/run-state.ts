import { and, eq, inArray, notInArray, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { workflowRuns, workflowSteps, workflowWaits } from "@/db/schema/workflows";

/** Run statuses; the last three are terminal. */
export type RunStatus = "queued" | "running" | "waiting" | "completed" | "failed" | "cancelled";
export const TERMINAL_STATUSES: RunStatus[] = ["completed", "failed", "cancelled"];

export interface StepRecord {
  runId: string;
  stepId: string;
  name: string;
  op: string;
  status: "completed" | "failed";
  output?: unknown;
  error?: unknown;
  attempts?: number;
  startedAt?: Date;
  endedAt?: Date;
}

/** Memoizes a step's final result; a second record of the same step is ignored (returns false). */
export async function recordStep(tx: DbOrTx, step: StepRecord): Promise<boolean> {
  const inserted = await tx
    .insert(workflowSteps)
    .values({
      runId: step.runId,
      stepId: step.stepId,
      name: step.name,
      op: step.op,
      status: step.status,
      output: step.output ?? null,
      error: step.error ?? null,
      attempts: step.attempts ?? 1,
      startedAt: step.startedAt ?? new Date(),
      endedAt: step.endedAt ?? new Date(),
    })
    .onConflictDoNothing()
    .returning({ id: workflowSteps.id });
  return inserted.length > 0;
}

/** Makes a non-terminal run claimable now; `wake_pending` tells a driver holding it to go on. */
export async function wakeRun(tx: DbOrTx, runId: string): Promise<void> {
  await tx
    .update(workflowRuns)
    .set({
      // A leased run keeps its takeover time; its driver sees `wake_pending` and goes on.
      nextRunAt: sql`case when ${workflowRuns.leaseExpiresAt} > now() then ${workflowRuns.nextRunAt} else now() end`,
      wakePending: true,
    })
    .where(and(eq(workflowRuns.id, runId), notInArray(workflowRuns.status, TERMINAL_STATUSES)));
}

/** Resolves a wait once: the delete decides who wins, then the step is memoized and the run woken. */
export async function resolveWait(tx: DbOrTx, waitId: string, output: unknown): Promise<boolean> {
  const [wait] = await tx.delete(workflowWaits).where(eq(workflowWaits.id, waitId)).returning();
  if (!wait) return false;
  if (wait.kind === "cancel") return true;
  await recordStep(tx, {
    runId: wait.runId,
    stepId: wait.stepId,
    name: wait.name,
    op: wait.kind === "sleep" ? "Sleep" : "WaitForEvent",
    status: "completed",
    output,
    startedAt: wait.createdAt,
  });
  await wakeRun(tx, wait.runId);
  return true;
}

/** Cancels a run that has not finished; a step already executing finishes, nothing after it runs. */
export async function cancelRunInTx(tx: DbOrTx, runId: string, reason: string): Promise<boolean> {
  const updated = await tx
    .update(workflowRuns)
    .set({ status: "cancelled", nextRunAt: null, wakePending: false, awaitingSlot: false, endedAt: new Date(), error: { name: "Cancelled", message: reason } })
    .where(and(eq(workflowRuns.id, runId), notInArray(workflowRuns.status, TERMINAL_STATUSES)))
    .returning({ id: workflowRuns.id });
  if (!updated.length) return false;
  await tx.delete(workflowWaits).where(eq(workflowWaits.runId, runId));
  return true;
}

export async function deleteWaits(tx: DbOrTx, runId: string, kinds?: string[]): Promise<void> {
  await tx.delete(workflowWaits).where(kinds ? and(eq(workflowWaits.runId, runId), inArray(workflowWaits.kind, kinds)) : eq(workflowWaits.runId, runId));
}

/** Advisory transaction lock on a string, serialising instances that decide about the same key. */
export async function lockKey(tx: DbOrTx, key: string): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${key}))`);
}
