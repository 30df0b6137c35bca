import { eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { memberships } from "@/db/schema";
import { recordAudit } from "@/lib/audit";
import { ConflictError, ForbiddenError } from "@/lib/errors";
import { assignableRoles } from "@/lib/permissions";
import { revokeApiKeysCreatedBy } from "@/lib/services/api-keys";
import { requirePermission, type OrgContext } from "@/lib/tenancy/context";
import { revokeInvitationsBeyondInviter } from "./inviter-authority";
import { countOwners, getMemberInOrg } from "./queries";

/** Removes a member; the API keys they created and the invitations they sent end with them. */
export async function removeMember({ ctx, membershipId }: { ctx: OrgContext; membershipId: string }): Promise<void> {
  requirePermission(ctx, "members.manage");
  const db = await getDb();
  await db.transaction(async (tx) => {
    const member = await getMemberInOrg(tx, ctx, membershipId, { forUpdate: true });
    if (!assignableRoles(ctx.role).includes(member.role)) throw new ForbiddenError("members.errors.ownerRemoval");
    if (member.role === "owner" && (await countOwners(tx, ctx.org.id)) <= 1) {
      throw new ConflictError("members.errors.lastOwner");
    }
    await tx.delete(memberships).where(eq(memberships.id, membershipId));
    await recordAudit(tx, ctx, {
      action: "member.removed",
      resourceId: membershipId,
      before: { email: member.email, role: member.role },
    });
    await revokeApiKeysCreatedBy(tx, ctx, member.userId);
    await revokeInvitationsBeyondInviter(tx, ctx, member.userId, null);
  });
}
