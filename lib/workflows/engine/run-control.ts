import { and, asc, desc, eq, inArray, lt, type SQL } from "drizzle-orm";
import type { Db } from "@/db/client";
import { workflowFunctions, workflowRuns, workflowSteps, workflowWaits } from "@/db/schema/workflows";
import { loadFunction } from "./registry";
import { cancelRunInTx, TERMINAL_STATUSES, type RunStatus } from "./run-state";
import { wakeWorkflows } from "../wiring/runtime";

/**
 * Services behind Settings → Workflows. Every call takes the caller's `orgId`: runs are scoped by the org id
 * of their triggering event; `null` means the instance owner, who sees every run. Tenancy and role checks
 * (owner/admin) are the caller's job; these functions only ever touch the given organisation's runs.
 */
export class RunNotFoundError extends Error {
  constructor(readonly runId: string) {
    super(`Workflow run ${runId} not found`);
    this.name = "RunNotFoundError";
  }
}

export class RunStateError extends Error {
  constructor(
    readonly runId: string,
    readonly status: string,
    readonly action: "retry" | "cancel",
  ) {
    super(`Cannot ${action} run ${runId}: it is ${status}`);
    this.name = "RunStateError";
  }
}

export interface RunSummary {
  id: string;
  functionId: string;
  functionName: string;
  /** The triggering event's name (`inngest/scheduled.timer` for cron runs). */
  trigger: string;
  orgId: string | null;
  status: RunStatus;
  attempt: number;
  startedAt: Date;
  endedAt: Date | null;
  error: unknown;
}

export interface StepView {
  stepId: string;
  name: string;
  op: string;
  status: "completed" | "failed" | "sleeping" | "waiting";
  output: unknown;
  error: unknown;
  attempts: number;
  startedAt: Date;
  endedAt: Date | null;
  durationMs: number | null;
  /** For pending sleeps and waits: when it wakes or times out. */
  until: Date | null;
}

export interface RunDetail extends RunSummary {
  event: Record<string, unknown>;
  output: unknown;
  steps: StepView[];
}

export interface ListRunsOptions {
  status?: RunStatus[];
  functionId?: string;
  /** The last id of the previous page (runs are listed newest first). */
  cursor?: string;
  limit?: number;
}

const scope = (orgId: string | null): SQL | undefined => (orgId === null ? undefined : eq(workflowRuns.orgId, orgId));

export async function listRuns(db: Db, orgId: string | null, options: ListRunsOptions = {}): Promise<{ items: RunSummary[]; nextCursor: string | null }> {
  const limit = Math.min(Math.max(options.limit ?? 50, 1), 200);
  const rows = await db
    .select({ run: workflowRuns, functionName: workflowFunctions.name })
    .from(workflowRuns)
    .leftJoin(workflowFunctions, eq(workflowFunctions.id, workflowRuns.functionId))
    .where(
      and(
        scope(orgId),
        options.status?.length ? inArray(workflowRuns.status, options.status) : undefined,
        options.functionId ? eq(workflowRuns.functionId, options.functionId) : undefined,
        options.cursor ? lt(workflowRuns.id, options.cursor) : undefined,
      ),
    )
    .orderBy(desc(workflowRuns.id))
    .limit(limit + 1);
  const items = rows.slice(0, limit).map(({ run, functionName }) => summary(run, functionName));
  return { items, nextCursor: rows.length > limit ? items.at(-1)!.id : null };
}

