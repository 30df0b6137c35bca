import { and, eq, gt, isNull } from "drizzle-orm";
import { z } from "zod";
import { getDb } from "@/db/client";
import { invitations, memberships, organizations, users } from "@/db/schema";
import { recordAudit } from "@/lib/audit";
import { hashPassword, PASSWORD_MIN_LENGTH, verifyPassword } from "@/lib/auth/password";
import { sha256Hex } from "@/lib/crypto/hash";
import { NotFoundError, UnauthorizedError } from "@/lib/errors";
import { inputString, parseInput } from "@/lib/validation";

export const acceptInvitationSchema = z.object({
  name: inputString("Name", 100).optional().default(""),
  password: inputString("Password", 200, { trim: false }).min(PASSWORD_MIN_LENGTH, { message: `Password must be at least ${PASSWORD_MIN_LENGTH} characters.` }),
});

async function findOpenInvitation(token: string) {
  const db = await getDb();
  const [row] = await db
    .select({ invitation: invitations, org: organizations })
    .from(invitations)
    .innerJoin(organizations, eq(organizations.id, invitations.orgId))
    .where(
      and(eq(invitations.tokenHash, sha256Hex(token)), isNull(invitations.acceptedAt), isNull(invitations.revokedAt), gt(invitations.expiresAt, new Date())),
    );
  if (!row) throw new NotFoundError("Invitation");
  return row;
}

/** What the invite page shows before the invitee sets (or confirms) a password. */
export async function describeInvitation(token: string) {
  const { invitation, org } = await findOpenInvitation(token);
  const db = await getDb();
  const [user] = await db.select({ passwordHash: users.passwordHash }).from(users).where(eq(users.email, invitation.email));
  return { email: invitation.email, role: invitation.role, orgName: org.name, orgSlug: org.slug, hasAccount: Boolean(user?.passwordHash) };
}

/**
 * Accepts an invitation: a new person sets their password; someone who already has an account proves it
 * with theirs. Either way they become a member with the invited role, once.
 */
export async function acceptInvitation({ token, input }: { token: string; input: unknown }) {
  const { name, password } = parseInput(acceptInvitationSchema, input);
  const { invitation, org } = await findOpenInvitation(token);
  const db = await getDb();
  const [existing] = await db.select().from(users).where(eq(users.email, invitation.email));
  if (existing?.passwordHash && !(await verifyPassword(password, existing.passwordHash))) {
    throw new UnauthorizedError("That is not the password of this account.");
  }
  const newHash = existing?.passwordHash ? null : await hashPassword(password);
  return db.transaction(async (tx) => {
    // Claim the invitation first: a second accept racing this one finds it accepted and stops.
    const [claimed] = await tx
      .update(invitations)
      .set({ acceptedAt: new Date() })
      .where(and(eq(invitations.id, invitation.id), isNull(invitations.acceptedAt), isNull(invitations.revokedAt)))
      .returning();
    if (!claimed) throw new NotFoundError("Invitation");
    let user = existing;
    if (!user) {
      [user] = await tx.insert(users).values({ email: invitation.email, name, passwordHash: newHash }).returning();
    } else if (newHash) {
      await tx.update(users).set({ passwordHash: newHash, name: name || user.name }).where(eq(users.id, user.id));
    }
    const [membership] = await tx
      .insert(memberships)
      .values({ orgId: org.id, userId: user.id, role: invitation.role })
      .onConflictDoNothing()
      .returning();
    await recordAudit(
      tx,
      { org, actor: { type: "user", id: user.id, label: user.email } },
      { action: "member.joined", resourceType: "member", resourceId: membership?.id ?? null, after: { email: user.email, role: invitation.role } },
    );
    return { userId: user.id, email: user.email, orgSlug: org.slug };
  });
}
