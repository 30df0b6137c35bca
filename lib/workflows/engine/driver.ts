import { asc, eq } from "drizzle-orm";
import { describeError } from "@/lib/log-error";
import type { Db } from "@/db/client";
import { workflowSteps } from "@/db/schema/workflows";
import type { FunctionSpec } from "../parsers/function-config";
import { callFunction, type CallResult } from "../protocol/serve-calls";
import { loadFunction } from "./registry";
import { applyAnswer, failRun, release } from "./apply-answer";
import { stepState, type ClaimedRun, type DriverContext, type KnownState, type Outcome, type StepState } from "./driver-context";

export type { ClaimedRun, DriverContext };

/**
 * Drives one claimed run: calls the function, applies what it answers (memoize steps, schedule sleeps and
 * waits, retry, finish) and goes on while there is progress, holding the lease (renewed by the executor's heartbeat).
 * Every write happens in a transaction that first re-checks the lease, so a driver that lost its lease
 * (crashed, stalled) can never apply anything after another instance took the run over.
 */
export async function driveRun(ctx: DriverContext, run: ClaimedRun): Promise<void> {
  const fn = await loadFunction(ctx.db, run.functionId);
  if (!fn) {
    await ctx.db.transaction((tx) => failRun(ctx, tx, run, { name: "FunctionNotFound", message: `Function ${run.functionId} is no longer synced` }));
    return;
  }
  // The executor's heartbeat renews this run's lease with all its others; `lost` is its verdict.
  const lost = () => ctx.leaseLost(run.id);
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
      if (lost() || ctx.halted()) return;
      const callStarted = performance.now();
      const result = await call(ctx, fn, run, "step", attempt, known);
      const applyStarted = performance.now();
      if (lost() || ctx.halted()) return;
      let outcome = await applyAnswer(ctx, fn, run, result.result, result.startedAt, attempt);
      ctx.onTiming?.({ callMs: applyStarted - callStarted, applyMs: performance.now() - applyStarted });
      learn(outcome);
      while (outcome.next === "execute") {
        // Parallel steps: the SDK planned them; execute each by id, then discover again.
        const executions = await Promise.all(outcome.planned.map((op) => call(ctx, fn, run, op.id, attempt, known)));
        if (lost() || ctx.halted()) return;
        let merged: Outcome = { next: "continue" };
        for (const execution of executions) {
          const applied = await applyAnswer(ctx, fn, run, execution.result, execution.startedAt, attempt, true);
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
  }
}

async function loadState(db: Db, runId: string): Promise<KnownState> {
  const steps = await db.select().from(workflowSteps).where(eq(workflowSteps.runId, runId)).orderBy(asc(workflowSteps.id));
  const state: Record<string, StepState> = {};
  for (const step of steps) state[step.stepId] = stepState(step.status, step.output, step.error);
  return { state, stack: steps.map((s) => s.stepId) };
}

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
