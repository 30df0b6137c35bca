import { z } from "zod";
import { pageQuerySchema } from "@/lib/pagination";
import { invitationSchema, inviteMemberSchema, memberSchema, updateMemberSchema } from "@/lib/services/members/schemas";
import { named, pageOf, type ApiOperation } from "./define";

export const memberComponent = named("Member", memberSchema);
const invitationComponent = named("Invitation", invitationSchema);
const memberId = { memberId: "The member's id (`id` of a Member)." };

export const memberOperations: ApiOperation[] = [
  {
    operationId: "listMembers",
    method: "GET",
    path: "/members",
    summary: "List members",
    description: "Members of the key's organisation in creation order.",
    tags: ["Members"],
    permission: "members.read",
    query: pageQuerySchema,
    response: { status: 200, description: "One page of members.", body: pageOf(memberComponent) },
  },
  {
    operationId: "getMember",
    method: "GET",
    path: "/members/{memberId}",
    summary: "Get a member",
    tags: ["Members"],
    permission: "members.read",
    pathParams: memberId,
    response: { status: 200, description: "The member.", body: memberComponent },
  },
  {
    operationId: "updateMember",
    method: "PATCH",
    path: "/members/{memberId}",
    summary: "Change a member's role",
    description: "Only an owner's key can make owners or change an owner's role; API keys are never owners, so they cannot.",
    tags: ["Members"],
    permission: "members.manage",
    pathParams: memberId,
    body: named("UpdateMember", updateMemberSchema),
    response: { status: 200, description: "The member with the new role.", body: memberComponent },
    conflict: "The change would leave the organisation without an owner.",
  },
  {
    operationId: "removeMember",
    method: "DELETE",
    path: "/members/{memberId}",
    summary: "Remove a member",
    tags: ["Members"],
    permission: "members.manage",
    pathParams: memberId,
    response: { status: 204, description: "Removed." },
    conflict: "The member is the organisation's last owner.",
  },
  {
    operationId: "listInvitations",
    method: "GET",
    path: "/invitations",
    summary: "List open invitations",
    description: "Invitations not yet accepted, revoked or expired, newest first; all on one page.",
    tags: ["Members"],
    permission: "members.manage",
    response: { status: 200, description: "The open invitations (`nextCursor` is always null).", body: pageOf(invitationComponent) },
  },
  {
    operationId: "inviteMember",
    method: "POST",
    path: "/invitations",
    summary: "Invite a member",
    description:
      "Creates an invitation and returns the link to hand to the invitee; the link is shown only in this answer. " +
      "Inviting an address that already has an open invitation replaces it.",
    tags: ["Members"],
    permission: "members.manage",
    body: named("InviteMember", inviteMemberSchema),
    response: {
      status: 201,
      description: "The invitation and its one-time link.",
      body: named("CreatedInvitation", z.object({ invitation: invitationSchema, link: z.url() })),
    },
    conflict: "The address already belongs to a member.",
  },
  {
    operationId: "revokeInvitation",
    method: "DELETE",
    path: "/invitations/{invitationId}",
    summary: "Revoke an invitation",
    tags: ["Members"],
    permission: "members.manage",
    pathParams: { invitationId: "The invitation's id." },
    response: { status: 204, description: "Revoked; its link no longer works." },
  },
];
