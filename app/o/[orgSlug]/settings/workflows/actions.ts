"use server";

import { revalidatePath } from "next/cache";
import type { RunStatus } from "@/lib/workflows/engine/run-state";
import { cancelWorkflowRun, listWorkflowRuns, retryWorkflowRun } from "@/lib/services/workflows";
import { orgAction } from "@/lib/tenancy/action";
import { PAGE_SIZE } from "./format";

const runsPath = (slug: string) => `/o/${slug}/settings/workflows`;

/** The next (older) page of runs, for "load more". */
export async function loadRunsPageAction(orgSlug: string, query: { cursor: string; status?: string }) {
  return orgAction(orgSlug, "workflows.manage", (ctx) =>
    listWorkflowRuns({ ctx, input: { cursor: query.cursor, limit: PAGE_SIZE, status: query.status ? [query.status as RunStatus] : undefined } }),
  );
}

export async function retryRunAction(orgSlug: string, runId: string) {
  return orgAction(orgSlug, "workflows.manage", async (ctx) => {
    await retryWorkflowRun({ ctx, runId });
    revalidatePath(runsPath(ctx.org.slug), "layout");
    return null;
  });
}

export async function cancelRunAction(orgSlug: string, runId: string) {
  return orgAction(orgSlug, "workflows.manage", async (ctx) => {
    await cancelWorkflowRun({ ctx, runId });
    revalidatePath(runsPath(ctx.org.slug), "layout");
    return null;
  });
}
