import { EmptyState } from "@/components/ui/empty-state";
import { ReportsIcon } from "@/components/ui/icons";
import { getT } from "@/lib/i18n/server";
import { workflowMode, type WorkflowMode } from "@/lib/workflows/wiring/mode";

/** The engine in use; a half-set Inngest configuration counts as Inngest (the runs are not here either way). */
export function currentWorkflowMode(): WorkflowMode {
  try {
    return workflowMode();
  } catch {
    return { kind: "inngest" };
  }
}

function inngestDashboardUrl(mode: WorkflowMode): string {
  if (mode.kind === "inngest-dev") return mode.url ?? "http://localhost:8288";
  return process.env.INNGEST_BASE_URL || "https://app.inngest.com";
}

/** In Inngest mode the built-in run tables stay empty: point at Inngest's own dashboard instead. */
export async function InngestNote({ mode }: { mode: WorkflowMode }) {
  const { t } = await getT();
  const href = inngestDashboardUrl(mode);
  return (
    <EmptyState
      icon={<ReportsIcon className="size-5" />}
      title={t("workflows.inngest.title")}
      body={t("workflows.inngest.body")}
      action={
        <a href={href} target="_blank" rel="noreferrer" className="text-sm font-medium text-accent-700 hover:underline">
          {t("workflows.inngest.open")} ↗
        </a>
      }
    />
  );
}
