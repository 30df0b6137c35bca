import type { Metadata } from "next";
import { NoAccess } from "@/components/shell/no-access";
import { getLiveOverview } from "@/lib/services/reports";
import { can } from "@/lib/tenancy/context";
import { orgPageContext } from "../../org-page";
import { sectionMetadata } from "../../page-metadata";
import { LiveOverviewClient } from "./live-overview-client";

export async function generateMetadata(): Promise<Metadata> {
  return sectionMetadata("liveOverview.title", "nav.reports");
}

/** Reports → Live: the supervisors' overview, rendered with the first read; the client keeps it live. */
export default async function LiveOverviewPage({ params }: { params: Promise<{ orgSlug: string }> }) {
  const { orgSlug } = await params;
  const { ctx } = await orgPageContext(orgSlug);
  if (!can(ctx, "reports.service")) return <NoAccess orgName={ctx.org.name} orgSlug={ctx.org.slug} area="page" />;
  return <LiveOverviewClient orgSlug={ctx.org.slug} initial={await getLiveOverview({ ctx })} />;
}
