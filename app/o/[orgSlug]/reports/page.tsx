import { redirect } from "next/navigation";
import { orgPageContext } from "../org-page";
import { reportsTabsFor } from "./reports-page";

/** Reports opens on the first tab the member may read (a marketer's is Campaigns). */
export default async function ReportsPage({ params }: { params: Promise<{ orgSlug: string }> }) {
  const { orgSlug } = await params;
  const { ctx } = await orgPageContext(orgSlug);
  const [first] = reportsTabsFor(ctx);
  // The layout shows NoAccess when there is no tab; this page renders inside it.
  if (!first) return null;
  redirect(`/o/${ctx.org.slug}/reports/${first}`);
}
