import { and, desc, eq, gt, isNull } from "drizzle-orm";
import { getDb } from "@/db/client";
import { invitations } from "@/db/schema";
import { recordAudit } from "@/lib/audit";
import { NotFoundError } from "@/lib/errors";
import { requirePermission, type OrgContext } from "@/lib/tenancy/context";
import type { Invitation } from "./schemas";

/** Open invitations: not accepted, not revoked, not expired. */
export async function listInvitations({ ctx }: { ctx: OrgContext }): Promise<Invitation[]> {
  requirePermission(ctx, "members.manage");
  const db = await getDb();
  const rows = await db
    .select()
    .from(invitations)
    .where(and(eq(invitations.orgId, ctx.org.id), isNull(invitations.acceptedAt), isNull(invitations.revokedAt), gt(invitations.expiresAt, new Date())))
    .orderBy(desc(invitations.id));
  return rows.map((r) => ({ id: r.id, email: r.email, role: r.role, expiresAt: r.expiresAt.toISOString(), createdAt: r.createdAt.toISOString() }));
}

export async function revokeInvitation({ ctx, invitationId }: { ctx: OrgContext; invitationId: string }): Promise<void> {
  requirePermission(ctx, "members.manage");
  const db = await getDb();
  await db.transaction(async (tx) => {
    const [row] = await tx
      .update(invitations)
      .set({ revokedAt: new Date() })
      .where(and(eq(invitations.orgId, ctx.org.id), eq(invitations.id, invitationId), isNull(invitations.acceptedAt), isNull(invitations.revokedAt)))
      .returning();
    if (!row) throw new NotFoundError("Invitation");
    await recordAudit(tx, ctx, { action: "invitation.revoked", resourceType: "invitation", resourceId: row.id, before: { email: row.email, role: row.role } });
  });
}
