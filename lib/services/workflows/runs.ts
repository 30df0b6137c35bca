import { getDb } from "@/db/client";
import { recordAudit } from "@/lib/audit";
import { ConflictError, NotFoundError } from "@/lib/errors";
import { isInstanceOwner } from "@/lib/tenancy/instance-owner";
import { requirePermission, type OrgContext } from "@/lib/tenancy/context";
import type { RunStatus } from "@/lib/workflows/engine/run-state";
import * as runs from "@/lib/workflows/engine/run-control";
import { RUN_STATUSES } from "./statuses";

/**
 * Settings → Workflows: the runs of the app's Inngest functions, scoped to the organisation through the org id
 * of their triggering event. A signed-in instance owner (granted by `npm run admin:grant-owner`) sees every organisation's runs.
 * Dates are ISO strings so views cross to the browser as they are.
 */
export { RUN_STATUSES };

/** A lib/workflows record as it crosses to the browser: the same fields, its dates as ISO strings. */
type WithIsoDates<T> = { [K in keyof T]: T[K] extends Date ? string : T[K] extends Date | null ? string | null : T[K] };

export type RunSummaryView = WithIsoDates<runs.RunSummary>;
export type StepItemView = WithIsoDates<runs.StepView>;

export interface RunDetailView extends RunSummaryView {
  event: Record<string, unknown>;
  output: unknown;
  steps: StepItemView[];
}

export interface ListRunsInput {
  status?: RunStatus[];
  functionId?: string;
  cursor?: string;
  limit?: number;
}

/** The org scope for the lib/workflows calls: the context's organisation, or null (all) for an instance owner. */
export async function runScope(ctx: OrgContext): Promise<string | null> {
  return ctx.actor.type === "user" && (await isInstanceOwner(ctx.actor.id)) ? null : ctx.org.id;
}

function mapErrors(error: unknown): never {
  if (error instanceof runs.RunNotFoundError) throw new NotFoundError("Workflow run");
  if (error instanceof runs.RunStateError) throw new ConflictError(error.message);
  throw error;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** A malformed id can name no run; answering NotFound keeps the database from rejecting the cast. */
function checkId(runId: string): void {
  if (!UUID.test(runId)) throw new NotFoundError("Workflow run");
}

const iso = (d: Date | null) => (d ? d.toISOString() : null);

function toSummary(r: runs.RunSummary): RunSummaryView {
  return { ...r, startedAt: r.startedAt.toISOString(), endedAt: iso(r.endedAt) };
}

export async function listWorkflowRuns({ ctx, input = {} }: { ctx: OrgContext; input?: ListRunsInput }): Promise<{ data: RunSummaryView[]; nextCursor: string | null }> {
  requirePermission(ctx, "workflows.manage");
  const status = input.status?.filter((s) => (RUN_STATUSES as readonly string[]).includes(s));
  const cursor = input.cursor && UUID.test(input.cursor) ? input.cursor : undefined;
  const page = await runs.listRuns(await getDb(), await runScope(ctx), { status, functionId: input.functionId || undefined, cursor, limit: input.limit });
  return { data: page.items.map(toSummary), nextCursor: page.nextCursor };
}

export async function getWorkflowRun({ ctx, runId }: { ctx: OrgContext; runId: string }): Promise<RunDetailView> {
  requirePermission(ctx, "workflows.manage");
  checkId(runId);
  const run = await runs.getRun(await getDb(), await runScope(ctx), runId).catch(mapErrors);
  return {
    ...toSummary(run),
    event: run.event,
    output: run.output,
    steps: run.steps.map((s) => ({ ...s, startedAt: s.startedAt.toISOString(), endedAt: iso(s.endedAt), until: iso(s.until) })),
  };
}

/** Retries a failed run from where it failed (completed steps are not repeated). */
export async function retryWorkflowRun({ ctx, runId }: { ctx: OrgContext; runId: string }): Promise<void> {
  requirePermission(ctx, "workflows.manage");
  checkId(runId);
  const db = await getDb();
  await runs.retryRun(db, await runScope(ctx), runId).catch(mapErrors);
  // lib/workflows/engine/run-control.ts owns the transaction; the audit row follows the committed change.
  await recordAudit(db, ctx, { action: "workflow_run.retried", resourceId: runId });
}

/** Cancels a queued, running or waiting run. */
export async function cancelWorkflowRun({ ctx, runId }: { ctx: OrgContext; runId: string }): Promise<void> {
  requirePermission(ctx, "workflows.manage");
  checkId(runId);
  const db = await getDb();
  await runs.cancelRun(db, await runScope(ctx), runId).catch(mapErrors);
  await recordAudit(db, ctx, { action: "workflow_run.cancelled", resourceId: runId });
}
