import { getDb, type DbOrTx } from "@/db/client";
import { memberships, organizations } from "@/db/schema";
import { recordAudit } from "@/lib/audit";
import { requireVerifiedEmail } from "@/lib/auth/email-verified";
import { isUniqueViolation } from "@/lib/errors";
import type { Locale } from "@/lib/i18n/locales";
import { parseInput } from "@/lib/validation";
import { createOrganizationSchema } from "./schemas";
import { slugIsFree } from "./queries";
import { slugify, withRandomSuffix } from "./slug";

export interface OrganizationSummary {
  id: string;
  name: string;
  slug: string;
}

/**
 * Inserts an organisation with `user` as its owner, inside `tx`. The slug gets a suffix when taken. Its default
 * language is the one its creator was using (a team signing up in Chinese gets a Chinese default for the
 * members it invites), else the column's default.
 */
export async function insertOrganizationWithOwner(
  tx: DbOrTx,
  user: { id: string; email: string },
  name: string,
  options: { preferredSlug?: string; defaultLocale?: Locale } = {},
): Promise<OrganizationSummary> {
  const { preferredSlug, defaultLocale } = options;
  let slug = preferredSlug ?? slugify(name);
  for (let attempt = 0; ; attempt++) {
    if (await slugIsFree(tx, slug)) break;
    if (attempt > 5) throw new Error("could not find a free organisation slug");
    slug = withRandomSuffix(slugify(name));
  }
  const [org] = await tx.insert(organizations).values({ name, slug, defaultLocale }).returning();
  await tx.insert(memberships).values({ orgId: org.id, userId: user.id, role: "owner" });
  await recordAudit(tx, { org, actor: { type: "user", id: user.id, label: user.email } }, {
    action: "organization.created",
    resourceId: org.id,
    after: { name, slug },
  });
  return { id: org.id, name: org.name, slug: org.slug };
}

export async function createOrganization({ user, input, locale }: { user: { id: string; email: string }; input: unknown; locale?: Locale }): Promise<OrganizationSummary> {
  const { name } = parseInput(createOrganizationSchema, input);
  await requireVerifiedEmail(user.id);
  const db = await getDb();
  try {
    return await db.transaction((tx) => insertOrganizationWithOwner(tx, user, name, { defaultLocale: locale }));
  } catch (error) {
    // Two creations raced for the same slug: the retry picks a suffixed one.
    if (isUniqueViolation(error)) return db.transaction((tx) => insertOrganizationWithOwner(tx, user, name, { preferredSlug: withRandomSuffix(slugify(name)), defaultLocale: locale }));
    throw error;
  }
}
