import { and, eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { memberships, organizations, orgSlugRedirects } from "@/db/schema";

/**
 * Where an old slug leads now, for this user: the organisation's current slug when they are a member who may
 * still open it (an organisation scheduled for deletion is its owners' only), else null. Everyone else gets
 * null too, so an old slug answers as any unknown one does and reveals nothing.
 */
export async function resolveSlugRedirect({ userId, slug }: { userId: string; slug: string }): Promise<string | null> {
  const db = await getDb();
  const [row] = await db
    .select({ slug: organizations.slug, role: memberships.role, deleteAfter: organizations.deleteAfter })
    .from(orgSlugRedirects)
    .innerJoin(organizations, eq(organizations.id, orgSlugRedirects.orgId))
    .innerJoin(memberships, and(eq(memberships.orgId, organizations.id), eq(memberships.userId, userId)))
    .where(eq(orgSlugRedirects.oldSlug, slug))
    .limit(1);
  if (!row) return null;
  if (row.deleteAfter && row.role !== "owner") return null;
  return row.slug;
}
