import { eq, sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { memberships, organizations, users } from "@/db/schema";
import { NotFoundError } from "@/lib/errors";
import type { Locale } from "@/lib/i18n/locales";
import { insertOrganizationWithOwner } from "@/lib/services/organizations";
import { consumeEmailToken } from "./email-tokens";

/**
 * Uses a verification link: marks the address verified (if it is still the account's address) and, for a
 * sign-up, creates the organisation chosen then (its default language the one the link was opened in). Single use; an expired or used link answers NotFound.
 */
export async function verifyEmail({ token, locale }: { token: string; locale?: Locale }): Promise<{ userId: string; email: string; orgSlug: string | null }> {
  const db = await getDb();
  return db.transaction(async (tx) => {
    const record = await consumeEmailToken(tx, token, "verify_email");
    if (!record) throw new NotFoundError("verify.errors.linkNotFound");
    const [user] = await tx.select().from(users).where(eq(users.id, record.userId));
    if (!user || user.email !== record.email) throw new NotFoundError("verify.errors.linkNotFound");
    await tx.update(users).set({ emailVerifiedAt: sql`coalesce(${users.emailVerifiedAt}, now())` }).where(eq(users.id, user.id));
    const [first] = await tx
      .select({ slug: organizations.slug })
      .from(memberships)
      .innerJoin(organizations, eq(organizations.id, memberships.orgId))
      .where(eq(memberships.userId, user.id))
      .limit(1);
    if (first) return { userId: user.id, email: user.email, orgSlug: first.slug };
    const name = typeof record.data.organizationName === "string" ? record.data.organizationName : null;
    const org = name ? await insertOrganizationWithOwner(tx, user, name, { defaultLocale: locale }) : null;
    return { userId: user.id, email: user.email, orgSlug: org?.slug ?? null };
  });
}
