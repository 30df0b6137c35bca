import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { NoAccess } from "@/components/shell/no-access";
import { NotFoundError } from "@/lib/errors";
import { getSkillGroup, listSkillGroupMembers } from "@/lib/services/skill-groups";
import { listAllMembers } from "../../queries";
import { settingsPageContext } from "../../settings-page";
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
  const data = await Promise.all([getSkillGroup({ ctx, skillGroupId: groupId }), listSkillGroupMembers({ ctx, skillGroupId: groupId }), listAllMembers(ctx)]).catch(
    (error: unknown) => {
      if (error instanceof NotFoundError) notFound();
      throw error;
    },
  );
  const [group, groupMembers, members] = data;
  return <SkillGroupClient orgSlug={ctx.org.slug} group={group} groupMembers={groupMembers} members={members} />;
}
