import { and, eq, notInArray } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { workflowRuns, workflowSteps } from "@/db/schema/workflows";
import { TERMINAL_STATUSES } from "../engine/run-state";
import { verifySignature } from "./signing";

// Checks the serve route makes before the Inngest SDK sees a request. The SDK accepts an unsigned
// out-of-band sync (`PUT` without a signature registers whatever URL the request's Host names), and a
// signed step call for as long as its signature is fresh (5 minutes), even after the step has run.

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** True when `rawBody` carries a fresh signature by one of `signingKeys` (current key, then fallback). */
export function signedByAny(rawBody: string, signature: string | null, signingKeys: Array<string | undefined>): boolean {
  return signingKeys.some((key) => Boolean(key) && verifySignature(rawBody, signature, key!));
}

/**
 * Why a signed step call must not run, or null when it may: its run is unknown or finished, or a step
 * is already recorded that the call's memoized state does not hold (the call is older than the run's
 * state, so the SDK would run that step again). The executor always sends its whole known state, so
 * its own calls are never stale; a replayed capture of one is, as soon as the step it ran is recorded.
 */
export async function staleCallReason(db: DbOrTx, rawBody: string): Promise<string | null> {
  let call: { steps?: Record<string, unknown>; ctx?: { run_id?: unknown } };
  try {
    call = JSON.parse(rawBody) as typeof call;
  } catch {
    return "the call is not JSON";
  }
  const runId = call.ctx?.run_id;
  if (typeof runId !== "string" || !UUID.test(runId)) return "the call names no run of this executor";
  const known = Object.keys(call.steps ?? {});
  const [[run], [unknownStep]] = await Promise.all([
    db.select({ status: workflowRuns.status }).from(workflowRuns).where(eq(workflowRuns.id, runId)),
    db
      .select({ id: workflowSteps.id })
      .from(workflowSteps)
      .where(and(eq(workflowSteps.runId, runId), eq(workflowSteps.op, "StepRun"), known.length ? notInArray(workflowSteps.stepId, known) : undefined))
      .limit(1),
  ]);
  if (!run) return "the call names no run of this executor";
  if (TERMINAL_STATUSES.includes(run.status as never)) return `its run is ${run.status}`;
  if (unknownStep) return "a step it would run again is already recorded";
  return null;
}

export const unsignedSyncResponse = (): Response =>
  Response.json({ error: { code: "unauthorized", message: "A sync must be signed with the signing key" } }, { status: 401 });

export const staleCallResponse = (reason: string): Response =>
  Response.json({ error: { code: "stale_call", message: `Refused a replayed or stale step call: ${reason}` } }, { status: 409 });
