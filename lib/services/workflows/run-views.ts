import { ConflictError, NotFoundError } from "@/lib/errors";
import { isInstanceOwner } from "@/lib/tenancy/instance-owner";
import { type OrgContext } from "@/lib/tenancy/context";
import type { RunStatus } from "@/lib/workflows/engine/run-state";
import * as runs from "@/lib/workflows/engine/run-control";

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

export function mapErrors(error: unknown): never {
  if (error instanceof runs.RunNotFoundError) throw new NotFoundError("workflows.errors.runNotFound");
  if (error instanceof runs.RunStateError) throw new ConflictError(error.action === "retry" ? "workflows.errors.cannotRetry" : "workflows.errors.cannotCancel", { runId: error.runId, status: error.status });
  throw error;
}

export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A malformed id can name no run; answering NotFound keeps the database from rejecting the cast. */
export function checkId(runId: string): void {
  if (!UUID.test(runId)) throw new NotFoundError("workflows.errors.runNotFound");
}

export const iso = (d: Date | null) => (d ? d.toISOString() : null);

/**
 * `attempt` leaves the engine counting retries from 0; people count the attempt under way from 1, as a step's
 * `attempts` already does, so the view adds one (a fresh run reads "1", never "0").
 */
export function toSummary(r: runs.RunSummary): RunSummaryView {
  return { ...r, attempt: r.attempt + 1, startedAt: r.startedAt.toISOString(), endedAt: iso(r.endedAt) };
}
