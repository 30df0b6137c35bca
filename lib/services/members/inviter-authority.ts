import { and, eq, isNull } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { invitations, memberships } from "@/db/schema";
import { recordAudit } from "@/lib/audit";
import { mayInvite, type Role } from "@/lib/permissions";
import type { OrgContext } from "@/lib/tenancy/context";

/**
 * An invitation is only as good as its inviter's authority today: it may be accepted only while the inviter
 * is still a member who may invite that role. An invitation with no inviter (their account is gone) is dead.
 */
export async function inviterMayStillInvite(db: DbOrTx, invitation: { orgId: string; invitedBy: string | null; role: Role }): Promise<boolean> {
  if (!invitation.invitedBy) return false;
  const [inviter] = await db
    .select({ role: memberships.role })
    .from(memberships)
    .where(and(eq(memberships.orgId, invitation.orgId), eq(memberships.userId, invitation.invitedBy)));
  return Boolean(inviter && mayInvite(inviter.role, invitation.role));
}

/**
 * Revokes the open invitations a member sent that they could no longer send: all of them when they are
 * removed (`roleNow` null), those for roles above what their new role may invite when they are demoted.
 * One audit row per invitation, in the caller's transaction.
 */
export async function revokeInvitationsBeyondInviter(tx: DbOrTx, ctx: OrgContext, inviterUserId: string, roleNow: Role | null): Promise<number> {
  const open = await tx
    .select()
    .from(invitations)
    .where(and(eq(invitations.orgId, ctx.org.id), eq(invitations.invitedBy, inviterUserId), isNull(invitations.acceptedAt), isNull(invitations.revokedAt)))
    .for("update");
  const beyond = open.filter((invitation) => roleNow === null || !mayInvite(roleNow, invitation.role));
  for (const invitation of beyond) {
    await tx.update(invitations).set({ revokedAt: new Date() }).where(eq(invitations.id, invitation.id));
    await recordAudit(tx, ctx, {
      action: "invitation.revoked",
      resourceId: invitation.id,
      before: { email: invitation.email, role: invitation.role },
      after: { reason: roleNow === null ? "inviter_removed" : "inviter_role_changed" },
    });
  }
  return beyond.length;
}
