import { and, eq, isNull } from "drizzle-orm";
import { getDb } from "@/db/client";
import { invitations } from "@/db/schema";
import { recordAudit } from "@/lib/audit";
import { NotFoundError } from "@/lib/errors";
import { requirePermission, type OrgContext } from "@/lib/tenancy/context";

export async function revokeInvitation({ ctx, invitationId }: { ctx: OrgContext; invitationId: string }): Promise<void> {
  requirePermission(ctx, "members.manage");
  const db = await getDb();
  await db.transaction(async (tx) => {
    const [row] = await tx
      .update(invitations)
      .set({ revokedAt: new Date() })
      .where(and(eq(invitations.orgId, ctx.org.id), eq(invitations.id, invitationId), isNull(invitations.acceptedAt), isNull(invitations.revokedAt)))
      .returning();
    if (!row) throw new NotFoundError("invite.errors.notFound");
    await recordAudit(tx, ctx, { action: "invitation.revoked", resourceId: row.id, before: { email: row.email, role: row.role } });
  });
}
