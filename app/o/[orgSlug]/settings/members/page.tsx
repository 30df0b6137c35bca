import type { Metadata } from "next";
import { NoAccess } from "@/components/shell/no-access";
import { assignableRoles } from "@/lib/permissions";
import { listInvitations } from "@/lib/services/members";
import { listAllMembers } from "../queries";
import { settingsPageContext } from "../settings-page";
import { MembersClient } from "./members-client";
import { sectionMetadata } from "../../page-metadata";

export async function generateMetadata(): Promise<Metadata> {
  return sectionMetadata("settings.nav.members", "nav.settings");
}

export default async function MembersPage({ params }: { params: Promise<{ orgSlug: string }> }) {
  const { orgSlug } = await params;
  const { ctx, allowed } = await settingsPageContext(orgSlug, "members.manage");
  if (!allowed) return <NoAccess orgName={ctx.org.name} orgSlug={ctx.org.slug} />;
  const [members, invitations] = await Promise.all([listAllMembers(ctx), listInvitations({ ctx })]);
  return (
    <MembersClient
      orgSlug={ctx.org.slug}
      orgName={ctx.org.name}
      members={members}
      invitations={invitations}
      myMembershipId={ctx.membershipId}
      assignable={assignableRoles(ctx.role)}
    />
  );
}
