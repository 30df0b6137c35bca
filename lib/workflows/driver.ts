import { and, asc, eq } from "drizzle-orm";
import type { Db, Tx } from "@/db/client";
import { workflowRuns, workflowSteps, workflowWaits } from "@/db/schema/workflows";
import { sleepWakeAt, parseDuration } from "./duration";
import type { FunctionSpec } from "./function-config";
import { ingestInTx, type RunEvent } from "./ingest";
import { callFunction, type CallResult, type OutgoingOp, type SerializedError } from "./protocol";
import { loadFunction, loadFunctions } from "./registry";
import { deleteWaits, recordStep, TERMINAL_STATUSES } from "./run-state";

export type ClaimedRun = typeof workflowRuns.$inferSelect;

export interface DriverContext {
  db: Db;
  owner: string;
  signingKey: string;
  leaseMs: number;
  /** Longest a driver keeps one run before handing it back to the queue (fairness). */
  maxDriveMs: number;
  retryDelayMs: (attempt: number) => number;
  /** True once this executor is stopping or was killed: stop driving, write nothing more. */
  halted: () => boolean;
  log: (level: "info" | "warn" | "error", message: string, extra?: Record<string, unknown>) => void;
}

type Outcome = { next: "continue" } | { next: "stop" } | { next: "execute"; planned: OutgoingOp[] };

/**
 * Drives one claimed run: calls the function, applies what it answers (memoize steps, schedule sleeps and
 * waits, retry, finish) and goes on while there is progress, holding the lease (renewed by a heartbeat).
 * Every write happens in a transaction that first re-checks the lease, so a driver that lost its lease
 * (crashed, stalled) can never apply anything after another instance took the run over.
 */
export async function driveRun(ctx: DriverContext, run: ClaimedRun): Promise<void> {
  const fn = await loadFunction(ctx.db, run.functionId);
  if (!fn) {
    await ctx.db.transaction((tx) => failRun(ctx, tx, run, { name: "FunctionNotFound", message: `Function ${run.functionId} is no longer synced` }));
    return;
  }
  let lost = false;
  const heartbeat = setInterval(() => {
    if (ctx.halted()) return;
    ctx.db
      .update(workflowRuns)
      .set({ leaseExpiresAt: new Date(Date.now() + ctx.leaseMs) })
      .where(and(eq(workflowRuns.id, run.id), eq(workflowRuns.leaseOwner, ctx.owner)))
      .returning({ id: workflowRuns.id })
      .then((rows) => {
        if (!rows.length) lost = true;
      })
      .catch(() => {});
  }, Math.max(50, Math.floor(ctx.leaseMs / 3)));
  const startedAt = Date.now();
  let attempt = run.attempt;
  try {
    for (;;) {
      if (lost || ctx.halted()) return;
      const result = await call(ctx, fn, run, "step", attempt);
      if (lost || ctx.halted()) return;
      let outcome = await apply(ctx, fn, run, result.result, result.startedAt, attempt);
      while (outcome.next === "execute") {
        // Parallel steps: the SDK planned them; execute each by id, then discover again.
        const executions = await Promise.all(outcome.planned.map((op) => call(ctx, fn, run, op.id, attempt)));
        if (lost || ctx.halted()) return;
        let merged: Outcome = { next: "continue" };
        for (const execution of executions) {
          const applied = await apply(ctx, fn, run, execution.result, execution.startedAt, attempt, true);
          if (applied.next === "stop") merged = applied;
        }
        outcome = merged;
      }
      if (outcome.next === "stop") return;
      attempt = 0;
      if (Date.now() - startedAt > ctx.maxDriveMs) {
        await release(ctx, run.id, new Date());
        return;
      }
    }
  } catch (error) {
    ctx.log("error", "workflow driver failed; the run is retried when its lease expires", { runId: run.id, error: String(error) });
  } finally {
    clearInterval(heartbeat);
  }
}

