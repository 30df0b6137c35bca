import { redirect } from "next/navigation";
import { landingSection } from "@/lib/permissions";
import { orgPageContext } from "./org-page";

/** The organisation's root opens the page of the member's role: campaigns, conversations or channels. */
export default async function OrgHome({ params }: { params: Promise<{ orgSlug: string }> }) {
  const { orgSlug } = await params;
  const { ctx } = await orgPageContext(orgSlug);
  redirect(`/o/${ctx.org.slug}/${landingSection(ctx.role)}`);
}
