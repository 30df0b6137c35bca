import { and, eq, ne } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { organizations, orgSlugRedirects } from "@/db/schema";
import { isLocale } from "@/lib/i18n/locales";
import { NotFoundError } from "@/lib/errors";
import { ORG_COLORS, type OrganizationSettings, type OrgColor } from "./schemas";

export type OrganizationRow = typeof organizations.$inferSelect;

export async function getOrganizationRow(tx: DbOrTx, orgId: string, options: { forUpdate?: boolean } = {}): Promise<OrganizationRow> {
  const query = tx.select().from(organizations).where(eq(organizations.id, orgId));
  const [row] = options.forUpdate ? await query.for("update") : await query;
  if (!row) throw new NotFoundError("orgs.errors.notFound");
  return row;
}

export function toOrganizationSettings(row: OrganizationRow): OrganizationSettings {
  return {
    id: row.id,
    name: row.name,
    slug: row.slug,
    color: (ORG_COLORS as readonly string[]).includes(row.color ?? "") ? (row.color as OrgColor) : null,
    timeZone: row.timeZone,
    defaultLocale: isLocale(row.defaultLocale) ? row.defaultLocale : "en",
    deleteAfter: row.deleteAfter?.toISOString() ?? null,
  };
}

/**
 * Whether `slug` is free for organisation `orgId` (or for a new one): no other organisation uses it, and no
 * other organisation's old links redirect from it (taking it would break their links, or send them here).
 */
export async function slugIsFree(tx: DbOrTx, slug: string, orgId?: string): Promise<boolean> {
  const [current] = await tx
    .select({ id: organizations.id })
    .from(organizations)
    .where(orgId ? and(eq(organizations.slug, slug), ne(organizations.id, orgId)) : eq(organizations.slug, slug))
    .limit(1);
  if (current) return false;
  const [redirect] = await tx
    .select({ orgId: orgSlugRedirects.orgId })
    .from(orgSlugRedirects)
    .where(orgId ? and(eq(orgSlugRedirects.oldSlug, slug), ne(orgSlugRedirects.orgId, orgId)) : eq(orgSlugRedirects.oldSlug, slug))
    .limit(1);
  return !redirect;
}
