import { Middleware } from "inngest";
import { componentLogger } from "./logger";
import { metrics } from "./metrics";

const log = componentLogger("workflows");

type RunContext = { runId: string; attempt: number; event: { name?: string; data?: unknown } };

/** Ids only: the function (as the app's id prefixes it), run, event name and orgId, never the event's data. */
function runFields(appId: string, fn: { id(prefix?: string): string }, ctx: RunContext): Record<string, unknown> {
  const data = ctx.event?.data as { orgId?: unknown } | undefined;
  return {
    functionId: fn.id(appId),
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
    log.info("run started", this.fields(fn, ctx));
  }

  onRunComplete({ ctx, fn }: Middleware.OnRunCompleteArgs): void {
    metrics().workflowRunsFinished.inc({ state: "completed" });
    log.info("run completed", this.fields(fn, ctx));
  }

  onRunError({ ctx, fn, error, isFinalAttempt }: Middleware.OnRunErrorArgs): void {
    if (isFinalAttempt) metrics().workflowRunsFinished.inc({ state: "failed" });
    log[isFinalAttempt ? "error" : "warn"](isFinalAttempt ? "run failed" : "run attempt failed; it is retried", { ...this.fields(fn, ctx), err: error });
  }

  onStepStart({ stepInfo }: Middleware.OnStepStartArgs): void {
    this.stepStarted.set(stepInfo.hashedId, performance.now());
  }

  onStepComplete({ ctx, fn, stepInfo }: Middleware.OnStepCompleteArgs): void {
    const durationMs = this.stepDuration(stepInfo.hashedId);
    log.info("step completed", { ...this.fields(fn, ctx), step: stepInfo.options.id, stepId: stepInfo.hashedId, durationMs });
  }

  onStepError({ ctx, fn, stepInfo, error, isFinalAttempt }: Middleware.OnStepErrorArgs): void {
    const durationMs = this.stepDuration(stepInfo.hashedId);
    log[isFinalAttempt ? "error" : "warn"]("step failed", { ...this.fields(fn, ctx), step: stepInfo.options.id, stepId: stepInfo.hashedId, durationMs, finalAttempt: isFinalAttempt, err: error });
  }

  private fields(fn: unknown, ctx: unknown): Record<string, unknown> {
    return runFields(this.client.id, fn as { id(prefix?: string): string }, ctx as RunContext);
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