async function call(ctx: DriverContext, fn: FunctionSpec, run: ClaimedRun, stepId: string, attempt: number): Promise<{ result: CallResult; startedAt: Date }> {
  const steps = await ctx.db.select().from(workflowSteps).where(eq(workflowSteps.runId, run.id)).orderBy(asc(workflowSteps.id));
  const state: Record<string, { type: "data"; data: unknown } | { type: "error"; error: unknown }> = {};
  for (const step of steps) state[step.stepId] = step.status === "completed" ? { type: "data", data: step.output ?? null } : { type: "error", error: step.error };
  const startedAt = new Date();
  const result = await callFunction({
    url: fn.url,
    stepId,
    signingKey: ctx.signingKey,
    event: run.event,
    steps: state,
    stack: steps.map((s) => s.stepId),
    runId: run.id,
    attempt,
    maxAttempts: fn.maxAttempts,
  });
  return { result, startedAt };
}

/** Applies one answer of the SDK in a transaction guarded by the lease. */
async function apply(ctx: DriverContext, fn: FunctionSpec, run: ClaimedRun, result: CallResult, startedAt: Date, attempt: number, executingPlanned = false): Promise<Outcome> {
  return ctx.db.transaction(async (tx) => {
    const [current] = await tx.select().from(workflowRuns).where(eq(workflowRuns.id, run.id)).for("update");
    if (!current || current.leaseOwner !== ctx.owner || ctx.halted()) return { next: "stop" };
    const cancelled = TERMINAL_STATUSES.includes(current.status as never);

    if (result.kind === "completed") {
      if (cancelled) return { next: "stop" };
      await tx
        .update(workflowRuns)
        .set({ status: "completed", output: result.output ?? null, error: null, endedAt: new Date(), nextRunAt: null, leaseOwner: null, leaseExpiresAt: null, wakePending: false })
        .where(eq(workflowRuns.id, run.id));
      await deleteWaits(tx, run.id);
      return { next: "stop" };
    }
    if (result.kind === "error") {
      if (cancelled) return { next: "stop" };
      return retryOrFail(ctx, tx, fn, current, attempt, result.retriable, result.error, result.retryAfterMs);
    }

    let progressed = false;
    let waiting = false;
    const planned: OutgoingOp[] = [];
    for (const op of result.ops) {
      const name = op.userland?.id ?? op.displayName ?? op.name ?? op.id;
      switch (op.op) {
        case "StepRun":
        case "Step":
          // A step that finished after a cancel is still recorded: it happened. Nothing after it runs.
          await recordStep(tx, { runId: run.id, stepId: op.id, name, op: "StepRun", status: "completed", output: op.data ?? null, attempts: attempt + 1, startedAt });
          progressed = true;
          break;
        case "StepError":
          if (cancelled) break;
          if (result.retriable && attempt + 1 < fn.maxAttempts) {
            return retryOrFail(ctx, tx, fn, current, attempt, true, op.error as SerializedError, result.retryAfterMs);
          }
        // falls through: out of attempts, the error is memoized and the function decides (try/catch)
        case "StepFailed":
          await recordStep(tx, { runId: run.id, stepId: op.id, name, op: "StepRun", status: "failed", error: op.error ?? { message: "Step failed" }, attempts: attempt + 1, startedAt });
          progressed = true;
          break;
        case "StepPlanned":
          planned.push(op);
          break;
        case "Sleep": {
          const wakeAt = sleepWakeAt(op.name ?? "", Date.now());
          if (!wakeAt) return retryOrFail(ctx, tx, fn, current, attempt, false, { name: "UnsupportedSleep", message: `Cannot parse sleep "${op.name}"` });
          await tx.insert(workflowWaits).values({ runId: run.id, stepId: op.id, name, kind: "sleep", wakeAt }).onConflictDoNothing();
          waiting = true;
          break;
        }
        case "WaitForEvent": {
          const timeoutMs = parseDuration(String(op.opts?.timeout ?? ""));
          if (timeoutMs === null) return retryOrFail(ctx, tx, fn, current, attempt, false, { name: "UnsupportedWait", message: `Cannot parse timeout "${String(op.opts?.timeout)}"` });
          const expression = typeof op.opts?.if === "string" ? op.opts.if : null;
          await tx
            .insert(workflowWaits)
            .values({ runId: run.id, stepId: op.id, name, kind: "event", eventName: op.name ?? "", expression, wakeAt: new Date(Date.now() + timeoutMs) })
            .onConflictDoNothing();
          waiting = true;
          break;
        }
        default:
          if (cancelled) break;
          return retryOrFail(ctx, tx, fn, current, attempt, false, {
            name: "UnsupportedStep",
            message: `The built-in workflow executor does not support the step operation "${op.op}" (step "${name}"); use Inngest for it`,
          });
      }
    }
    if (cancelled) return { next: "stop" };
    if (executingPlanned) return { next: "continue" };
    if (current.wakePending) progressed = true;
    if (progressed || current.wakePending) {
      await tx.update(workflowRuns).set({ attempt: 0, wakePending: false, error: null }).where(eq(workflowRuns.id, run.id));
    }
    if (progressed) return { next: "continue" };
    if (planned.length) return { next: "execute", planned };
    if (waiting) {
      await tx
        .update(workflowRuns)
        .set({ status: "waiting", nextRunAt: null, leaseOwner: null, leaseExpiresAt: null })
        .where(eq(workflowRuns.id, run.id));
      return { next: "stop" };
    }
    return retryOrFail(ctx, tx, fn, current, attempt, true, { name: "ProtocolError", message: "The SDK answered no operation" });
  });
}

