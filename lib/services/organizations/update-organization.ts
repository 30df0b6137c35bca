import { and, eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { organizations, orgSlugRedirects } from "@/db/schema";
import { recordAudit } from "@/lib/audit";
import { isUniqueViolation, ValidationError } from "@/lib/errors";
import { requirePermission, type OrgContext } from "@/lib/tenancy/context";
import { parseInput } from "@/lib/validation";
import { getOrganizationRow, slugIsFree, toOrganizationSettings } from "./queries";
import { updateOrganizationSchema, type OrganizationSettings } from "./schemas";

const FIELDS = ["name", "slug", "color", "timeZone", "defaultLocale"] as const;

/**
 * Renames the organisation or changes its slug, colour, time zone or default language (owners and admins).
 * A new slug leaves the old one behind as a redirect, so bookmarks and shared links keep working for members.
 */
export async function updateOrganization({ ctx, input }: { ctx: OrgContext; input: unknown }): Promise<OrganizationSettings> {
  const changes = parseInput(updateOrganizationSchema, input);
  requirePermission(ctx, "organization.manage");
  const db = await getDb();
  try {
    const row = await db.transaction(async (tx) => {
      const before = await getOrganizationRow(tx, ctx.org.id, { forUpdate: true });
      const changed = FIELDS.filter((field) => changes[field] !== undefined && changes[field] !== before[field]);
      if (changed.length === 0) return before;
      const set = Object.fromEntries(changed.map((field) => [field, changes[field]]));
      if (changes.slug !== undefined && changed.includes("slug")) {
        if (!(await slugIsFree(tx, changes.slug, before.id))) throw ValidationError.forField("slug", "orgSettings.errors.slugTaken", { slug: changes.slug });
        // Taking back one of our own old slugs ends that redirect; the slug we leave becomes one.
        await tx.delete(orgSlugRedirects).where(and(eq(orgSlugRedirects.oldSlug, changes.slug), eq(orgSlugRedirects.orgId, before.id)));
        await tx.insert(orgSlugRedirects).values({ oldSlug: before.slug, orgId: before.id });
      }
      const [after] = await tx.update(organizations).set(set).where(eq(organizations.id, before.id)).returning();
      await recordAudit(tx, ctx, {
        action: "organization.updated",
        resourceId: before.id,
        before: Object.fromEntries(changed.map((field) => [field, before[field]])),
        after: Object.fromEntries(changed.map((field) => [field, after[field]])),
      });
      return after;
    });
    return toOrganizationSettings(row);
  } catch (error) {
    // Another organisation took the slug between our check and our write.
    if (isUniqueViolation(error) && changes.slug !== undefined) throw ValidationError.forField("slug", "orgSettings.errors.slugTaken", { slug: changes.slug });
    throw error;
  }
}
