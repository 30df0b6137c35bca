"use server";

import { revalidatePath } from "next/cache";
import { inviteMember, revokeInvitation, removeMember, updateMemberRole } from "@/lib/services/members";
import { orgAction } from "@/lib/tenancy/action";

const membersPath = (slug: string) => `/o/${slug}/settings/members`;

export async function inviteMemberAction(orgSlug: string, values: Record<string, string>) {
  return orgAction(orgSlug, "members.manage", async (ctx) => {
    const { invitation, link } = await inviteMember({ ctx, input: { email: values.email ?? "", role: values.role ?? "" } });
    revalidatePath(membersPath(ctx.org.slug));
    return { link, email: invitation.email, role: invitation.role };
  });
}

export async function updateMemberRoleAction(orgSlug: string, membershipId: string, role: string) {
  return orgAction(orgSlug, "members.manage", async (ctx) => {
    const member = await updateMemberRole({ ctx, membershipId, input: { role } });
    revalidatePath(membersPath(ctx.org.slug));
    return { role: member.role };
  });
}

export async function removeMemberAction(orgSlug: string, membershipId: string) {
  return orgAction(orgSlug, "members.manage", async (ctx) => {
    await removeMember({ ctx, membershipId });
    revalidatePath(membersPath(ctx.org.slug));
    return null;
  });
}

export async function revokeInvitationAction(orgSlug: string, invitationId: string) {
  return orgAction(orgSlug, "members.manage", async (ctx) => {
    await revokeInvitation({ ctx, invitationId });
    revalidatePath(membersPath(ctx.org.slug));
    return null;
  });
}
