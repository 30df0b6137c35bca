import { getDb } from "@/db/client";
import { recordAudit } from "@/lib/audit";
import { requirePermission, type OrgContext } from "@/lib/tenancy/context";
import * as runs from "@/lib/workflows/engine/run-control";
import { checkId, runScope, mapErrors } from "./run-views";

/** Retries a failed run from where it failed (completed steps are not repeated). */
export async function retryWorkflowRun({ ctx, runId }: { ctx: OrgContext; runId: string }): Promise<void> {
  requirePermission(ctx, "workflows.manage");
  checkId(runId);
  const db = await getDb();
  await runs.retryRun(db, await runScope(ctx), runId).catch(mapErrors);
  // lib/workflows/engine/run-control.ts owns the transaction; the audit row follows the committed change.
  await recordAudit(db, ctx, { action: "workflow_run.retried", resourceId: runId });
}