async function retryOrFail(
  ctx: DriverContext,
  tx: Tx,
  fn: FunctionSpec,
  run: ClaimedRun,
  attempt: number,
  retriable: boolean,
  error: SerializedError,
  retryAfterMs?: number,
): Promise<Outcome> {
  if (retriable && attempt + 1 < fn.maxAttempts) {
    const delay = retryAfterMs ?? ctx.retryDelayMs(attempt);
    await tx
      .update(workflowRuns)
      .set({ attempt: attempt + 1, error, status: "running", nextRunAt: new Date(Date.now() + delay), leaseOwner: null, leaseExpiresAt: null, wakePending: false })
      .where(eq(workflowRuns.id, run.id));
    return { next: "stop" };
  }
  await failRun(ctx, tx, run, error);
  return { next: "stop" };
}

/** Fails a run for good and emits `inngest/function.failed`, which triggers its onFailure handler. */
async function failRun(ctx: DriverContext, tx: Tx, run: ClaimedRun, error: SerializedError): Promise<void> {
  await tx
    .update(workflowRuns)
    .set({ status: "failed", error, endedAt: new Date(), nextRunAt: null, leaseOwner: null, leaseExpiresAt: null, wakePending: false })
    .where(eq(workflowRuns.id, run.id));
  await deleteWaits(tx, run.id);
  ctx.log("warn", "workflow run failed", { runId: run.id, functionId: run.functionId, error: error.message });
  const functions = await loadFunctions(tx);
  await ingestInTx(tx, functions, [
    {
      id: `failed:${run.id}`,
      name: "inngest/function.failed",
      data: { function_id: run.functionId, run_id: run.id, error, event: run.event as RunEvent },
    },
  ]);
}

/** Hands a run back to the queue at `at`. */
export async function release(ctx: DriverContext, runId: string, at: Date): Promise<void> {
  await ctx.db
    .update(workflowRuns)
    .set({ nextRunAt: at, leaseOwner: null, leaseExpiresAt: null })
    .where(and(eq(workflowRuns.id, runId), eq(workflowRuns.leaseOwner, ctx.owner)));
}

