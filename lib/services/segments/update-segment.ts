import { and, eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { segments } from "@/db/schema";
import { recordAudit } from "@/lib/audit";
import { requirePermission, type OrgContext } from "@/lib/tenancy/context";
import { parseInput } from "@/lib/validation";
import { countMatching, definitionOf, getSegmentInOrg, nameTaken, toSegment } from "./queries";
import { assertReferencesInOrg } from "./references";
import { segmentUpdateSchema, type Segment } from "./schemas";

/**
 * Renames a segment or replaces its definition. A campaign targeting it is sent to whoever matches the
 * definition current when its sender claims them.
 */
export async function updateSegment({ ctx, segmentId, input }: { ctx: OrgContext; segmentId: string; input: unknown }): Promise<Segment> {
  requirePermission(ctx, "segments.manage");
  const data = parseInput(segmentUpdateSchema, input);
  const db = await getDb();
  const row = await db
    .transaction(async (tx) => {
      const before = await getSegmentInOrg(tx, ctx.org.id, segmentId);
      if (data.definition) await assertReferencesInOrg(tx, ctx.org.id, data.definition);
      const [after] = await tx
        .update(segments)
        .set({ ...(data.name !== undefined ? { name: data.name } : {}), ...(data.definition ? { definition: data.definition } : {}) })
        .where(and(eq(segments.orgId, ctx.org.id), eq(segments.id, segmentId)))
        .returning();
      await recordAudit(tx, ctx, { action: "segment.updated", resourceId: segmentId, before: { name: before.name, definition: before.definition }, after: data });
      return after;
    })
    .catch((error) => nameTaken(error, data.name ?? ""));
  return toSegment(row, await countMatching(db, ctx.org.id, definitionOf(row)));
}
