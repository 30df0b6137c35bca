import { and, desc, eq, gt, isNull } from "drizzle-orm";
import { getDb } from "@/db/client";
import { invitations, memberships } from "@/db/schema";
import { mayInvite } from "@/lib/permissions";
import { requirePermission, type OrgContext } from "@/lib/tenancy/context";
import type { Invitation } from "./schemas";

/**
 * Open invitations: not accepted, not revoked, not expired, and still backed by their inviter (a member who
 * may invite that role today; see inviter-authority.ts). Removal and demotion revoke the others, so the last
 * condition only hides invitations that lost their inviter before that rule, or outside the member services.
 */
export async function listInvitations({ ctx }: { ctx: OrgContext }): Promise<Invitation[]> {
  requirePermission(ctx, "members.manage");
  const db = await getDb();
  const rows = await db
    .select({ invitation: invitations, inviterRole: memberships.role })
    .from(invitations)
    .leftJoin(memberships, and(eq(memberships.orgId, invitations.orgId), eq(memberships.userId, invitations.invitedBy)))
    .where(and(eq(invitations.orgId, ctx.org.id), isNull(invitations.acceptedAt), isNull(invitations.revokedAt), gt(invitations.expiresAt, new Date())))
    .orderBy(desc(invitations.id));
  return rows
    .filter((r) => r.inviterRole !== null && mayInvite(r.inviterRole, r.invitation.role))
    .map(({ invitation: r }) => ({ id: r.id, email: r.email, role: r.role, expiresAt: r.expiresAt.toISOString(), createdAt: r.createdAt.toISOString() }));
}
