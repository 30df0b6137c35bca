import { eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { memberships } from "@/db/schema";
import { recordAudit } from "@/lib/audit";
import { ConflictError, ForbiddenError } from "@/lib/errors";
import { assignableRoles } from "@/lib/permissions";
import { requirePermission, type OrgContext } from "@/lib/tenancy/context";
import { parseInput } from "@/lib/validation";
import { revokeInvitationsBeyondInviter } from "./inviter-authority";
import { countOwners, getMemberInOrg, toMember } from "./queries";
import { updateMemberSchema, type Member } from "./schemas";

/**
 * Changes a member's role. Invitations they sent for roles their new role may not invite are revoked; their
 * API keys need nothing here, as a key acts with its creator's current role at most (authenticate-api-key.ts).
 */
export async function updateMemberRole({
  ctx,
  membershipId,
  input,
}: {
  ctx: OrgContext;
  membershipId: string;
  input: unknown;
}): Promise<Member> {
  requirePermission(ctx, "members.manage");
  const { role } = parseInput(updateMemberSchema, input);
  const db = await getDb();
  return db.transaction(async (tx) => {
    const before = await getMemberInOrg(tx, ctx, membershipId, { forUpdate: true });
    // Only an owner may make or unmake owners; an admin may not touch them.
    const allowed = assignableRoles(ctx.role);
    if (!allowed.includes(role) || !allowed.includes(before.role)) throw new ForbiddenError("members.errors.ownerRoleChange");
    if (before.role === "owner" && role !== "owner" && (await countOwners(tx, ctx.org.id)) <= 1) {
      throw new ConflictError("members.errors.lastOwner");
    }
    await tx.update(memberships).set({ role }).where(eq(memberships.id, membershipId));
    const after = { ...before, role };
    await recordAudit(tx, ctx, {
      action: "member.role_changed",
      resourceId: membershipId,
      before: { email: before.email, role: before.role },
      after: { email: before.email, role },
    });
    await revokeInvitationsBeyondInviter(tx, ctx, before.userId, role);
    return toMember(after);
  });
}
