import type { Metadata } from "next";
import { NoAccess } from "@/components/shell/no-access";
import { listWorkflowRuns, RUN_STATUSES, runScope } from "@/lib/services/workflows";
import type { RunStatus } from "@/lib/workflows/engine/run-state";
import { settingsPageContext } from "../settings-page";
import { PAGE_SIZE } from "./format";
import { currentWorkflowMode, InngestNote } from "./inngest-note";
import { WorkflowsClient } from "./workflows-client";
import { sectionMetadata } from "../../page-metadata";

export async function generateMetadata(): Promise<Metadata> {
  return sectionMetadata("settings.nav.workflows", "nav.settings");
}

export default async function WorkflowsPage({ params, searchParams }: { params: Promise<{ orgSlug: string }>; searchParams: Promise<{ status?: string }> }) {
  const [{ orgSlug }, query] = await Promise.all([params, searchParams]);
  const { ctx, allowed } = await settingsPageContext(orgSlug, "workflows.manage");
  if (!allowed) return <NoAccess orgName={ctx.org.name} orgSlug={ctx.org.slug} />;
  const mode = currentWorkflowMode();
  if (mode.kind !== "built-in") return <InngestNote mode={mode} />;
  // Only the statuses the filter offers are passed on.
  const status = (RUN_STATUSES as readonly string[]).includes(query.status ?? "") ? (query.status as RunStatus) : undefined;
  const page = await listWorkflowRuns({ ctx, input: { limit: PAGE_SIZE, status: status ? [status] : undefined } });
  return (
    <WorkflowsClient
      key={status ?? ""}
      orgSlug={ctx.org.slug}
      orgName={ctx.org.name}
      allOrgs={(await runScope(ctx)) === null}
      initial={page}
      status={status ?? ""}
    />
  );
}
