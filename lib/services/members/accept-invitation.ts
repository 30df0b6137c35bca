import { and, eq, isNull } from "drizzle-orm";
import { getDb } from "@/db/client";
import { invitations, memberships, users } from "@/db/schema";
import { recordAudit } from "@/lib/audit";
import { hashPassword } from "@/lib/auth/password";
import { ConflictError, ForbiddenError, isUniqueViolation, NotFoundError, UnauthorizedError } from "@/lib/errors";
import { parseInput } from "@/lib/validation";
import { findOpenInvitation } from "./open-invitation";
import { acceptInvitationSchema } from "./schemas";

/**
 * Accepts an invitation. Someone who already has an account joins only while signed in as the invited
 * email: this path never looks at a password, so it cannot be used to guess one (sign-in, with its limits,
 * is the only place passwords are checked). A new person chooses a password; the link reached them at the
 * invited address, so their email counts as verified. Either way they become a member once.
 */
export async function acceptInvitation({ token, user: sessionUser, input }: { token: string; user: { id: string } | null; input: unknown }) {
  const { invitation, org } = await findOpenInvitation(token);
  const db = await getDb();
  const [existing] = await db.select().from(users).where(eq(users.email, invitation.email));
  let newAccount: { name: string; passwordHash: string } | null = null;
  if (existing?.passwordHash) {
    if (!sessionUser || sessionUser.id !== existing.id) throw new UnauthorizedError("invite.errors.signInAsInvited");
    if (!existing.emailVerifiedAt) throw new ForbiddenError("auth.errors.verifyEmailFirst");
  } else {
    const { name, password } = parseInput(acceptInvitationSchema, input);
    newAccount = { name, passwordHash: await hashPassword(password) };
  }
  try {
    return await db.transaction(async (tx) => {
      // Claim the invitation first: a second accept racing this one finds it accepted and stops.
      const [claimed] = await tx
        .update(invitations)
        .set({ acceptedAt: new Date() })
        .where(and(eq(invitations.id, invitation.id), isNull(invitations.acceptedAt), isNull(invitations.revokedAt)))
        .returning();
      if (!claimed) throw new NotFoundError("invite.errors.notFound");
      let user = existing;
      if (!user) {
        [user] = await tx.insert(users).values({ email: invitation.email, name: newAccount!.name, passwordHash: newAccount!.passwordHash, emailVerifiedAt: new Date() }).returning();
      } else if (newAccount) {
        // Only when the account has no password yet (the update re-checks it, so a racing sign-up is not overwritten).
        const [updated] = await tx
          .update(users)
          .set({ passwordHash: newAccount.passwordHash, name: newAccount.name || user.name, emailVerifiedAt: new Date() })
          .where(and(eq(users.id, user.id), isNull(users.passwordHash)))
          .returning();
        if (!updated) throw new UnauthorizedError("invite.errors.signInAsInvited");
        user = updated;
      }
      const [membership] = await tx
        .insert(memberships)
        .values({ orgId: org.id, userId: user.id, role: invitation.role })
        .onConflictDoNothing()
        .returning();
      await recordAudit(
        tx,
        { org, actor: { type: "user", id: user.id, label: user.email } },
        { action: "member.joined", resourceId: membership?.id ?? null, after: { email: user.email, role: invitation.role } },
      );
      return { userId: user.id, email: user.email, orgSlug: org.slug, newAccount: Boolean(newAccount) };
    });
  } catch (error) {
    // Someone signed up with the invited address between our read and the insert: they must sign in.
    if (isUniqueViolation(error, "users_email_key")) throw new ConflictError("auth.errors.emailTaken");
    throw error;
  }
}
