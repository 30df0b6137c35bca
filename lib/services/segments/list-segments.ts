import { and, asc, eq, isNull, sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { segments } from "@/db/schema";
import { requirePermission, type OrgContext } from "@/lib/tenancy/context";
import { countMatching, definitionOf, toSegment } from "./queries";
import type { Segment } from "./schemas";

/**
 * Every segment of the organisation by name, each with its live count (an organisation keeps tens of
 * segments, not thousands: no paging; one count query per segment).
 */
export async function listSegments({ ctx }: { ctx: OrgContext }): Promise<Segment[]> {
  requirePermission(ctx, "segments.read");
  const db = await getDb();
  const rows = await db
    .select()
    .from(segments)
    .where(and(eq(segments.orgId, ctx.org.id), isNull(segments.deletedAt)))
    .orderBy(asc(sql`lower(${segments.name})`), asc(segments.id));
  return Promise.all(rows.map(async (row) => toSegment(row, await countMatching(db, ctx.org.id, definitionOf(row)))));
}