export async function getRun(db: Db, orgId: string | null, runId: string): Promise<RunDetail> {
  const [row] = await db
    .select({ run: workflowRuns, functionName: workflowFunctions.name })
    .from(workflowRuns)
    .leftJoin(workflowFunctions, eq(workflowFunctions.id, workflowRuns.functionId))
    .where(and(eq(workflowRuns.id, runId), scope(orgId)));
  if (!row) throw new RunNotFoundError(runId);
  const [steps, waits] = await Promise.all([
    db.select().from(workflowSteps).where(eq(workflowSteps.runId, runId)).orderBy(asc(workflowSteps.id)),
    db.select().from(workflowWaits).where(and(eq(workflowWaits.runId, runId), inArray(workflowWaits.kind, ["sleep", "event"]))).orderBy(asc(workflowWaits.createdAt)),
  ]);
  const views: StepView[] = steps.map((s) => ({
    stepId: s.stepId,
    name: s.name,
    op: s.op,
    status: s.status as "completed" | "failed",
    output: s.output,
    error: s.error,
    attempts: s.attempts,
    startedAt: s.startedAt,
    endedAt: s.endedAt,
    durationMs: s.endedAt.getTime() - s.startedAt.getTime(),
    until: null,
  }));
  for (const w of waits) {
    views.push({
      stepId: w.stepId,
      name: w.name,
      op: w.kind === "sleep" ? "Sleep" : "WaitForEvent",
      status: w.kind === "sleep" ? "sleeping" : "waiting",
      output: null,
      error: null,
      attempts: 1,
      startedAt: w.createdAt,
      endedAt: null,
      durationMs: null,
      until: w.wakeAt,
    });
  }
  return { ...summary(row.run, row.functionName), event: row.run.event, output: row.run.output, steps: views };
}

/**
 * Retries a failed run where it failed: completed steps stay memoized (their side effects are not
 * repeated), failed steps are forgotten and the run is queued again with fresh attempts.
 */
export async function retryRun(db: Db, orgId: string | null, runId: string): Promise<void> {
  await db.transaction(async (tx) => {
    const [run] = await tx.select().from(workflowRuns).where(and(eq(workflowRuns.id, runId), scope(orgId))).for("update");
    if (!run) throw new RunNotFoundError(runId);
    if (run.status !== "failed") throw new RunStateError(runId, run.status, "retry");
    await tx.delete(workflowSteps).where(and(eq(workflowSteps.runId, runId), eq(workflowSteps.status, "failed")));
    await tx
      .update(workflowRuns)
      // "running", not "queued": "queued" means never driven, and this run has memoized steps to load.
      .set({ status: "running", attempt: 0, error: null, output: null, endedAt: null, nextRunAt: new Date(), leaseOwner: null, leaseExpiresAt: null, wakePending: false })
      .where(eq(workflowRuns.id, runId));
    const fn = await loadFunction(tx, run.functionId);
    for (const [index, cancel] of (fn?.cancel ?? []).entries()) {
      await tx
        .insert(workflowWaits)
        .values({ runId, stepId: `cancel:${index}`, name: `cancelOn ${cancel.event}`, kind: "cancel", eventName: cancel.event, expression: cancel.if ?? null, wakeAt: cancel.timeoutMs ? new Date(Date.now() + cancel.timeoutMs) : null })
        .onConflictDoNothing();
    }
  });
  wakeWorkflows();
}

/** Cancels a queued, running or waiting run. A step executing right now finishes; nothing after it runs. */
export async function cancelRun(db: Db, orgId: string | null, runId: string): Promise<void> {
  await db.transaction(async (tx) => {
    const [run] = await tx.select().from(workflowRuns).where(and(eq(workflowRuns.id, runId), scope(orgId))).for("update");
    if (!run) throw new RunNotFoundError(runId);
    if (TERMINAL_STATUSES.includes(run.status as RunStatus)) throw new RunStateError(runId, run.status, "cancel");
    await cancelRunInTx(tx, runId, "Cancelled from Settings → Workflows");
  });
}

function summary(run: typeof workflowRuns.$inferSelect, functionName: string | null): RunSummary {
  return {
    id: run.id,
    functionId: run.functionId,
    functionName: functionName ?? run.functionId,
    trigger: String((run.event as { name?: unknown }).name ?? ""),
    orgId: run.orgId,
    status: run.status as RunStatus,
    attempt: run.attempt,
    startedAt: run.startedAt,
    endedAt: run.endedAt,
    error: run.error,
  };
}
