import { getDb } from "@/db/client";
import { requirePermission, type OrgContext } from "@/lib/tenancy/context";
import * as runs from "@/lib/workflows/engine/run-control";
import { RUN_STATUSES } from "./schemas";
import { ListRunsInput, RunSummaryView, UUID, runScope, toSummary } from "./run-views";

export async function listWorkflowRuns({ ctx, input = {} }: { ctx: OrgContext; input?: ListRunsInput }): Promise<{ data: RunSummaryView[]; nextCursor: string | null }> {
  requirePermission(ctx, "workflows.manage");
  const status = input.status?.filter((s) => (RUN_STATUSES as readonly string[]).includes(s));
  const cursor = input.cursor && UUID.test(input.cursor) ? input.cursor : undefined;
  const page = await runs.listRuns(await getDb(), await runScope(ctx), { status, functionId: input.functionId || undefined, cursor, limit: input.limit });
  return { data: page.items.map(toSummary), nextCursor: page.nextCursor };
}
