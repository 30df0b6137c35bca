import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { NoAccess } from "@/components/shell/no-access";
import { NotFoundError } from "@/lib/errors";
import { timeZoneOptions } from "@/lib/services/organizations";
import { getRoutingSettings } from "@/lib/services/routing";
import { getSkillGroup, listSkillGroupMembers } from "@/lib/services/skill-groups";
import { listAllMembers } from "../../queries";
import { settingsPageContext } from "../../settings-page";
import { RoutingSettingsForm } from "./routing-settings-form";
import { SkillGroupClient } from "./skill-group-client";
import { namedMetadata } from "../../../page-metadata";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export async function generateMetadata({ params }: { params: Promise<{ orgSlug: string; groupId: string }> }): Promise<Metadata> {
  const { orgSlug, groupId } = await params;
  return namedMetadata(orgSlug, "skillGroups.manage", async (ctx) => (await getSkillGroup({ ctx, skillGroupId: groupId })).name, ["settings.nav.skillGroups", "nav.settings"]);
}

export default async function SkillGroupPage({ params }: { params: Promise<{ orgSlug: string; groupId: string }> }) {
  const { orgSlug, groupId } = await params;
  const { ctx, allowed } = await settingsPageContext(orgSlug, "skillGroups.manage");
  if (!allowed) return <NoAccess orgName={ctx.org.name} orgSlug={ctx.org.slug} />;
  if (!UUID.test(groupId)) notFound();
  const data = await Promise.all([
    getSkillGroup({ ctx, skillGroupId: groupId }),
    listSkillGroupMembers({ ctx, skillGroupId: groupId }),
    listAllMembers(ctx),
    getRoutingSettings({ ctx, skillGroupId: groupId }),
  ]).catch(
    (error: unknown) => {
      if (error instanceof NotFoundError) notFound();
      throw error;
    },
  );
  const [group, groupMembers, members, routing] = data;
  return (
    <>
      <SkillGroupClient orgSlug={ctx.org.slug} group={group} groupMembers={groupMembers} members={members} />
      <RoutingSettingsForm orgSlug={ctx.org.slug} skillGroupId={group.id} initial={routing} timeZones={timeZoneOptions()} />
    </>
  );
}
