import type { Metadata } from "next";
import { NoAccess } from "@/components/shell/no-access";
import { listCannedReplies } from "@/lib/services/canned-replies";
import { listAllSkillGroups } from "../../channels/queries";
import { sectionMetadata } from "../../page-metadata";
import { settingsPageContext } from "../settings-page";
import { CannedRepliesClient } from "./canned-replies-client";

export async function generateMetadata(): Promise<Metadata> {
  return sectionMetadata("settings.nav.cannedReplies", "nav.settings");
}

export default async function CannedRepliesPage({ params }: { params: Promise<{ orgSlug: string }> }) {
  const { orgSlug } = await params;
  const { ctx, allowed } = await settingsPageContext(orgSlug, "cannedReplies.manage");
  if (!allowed) return <NoAccess orgName={ctx.org.name} orgSlug={ctx.org.slug} />;
  const [replies, groups] = await Promise.all([listCannedReplies({ ctx }), listAllSkillGroups(ctx)]);
  return <CannedRepliesClient orgSlug={ctx.org.slug} replies={replies} groups={groups.map((g) => ({ id: g.id, name: g.name }))} />;
}
