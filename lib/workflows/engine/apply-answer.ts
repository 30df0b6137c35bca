/**
 * Applies what the SDK answered for one call of a run (memoized steps, sleeps, waits, retries, the end of the
 * run), each answer in a transaction that first re-checks the driver's lease.
 */
import { and, eq, notInArray, sql } from "drizzle-orm";
import { newId } from "@/db/ids";
import { redactMessage } from "@/lib/log-error";
import type { Tx } from "@/db/client";
import { rowsOf } from "@/db/json-insert";
import { workflowRuns, workflowSteps, workflowWaits } from "@/db/schema/workflows";
import { sleepWakeAt, parseDuration } from "../parsers/duration";
import type { FunctionSpec } from "../parsers/function-config";
import { ingestInTx, type RunEvent } from "./event-intake";
import type { CallResult, OutgoingOp, SerializedError } from "../protocol/serve-calls";
import { loadFunctions } from "./registry";
import { deleteWaits, recordStep, TERMINAL_STATUSES } from "./run-state";
import { stepState, type ClaimedRun, type DriverContext, type Outcome, type StepState } from "./driver-context";

/**
 * The hot path, one statement: memoize a completed step if this driver still holds the lease and nothing
 * else happened to the run (cancel, wake). Anything unusual returns false and takes the full path.
 */
async function recordStepFast(ctx: DriverContext, run: ClaimedRun, op: OutgoingOp, startedAt: Date, attempt: number): Promise<[string, StepState] | null> {
  if (attempt !== 0 || (op.op !== "StepRun" && op.op !== "Step")) return null;
  const name = op.userland?.id ?? op.displayName ?? op.name ?? op.id;
  const output = op.data ?? null;
  const result = await ctx.db.execute(sql`
    with guard as (
      select id from ${workflowRuns}
      where id = ${run.id} and lease_owner = ${ctx.owner} and wake_pending = false and status not in ('completed', 'failed', 'cancelled')
      for update
    )
    insert into ${workflowSteps} (id, run_id, step_id, name, op, status, output, attempts, started_at, ended_at)
    select ${newId()}, guard.id, ${op.id}, ${name}, 'StepRun', 'completed', ${JSON.stringify(output)}::jsonb, 1, ${startedAt.toISOString()}::timestamptz, now()
    from guard
    on conflict do nothing
    returning id`);
  return rowsOf(result).length ? [op.id, { type: "data", data: output }] : null;
}

/** Applies one answer of the SDK in a transaction guarded by the lease. */
export async function applyAnswer(ctx: DriverContext, fn: FunctionSpec, run: ClaimedRun, result: CallResult, startedAt: Date, attempt: number, executingPlanned = false): Promise<Outcome> {
  if (result.kind === "ops" && result.ops.length === 1 && !ctx.halted()) {
    const recorded = await recordStepFast(ctx, run, result.ops[0]!, startedAt, attempt);
    if (recorded) return { next: "continue", recorded: [recorded] };
  }
  if (result.kind === "completed" && !ctx.halted()) {
    // Hot path for the last answer: one guarded statement (the full path handles cancel and lost leases).
    const done = await ctx.db
      .update(workflowRuns)
      .set({ status: "completed", output: result.output ?? null, error: null, endedAt: new Date(), nextRunAt: null, leaseOwner: null, leaseExpiresAt: null, wakePending: false })
      .where(and(eq(workflowRuns.id, run.id), eq(workflowRuns.leaseOwner, ctx.owner), notInArray(workflowRuns.status, TERMINAL_STATUSES)))
      .returning({ id: workflowRuns.id });
    if (done.length) {
      if (fn.cancel.length) await deleteWaits(ctx.db, run.id);
      return { next: "stop" };
    }
  }
  return ctx.db.transaction(async (tx): Promise<Outcome> => {
    const recorded: Array<[string, StepState]> = [];
    const [current] = await tx.select().from(workflowRuns).where(eq(workflowRuns.id, run.id)).for("update");
    if (!current || current.leaseOwner !== ctx.owner || ctx.halted()) return { next: "stop" };
    const cancelled = TERMINAL_STATUSES.includes(current.status as never);
    if (cancelled) {
      // Cancelled while its step ran: give the lease back now so it holds no concurrency slot.
      await tx.update(workflowRuns).set({ leaseOwner: null, leaseExpiresAt: null }).where(eq(workflowRuns.id, run.id));
    }

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
          recorded.push([op.id, stepState("completed", op.data, null)]);
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
          recorded.push([op.id, stepState("failed", null, op.error ?? { message: "Step failed" })]);
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
    if (executingPlanned) return { next: "continue", recorded };
    const reload = current.wakePending;
    if (reload) progressed = true;
    if (progressed && (current.attempt !== 0 || current.wakePending || current.error !== null)) {
      await tx.update(workflowRuns).set({ attempt: 0, wakePending: false, error: null }).where(eq(workflowRuns.id, run.id));
    }
    if (progressed) return { next: "continue", recorded, reload };
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
export async function failRun(ctx: DriverContext, tx: Tx, run: ClaimedRun, error: SerializedError): Promise<void> {
  await tx
    .update(workflowRuns)
    .set({ status: "failed", error, endedAt: new Date(), nextRunAt: null, leaseOwner: null, leaseExpiresAt: null, wakePending: false })
    .where(eq(workflowRuns.id, run.id));
  await deleteWaits(tx, run.id);
  ctx.log("warn", "workflow run failed", { runId: run.id, functionId: run.functionId, error: redactMessage(String(error.message ?? "")) });
  const functions = await loadFunctions(tx);
  await ingestInTx(tx, functions, [
    {
      // No fixed id: a run retried from Settings that fails again must trigger onFailure again.
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

