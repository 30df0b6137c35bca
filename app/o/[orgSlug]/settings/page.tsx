import { redirect } from "next/navigation";
import { orgPageContext } from "../org-page";

export default async function SettingsIndex({ params }: { params: Promise<{ orgSlug: string }> }) {
  const { orgSlug } = await params;
  const { ctx } = await orgPageContext(orgSlug);
  redirect(`/o/${ctx.org.slug}/settings/general`);
}
