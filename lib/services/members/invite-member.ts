import { and, eq, isNull } from "drizzle-orm";
import { getDb } from "@/db/client";
import { invitations, memberships, users } from "@/db/schema";
import { appUrl } from "@/lib/app-url";
import { recordAudit } from "@/lib/audit";
import { sha256Hex } from "@/lib/crypto/hash";
import { invitationEmail } from "@/lib/email/messages";
import { sendEmail } from "@/lib/email/send";
import { ConflictError, ForbiddenError, isUniqueViolation } from "@/lib/errors";
import { randomToken } from "@/db/ids";
import { assignableRoles } from "@/lib/permissions";
import { actingUserId, requirePermission, type OrgContext } from "@/lib/tenancy/context";
import { parseInput } from "@/lib/validation";
import { inviteMemberSchema, type Invitation } from "./schemas";
import { logError } from "@/lib/log-error";

export const INVITATION_TTL_DAYS = 7;

/**
 * Creates an invitation, emails its link to the invitee, and returns the link so the inviter can hand it over
 * too. The link's token is shown only here; the database keeps its hash. Inviting an address that already
 * has an open invitation replaces it. Only members who manage members can make us send this mail.
 */
export async function inviteMember({ ctx, input }: { ctx: OrgContext; input: unknown }): Promise<{ invitation: Invitation; link: string }> {
  requirePermission(ctx, "members.manage");
  const { email, role } = parseInput(inviteMemberSchema, input);
  if (!assignableRoles(ctx.role).includes(role)) throw new ForbiddenError("members.errors.ownerInvite");
  const token = randomToken(32);
  const db = await getDb();
  const row = await db.transaction(async (tx) => {
    const [existing] = await tx
      .select({ id: memberships.id })
      .from(memberships)
      .innerJoin(users, eq(users.id, memberships.userId))
      .where(and(eq(memberships.orgId, ctx.org.id), eq(users.email, email)));
    if (existing) throw new ConflictError("members.errors.alreadyMember", { email });
    await tx
      .update(invitations)
      .set({ revokedAt: new Date() })
      .where(and(eq(invitations.orgId, ctx.org.id), eq(invitations.email, email), isNull(invitations.acceptedAt), isNull(invitations.revokedAt)));
    const [created] = await tx
      .insert(invitations)
      .values({
        orgId: ctx.org.id,
        email,
        role,
        tokenHash: sha256Hex(token),
        // An API key invites on its creator's authority, so the invitation ends with theirs (inviter-authority.ts).
        invitedBy: actingUserId(ctx),
        expiresAt: new Date(Date.now() + INVITATION_TTL_DAYS * 86_400_000),
      })
      .returning()
      .catch((error: unknown) => {
        if (isUniqueViolation(error)) throw new ConflictError("members.errors.invitedConcurrently", { email });
        throw error;
      });
    await recordAudit(tx, ctx, { action: "member.invited", resourceId: created.id, after: { email, role } });
    return created;
  });
  const link = `${appUrl()}/invite/${token}`;
  // After the commit: a mail server that is down does not undo the invitation (the inviter still has the link).
  await sendEmail(invitationEmail(email, { org: ctx.org.name, role, link, days: INVITATION_TTL_DAYS })).catch((error: unknown) => {
    logError("email: could not send an invitation", error);
  });
  return {
    invitation: { id: row.id, email: row.email, role: row.role, expiresAt: row.expiresAt.toISOString(), createdAt: row.createdAt.toISOString() },
    link,
  };
}
