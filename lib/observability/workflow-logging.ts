import { Middleware } from "inngest";
import { componentLogger } from "./logger";
import { metrics } from "./metrics";

const log = componentLogger("workflows");

type RunContext = { runId: string; attempt: number; event: { name?: string; data?: unknown } };

/** Ids only: the event's name and its orgId, never its data (message text, tokens). */
function runFields(fn: { id(): string } | { opts?: { id?: string } }, ctx: RunContext): Record<string, unknown> {
  const functionId = "id" in fn && typeof fn.id === "function" ? fn.id() : (fn as { opts?: { id?: string } }).opts?.id;
  const data = ctx.event?.data as { orgId?: unknown } | undefined;
  return {
    functionId,
    runId: ctx.runId,
    attempt: ctx.attempt,
    event: ctx.event?.name,
    ...(typeof data?.orgId === "string" && { orgId: data.orgId }),
  };
}

/**
 * Workflow runs and steps in the log, with their ids, whichever executor calls the functions (the built-in
 * one or Inngest): run started, finished or failed; each step's start, end (with its duration, also in
 * messenger_workflow_step_seconds) or error. Outputs and event data are never logged. The SDK makes one
 * instance per request, so the step start times below belong to one call.
 */
export class WorkflowLogging extends Middleware.BaseMiddleware {
  readonly id = "messenger-desk-workflow-logging";
  private readonly stepStarted = new Map<string, number>();

  onRunStart({ ctx, fn }: Middleware.OnRunStartArgs): void {
    log.info("run started", runFields(fn as never, ctx as unknown as RunContext));
  }

  onRunComplete({ ctx, fn }: Middleware.OnRunCompleteArgs): void {
    metrics().workflowRunsFinished.inc({ state: "completed" });
    log.info("run completed", runFields(fn as never, ctx as unknown as RunContext));
  }

  onRunError({ ctx, fn, error, isFinalAttempt }: Middleware.OnRunErrorArgs): void {
    if (isFinalAttempt) metrics().workflowRunsFinished.inc({ state: "failed" });
    log[isFinalAttempt ? "error" : "warn"](isFinalAttempt ? "run failed" : "run attempt failed; it is retried", { ...runFields(fn as never, ctx as unknown as RunContext), err: error });
  }

  onStepStart({ stepInfo }: Middleware.OnStepStartArgs): void {
    this.stepStarted.set(stepInfo.hashedId, performance.now());
  }

  onStepComplete({ ctx, fn, stepInfo }: Middleware.OnStepCompleteArgs): void {
    const durationMs = this.stepDuration(stepInfo.hashedId);
    log.info("step completed", { ...runFields(fn as never, ctx as unknown as RunContext), step: stepInfo.options.id, stepId: stepInfo.hashedId, durationMs });
  }

  onStepError({ ctx, fn, stepInfo, error, isFinalAttempt }: Middleware.OnStepErrorArgs): void {
    const durationMs = this.stepDuration(stepInfo.hashedId);
    log[isFinalAttempt ? "error" : "warn"]("step failed", { ...runFields(fn as never, ctx as unknown as RunContext), step: stepInfo.options.id, stepId: stepInfo.hashedId, durationMs, finalAttempt: isFinalAttempt, err: error });
  }

  private stepDuration(hashedId: string): number | undefined {
    const started = this.stepStarted.get(hashedId);
    if (started === undefined) return undefined;
    this.stepStarted.delete(hashedId);
    const ms = performance.now() - started;
    metrics().workflowStepSeconds.observe(ms / 1000);
    return Math.round(ms * 10) / 10;
  }
}
