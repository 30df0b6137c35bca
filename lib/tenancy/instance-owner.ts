import { eq } from "drizzle-orm";
import { getDb, type DbOrTx } from "@/db/client";
import { instanceOwners, users } from "@/db/schema";
import { NotFoundError } from "@/lib/errors";
import { logger } from "@/lib/observability/logger";

/**
 * Instance owners run the installation itself. Where a page says so (Settings → Workflows, the outbox) they
 * see every organisation's records. They are marked by user id, only by the operator command
 * (`npm run admin:grant-owner -- <email>`): an email address alone never makes anyone an instance owner.
 */
export async function isInstanceOwner(userId: string | null | undefined, db?: DbOrTx): Promise<boolean> {
  if (!userId) return false;
  const [row] = await (db ?? (await getDb())).select({ userId: instanceOwners.userId }).from(instanceOwners).where(eq(instanceOwners.userId, userId));
  return Boolean(row);
}

/** For instance-owner pages and endpoints: everyone else gets the same 404 as for a page that does not exist. */
export async function requireInstanceOwner(user: { id: string } | null): Promise<void> {
  if (!user || !(await isInstanceOwner(user.id))) throw new NotFoundError("errors.pageNotFound");
}

export type OwnerChange = { email: string; changed: boolean };

/**
 * Marks the account with this email as an instance owner. Refuses an account whose email is not verified:
 * whoever signed up first with an address must not inherit the operator's trust in that address.
 */
export async function grantInstanceOwner(db: DbOrTx, emailInput: string): Promise<OwnerChange> {
  const email = emailInput.trim().toLowerCase();
  const [user] = await db.select().from(users).where(eq(users.email, email));
  if (!user) throw new Error(`No account has the email ${email}. Sign up first, verify the email, then run this again.`);
  if (!user.emailVerifiedAt) throw new Error(`${email} has not verified its email address yet. Verify it first (the link in the verification email), then run this again.`);
  const inserted = await db.insert(instanceOwners).values({ userId: user.id }).onConflictDoNothing().returning();
  return { email, changed: inserted.length > 0 };
}

export async function revokeInstanceOwner(db: DbOrTx, emailInput: string): Promise<OwnerChange> {
  const email = emailInput.trim().toLowerCase();
  const [user] = await db.select().from(users).where(eq(users.email, email));
  if (!user) throw new Error(`No account has the email ${email}.`);
  const deleted = await db.delete(instanceOwners).where(eq(instanceOwners.userId, user.id)).returning();
  return { email, changed: deleted.length > 0 };
}

/** INSTANCE_OWNER_EMAILS trusted an address anyone could sign up with first; it is ignored now, and says so. */
export function warnIfInstanceOwnerEmailsSet(env: Record<string, string | undefined> = process.env): void {
  if (env.INSTANCE_OWNER_EMAILS) {
    logger().warn("INSTANCE_OWNER_EMAILS is ignored: grant instance owners with `npm run admin:grant-owner -- <email>` (see README).");
  }
}
