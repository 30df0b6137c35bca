import { eq } from "drizzle-orm";
import { getServerSession } from "next-auth";
import { cache } from "react";
import { getDb } from "@/db/client";
import { users } from "@/db/schema";
import { authOptions } from "./options";

export interface SessionUser {
  id: string;
  email: string;
  name: string;
}

/**
 * The signed-in user from the session cookie, or null. The account is re-read on every request: a session
 * minted before the account's last password change or reset (an older `sessionVersion`) is signed out, and
 * the name and email are the account's current ones, not those of sign-in time. Membership is checked
 * separately, per organisation. Memoised per server render (layout and page ask once).
 */
export const getSessionUser = cache(async (): Promise<SessionUser | null> => {
  const session = await getServerSession(authOptions);
  const claims = session?.user as { id?: string; sv?: number } | undefined;
  if (!claims?.id) return null;
  const db = await getDb();
  const [account] = await db
    .select({ id: users.id, email: users.email, name: users.name, sessionVersion: users.sessionVersion })
    .from(users)
    .where(eq(users.id, claims.id));
  // Tokens minted before session generations existed carry none: they count as the first generation.
  if (!account || account.sessionVersion !== (claims.sv ?? 0)) return null;
  return { id: account.id, email: account.email, name: account.name };
});
