import { getDb } from "@/db/client";
import { recordAudit } from "@/lib/audit";
import { requirePermission, type OrgContext } from "@/lib/tenancy/context";
import * as runs from "@/lib/workflows/engine/run-control";
import { checkId, runScope, mapErrors } from "./run-views";

/** Cancels a queued, running or waiting run. */
export async function cancelWorkflowRun({ ctx, runId }: { ctx: OrgContext; runId: string }): Promise<void> {
  requirePermission(ctx, "workflows.manage");
  checkId(runId);
  const db = await getDb();
  await runs.cancelRun(db, await runScope(ctx), runId).catch(mapErrors);
  await recordAudit(db, ctx, { action: "workflow_run.cancelled", resourceId: runId });
}
