import type { Metadata } from "next";
import { NoAccess } from "@/components/shell/no-access";
import { getT } from "@/lib/i18n/server";
import type { SkillGroup } from "@/lib/services/skill-groups/schemas";
import { listSkillGroups } from "@/lib/services/skill-groups";
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
  const groups: SkillGroup[] = [];
  let cursor: string | undefined;
  do {
    const page = await listSkillGroups({ ctx, input: { limit: 100, cursor } });
    groups.push(...page.data);
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return <SkillGroupsClient orgSlug={ctx.org.slug} groups={groups} />;
}
