import { eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { users } from "@/db/schema";
import { findOpenInvitation } from "./open-invitation";

/** What the invite page shows: whether the invitee signs in (has an account) or chooses a password. */
export async function describeInvitation(token: string) {
  const { invitation, org } = await findOpenInvitation(token);
  const db = await getDb();
  const [user] = await db.select({ id: users.id, passwordHash: users.passwordHash }).from(users).where(eq(users.email, invitation.email));
  return {
    email: invitation.email,
    role: invitation.role,
    orgName: org.name,
    orgSlug: org.slug,
    hasAccount: Boolean(user?.passwordHash),
    accountId: user?.passwordHash ? user.id : null,
  };
}
