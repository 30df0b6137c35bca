import { and, asc, eq, notInArray, sql } from "drizzle-orm";
import { newId } from "@/db/ids";
import { describeError, redactMessage } from "@/lib/log-error";
import type { Db, Tx } from "@/db/client";
import { rowsOf } from "@/db/json-insert";
import { workflowRuns, workflowSteps, workflowWaits } from "@/db/schema/workflows";
import { sleepWakeAt, parseDuration } from "../parsers/duration";
import type { FunctionSpec } from "../parsers/function-config";
import { ingestInTx, type RunEvent } from "./event-intake";
import { callFunction, type CallResult, type OutgoingOp, type SerializedError } from "../protocol/serve-calls";
import { loadFunction, loadFunctions } from "./registry";
import { deleteWaits, recordStep, TERMINAL_STATUSES } from "./run-state";

export type ClaimedRun = typeof workflowRuns.$inferSelect;

export interface DriverContext {
  db: Db;
  owner: string;
  signingKey: string;
  /** The app's own serve endpoint from configuration: the only URL step calls go to. */
  serveUrl: string;
  leaseMs: number;
  /** Longest a driver keeps one run before handing it back to the queue (fairness). */
  maxDriveMs: number;
  retryDelayMs: (attempt: number) => number;
  /** True once this executor is stopping or was killed: stop driving, write nothing more. */
  halted: () => boolean;
  log: (level: "info" | "warn" | "error", message: string, extra?: Record<string, unknown>) => void;
  /** Optional timing probe (benchmark): the SDK call and the executor's own bookkeeping per answer. */
  onTiming?: (timing: { callMs: number; applyMs: number }) => void;
}

type Outcome = ({ next: "continue"; reload?: boolean } | { next: "stop" } | { next: "execute"; planned: OutgoingOp[] }) & {
  /** Steps memoized by this answer, for the driver's in-memory state. */
  recorded?: Array<[string, StepState]>;
};

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
  // The memoized state lives in memory while this driver holds the run; it is re-read only when
  // something outside the driver changed it (a wait resolved while the run was leased).
  let known: KnownState = run.status === "queued" ? { state: {}, stack: [] } : await loadState(ctx.db, run.id);
  const learn = (outcome: Outcome) => {
    for (const [stepId, entry] of outcome.recorded ?? []) {
      if (!(stepId in known.state)) known.stack.push(stepId);
      known.state[stepId] = entry;
    }
  };
  try {
    for (;;) {
      if (lost || ctx.halted()) return;
      const callStarted = performance.now();
      const result = await call(ctx, fn, run, "step", attempt, known);
      const applyStarted = performance.now();
      if (lost || ctx.halted()) return;
      let outcome = await apply(ctx, fn, run, result.result, result.startedAt, attempt);
      ctx.onTiming?.({ callMs: applyStarted - callStarted, applyMs: performance.now() - applyStarted });
      learn(outcome);
      while (outcome.next === "execute") {
        // Parallel steps: the SDK planned them; execute each by id, then discover again.
        const executions = await Promise.all(outcome.planned.map((op) => call(ctx, fn, run, op.id, attempt, known)));
        if (lost || ctx.halted()) return;
        let merged: Outcome = { next: "continue" };
        for (const execution of executions) {
          const applied = await apply(ctx, fn, run, execution.result, execution.startedAt, attempt, true);
          learn(applied);
          if (applied.next === "stop") merged = applied;
        }
        outcome = merged;
      }
      if (outcome.next === "stop") return;
      if (outcome.reload) known = await loadState(ctx.db, run.id);
      attempt = 0;
      if (Date.now() - startedAt > ctx.maxDriveMs) {
        await release(ctx, run.id, new Date());
        return;
      }
    }
  } catch (error) {
    ctx.log("error", "workflow driver failed; the run is retried when its lease expires", { runId: run.id, error: describeError(error) });
  } finally {
    clearInterval(heartbeat);
  }
}

type StepState = { type: "data"; data: unknown } | { type: "error"; error: unknown };
interface KnownState {
  state: Record<string, StepState>;
  stack: string[];
}

async function loadState(db: Db, runId: string): Promise<KnownState> {
  const steps = await db.select().from(workflowSteps).where(eq(workflowSteps.runId, runId)).orderBy(asc(workflowSteps.id));
  const state: Record<string, StepState> = {};
  for (const step of steps) state[step.stepId] = stepState(step.status, step.output, step.error);
  return { state, stack: steps.map((s) => s.stepId) };
}

const stepState = (status: string, output: unknown, error: unknown): StepState =>
  status === "completed" ? { type: "data", data: output ?? null } : { type: "error", error };

async function call(ctx: DriverContext, fn: FunctionSpec, run: ClaimedRun, stepId: string, attempt: number, known: KnownState): Promise<{ result: CallResult; startedAt: Date }> {
  const startedAt = new Date();
  const result = await callFunction({
    url: callUrl(ctx.serveUrl, fn),
    stepId,
    signingKey: ctx.signingKey,
    event: run.event,
    steps: known.state,
    stack: known.stack,
    runId: run.id,
    attempt,
    maxAttempts: fn.maxAttempts,
  });
  return { result, startedAt };
}

/**
 * The configured serve endpoint with the function's own query (`fnId`): a stored URL's origin and path
 * are never used, so a registration naming another host cannot redirect step calls (and registerApp
 * refuses one anyway).
 */
function callUrl(serveUrl: string, fn: FunctionSpec): string {
  const url = new URL(serveUrl);
  for (const [key, value] of new URL(fn.url).searchParams) if (key !== "stepId") url.searchParams.set(key, value);
  return url.toString();
}

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
async function apply(ctx: DriverContext, fn: FunctionSpec, run: ClaimedRun, result: CallResult, startedAt: Date, attempt: number, executingPlanned = false): Promise<Outcome> {
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
async function failRun(ctx: DriverContext, tx: Tx, run: ClaimedRun, error: SerializedError): Promise<void> {
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

