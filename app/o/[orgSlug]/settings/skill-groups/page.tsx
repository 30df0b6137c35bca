import type { Metadata } from "next";
import { NoAccess } from "@/components/shell/no-access";
import { getT } from "@/lib/i18n/server";
import { listAllSkillGroups } from "../../channels/queries";
import { settingsPageContext } from "../settings-page";
import { SkillGroupsClient } from "./skill-groups-client";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getT();
  return { title: t("settings.nav.skillGroups") };
}

export default async function SkillGroupsPage({ params }: { params: Promise<{ orgSlug: string }> }) {
  const { orgSlug } = await params;
  const { ctx, allowed } = await settingsPageContext(orgSlug, "skillGroups.manage");
  if (!allowed) return <NoAccess orgName={ctx.org.name} orgSlug={ctx.org.slug} />;
  const groups = await listAllSkillGroups(ctx);
  return <SkillGroupsClient orgSlug={ctx.org.slug} groups={groups} />;
}
