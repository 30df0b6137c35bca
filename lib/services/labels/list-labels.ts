import { asc, eq, sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { labels } from "@/db/schema";
import { requirePermission, type OrgContext } from "@/lib/tenancy/context";
import { labelColumns, toLabel } from "./queries";
import type { Label } from "./schemas";

/**
 * Every label of the organisation, by name (an organisation has tens, not thousands: no paging). Everyone who
 * reads conversations sees them, to filter by and apply.
 */
export async function listLabels({ ctx }: { ctx: OrgContext }): Promise<Label[]> {
  requirePermission(ctx, "conversations.read");
  const db = await getDb();
  const rows = await db
    .select(labelColumns)
    .from(labels)
    .where(eq(labels.orgId, ctx.org.id))
    .orderBy(asc(sql`lower(${labels.name})`), asc(labels.id));
  return rows.map(toLabel);
}
