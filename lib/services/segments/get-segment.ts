import { getDb } from "@/db/client";
import { requirePermission, type OrgContext } from "@/lib/tenancy/context";
import { countMatching, definitionOf, getSegmentInOrg, toSegment } from "./queries";
import type { Segment } from "./schemas";

/** One segment with its live count. */
export async function getSegment({ ctx, segmentId }: { ctx: OrgContext; segmentId: string }): Promise<Segment> {
  requirePermission(ctx, "segments.read");
  const db = await getDb();
  const row = await getSegmentInOrg(db, ctx.org.id, segmentId);
  return toSegment(row, await countMatching(db, ctx.org.id, definitionOf(row)));
}

/** The live count of a saved segment: how many contacts match now. */
export async function countSegment({ ctx, segmentId }: { ctx: OrgContext; segmentId: string }): Promise<number> {
  requirePermission(ctx, "segments.read");
  const db = await getDb();
  const row = await getSegmentInOrg(db, ctx.org.id, segmentId);
  return countMatching(db, ctx.org.id, definitionOf(row));
}
