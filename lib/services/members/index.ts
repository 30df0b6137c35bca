/**
 * Members and invitations.
 * The domain's import path for everything outside it (the browser imports ./schemas only, if at all).
 */
export * from "./schemas";
export { acceptInvitationSchema } from "./schemas";
export { acceptInvitation } from "./accept-invitation";
export { describeInvitation } from "./describe-invitation";
export { getMember } from "./get-member";
export { inviteMember } from "./invite-member";
export { listInvitations } from "./list-invitations";
export { listMembers } from "./list-members";
export { memberColumns, toMember, getMemberInOrg } from "./queries";
export { removeMember } from "./remove-member";
export { revokeInvitation } from "./revoke-invitation";
export { updateMemberRole } from "./update-member-role";
