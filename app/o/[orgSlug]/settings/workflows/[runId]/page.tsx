import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { NoAccess } from "@/components/shell/no-access";
import { NotFoundError } from "@/lib/errors";
import { getWorkflowRun, runScope } from "@/lib/services/workflows";
import { settingsPageContext } from "../../settings-page";
import { jsonPreview } from "../format";
import { currentWorkflowMode, InngestNote } from "../inngest-note";
import { RunClient, type RunPageData } from "./run-client";
import { sectionMetadata } from "../../../page-metadata";

export async function generateMetadata(): Promise<Metadata> {
  return sectionMetadata("settings.nav.workflows", "nav.settings");
}

export default async function WorkflowRunPage({ params }: { params: Promise<{ orgSlug: string; runId: string }> }) {
  const { orgSlug, runId } = await params;
  const { ctx, allowed } = await settingsPageContext(orgSlug, "workflows.manage");
  if (!allowed) return <NoAccess orgName={ctx.org.name} orgSlug={ctx.org.slug} />;
  const mode = currentWorkflowMode();
  if (mode.kind !== "built-in") return <InngestNote mode={mode} />;
  const run = await getWorkflowRun({ ctx, runId }).catch((error: unknown) => {
    if (error instanceof NotFoundError) notFound();
    throw error;
  });
  // Outputs and errors are cut to a few KB here, so a large payload never reaches the browser.
  const data: RunPageData = {
    id: run.id,
    functionName: run.functionName,
    functionId: run.functionId,
    trigger: run.trigger,
    orgId: run.orgId,
    status: run.status,
    attempt: run.attempt,
    startedAt: run.startedAt,
    endedAt: run.endedAt,
    event: jsonPreview(run.event),
    output: jsonPreview(run.output),
    error: jsonPreview(run.error),
    steps: run.steps.map((s) => ({
      stepId: s.stepId,
      name: s.name,
      op: s.op,
      status: s.status,
      attempts: s.attempts,
      startedAt: s.startedAt,
      endedAt: s.endedAt,
      durationMs: s.durationMs,
      until: s.until,
      output: jsonPreview(s.output),
      error: jsonPreview(s.error),
    })),
  };
  return <RunClient orgSlug={ctx.org.slug} run={data} showOrg={(await runScope(ctx)) === null} />;
}
