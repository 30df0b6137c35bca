import type { Metadata } from "next";
import { NoAccess } from "@/components/shell/no-access";
import { listAllSkillGroups } from "../../channels/queries";
import { settingsPageContext } from "../settings-page";
import { SkillGroupsClient } from "./skill-groups-client";
import { sectionMetadata } from "../../page-metadata";

export async function generateMetadata(): Promise<Metadata> {
  return sectionMetadata("settings.nav.skillGroups", "nav.settings");
}

export default async function SkillGroupsPage({ params }: { params: Promise<{ orgSlug: string }> }) {
  const { orgSlug } = await params;
  const { ctx, allowed } = await settingsPageContext(orgSlug, "skillGroups.manage");
  if (!allowed) return <NoAccess orgName={ctx.org.name} orgSlug={ctx.org.slug} />;
  const groups = await listAllSkillGroups(ctx);
  return <SkillGroupsClient orgSlug={ctx.org.slug} groups={groups} />;
}
