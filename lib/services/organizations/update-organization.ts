import { and, eq, sql } from "drizzle-orm";
import { getDb, type Tx } from "@/db/client";
import { organizations, orgSlugRedirects } from "@/db/schema";
import { recordAudit } from "@/lib/audit";
import { isUniqueViolation, ValidationError } from "@/lib/errors";
import { logError } from "@/lib/log-error";
import { rebuildReportDays } from "@/lib/services/reports";
import { requirePermission, type OrgContext } from "@/lib/tenancy/context";
import { parseInput } from "@/lib/validation";
import { getOrganizationRow, slugIsFree, toOrganizationSettings } from "./queries";
import { updateOrganizationSchema, type OrganizationSettings } from "./schemas";

const FIELDS = ["name", "slug", "color", "timeZone", "defaultLocale"] as const;

/**
 * Renames the organisation or changes its slug, colour, time zone or default language (owners and admins).
 * A new slug leaves the old one behind as a redirect, so bookmarks and shared links keep working for members.
 * A new time zone moves the reports' day layer to it afterwards, in a transaction of its own (see rebuildReportDays).
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
      // The database must know the zone too: reports and their rollups turn instants into its days.
      if (changed.includes("timeZone")) await assertDatabaseKnowsZone(tx, changes.timeZone!);
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
    if (changes.timeZone !== undefined) {
      // A no-op when the zone did not change. Reports heal a layer left in the old zone themselves: a failure
      // here costs only the first report's speed.
      await rebuildReportDays(row.id).catch((error) => logError("organization: moving the reports' day layer to the new time zone failed", error, "warn"));
    }
    return toOrganizationSettings(row);
  } catch (error) {
    // Another organisation took the slug between our check and our write.
    if (isUniqueViolation(error) && changes.slug !== undefined) throw ValidationError.forField("slug", "orgSettings.errors.slugTaken", { slug: changes.slug });
    throw error;
  }
}

/** PostgreSQL's and the runtime's zone databases differ at the edges: a zone only one of them knows is refused. */
async function assertDatabaseKnowsZone(tx: Tx, zone: string) {
  try {
    await tx.execute(sql`select now() at time zone ${zone}`);
  } catch {
    throw ValidationError.forField("timeZone", "orgSettings.errors.timeZone");
  }
}
