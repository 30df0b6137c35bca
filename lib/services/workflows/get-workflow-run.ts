import { getDb } from "@/db/client";
import { requirePermission, type OrgContext } from "@/lib/tenancy/context";
import * as runs from "@/lib/workflows/engine/run-control";
import { RunDetailView, checkId, runScope, mapErrors, toSummary, iso } from "./run-views";

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
