import type { ReactNode } from "react";
import { NoAccess } from "@/components/shell/no-access";
import { ReportsTabs } from "@/components/shell/reports-tabs";
import { PageHeader } from "@/components/ui/page-header";
import { getT } from "@/lib/i18n/server";
import { orgPageContext } from "../org-page";
import { reportsTabsFor } from "./reports-page";

/** Reports: Service, Campaigns and Live, each tab shown to the roles that may open it. */
export default async function ReportsLayout({ children, params }: { children: ReactNode; params: Promise<{ orgSlug: string }> }) {
  const { orgSlug } = await params;
  const [{ ctx }, { t }] = await Promise.all([orgPageContext(orgSlug), getT()]);
  const shown = reportsTabsFor(ctx);
  if (shown.length === 0) return <NoAccess orgName={ctx.org.name} orgSlug={ctx.org.slug} />;
  return (
    <>
      <PageHeader title={t("nav.reports")} description={t("reports.description", { org: ctx.org.name })} />
      <ReportsTabs orgSlug={ctx.org.slug} shown={shown} />
      <div className="pt-6">{children}</div>
    </>
  );
}
