import { and, desc, eq, gt, isNull, sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { emailTokens, users } from "@/db/schema";
import { NotFoundError } from "@/lib/errors";
import type { Role } from "@/lib/permissions";
import { listUserOrganizations } from "@/lib/services/organizations";

export interface AccountOverview {
  name: string;
  email: string;
  /** The address a change was asked for and its link not yet used (null when none is open). */
  pendingEmail: string | null;
  organizations: { name: string; slug: string; role: Role }[];
}

/** What the profile page shows: the account, a pending address change, and the user's organisations. */
export async function getAccount(userId: string): Promise<AccountOverview> {
  const db = await getDb();
  const [[account], [pending], organizations] = await Promise.all([
    db.select({ name: users.name, email: users.email }).from(users).where(eq(users.id, userId)),
    db
      .select({ email: emailTokens.email })
      .from(emailTokens)
      .where(and(eq(emailTokens.userId, userId), eq(emailTokens.purpose, "change_email"), isNull(emailTokens.usedAt), gt(emailTokens.expiresAt, sql`now()`)))
      .orderBy(desc(emailTokens.createdAt))
      .limit(1),
    listUserOrganizations(userId),
  ]);
  if (!account) throw new NotFoundError("verify.errors.accountNotFound");
  return { ...account, pendingEmail: pending?.email ?? null, organizations: organizations.map(({ name, slug, role }) => ({ name, slug, role })) };
}
