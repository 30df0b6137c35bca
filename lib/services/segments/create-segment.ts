import { getDb } from "@/db/client";
import { segments } from "@/db/schema";
import { recordAudit } from "@/lib/audit";
import { requirePermission, type OrgContext } from "@/lib/tenancy/context";
import { parseInput } from "@/lib/validation";
import { countMatching, nameTaken, toSegment } from "./queries";
import { assertReferencesInOrg } from "./references";
import { segmentInputSchema, type Segment } from "./schemas";

/** Saves a segment whose every label, channel and campaign is the organisation's; answers with its live count. */
export async function createSegment({ ctx, input }: { ctx: OrgContext; input: unknown }): Promise<Segment> {
  requirePermission(ctx, "segments.manage");
  const data = parseInput(segmentInputSchema, input);
  const db = await getDb();
  const row = await db
    .transaction(async (tx) => {
      await assertReferencesInOrg(tx, ctx.org.id, data.definition);
      const [created] = await tx.insert(segments).values({ orgId: ctx.org.id, name: data.name, definition: data.definition, createdBy: ctx.actor.label }).returning();
      await recordAudit(tx, ctx, { action: "segment.created", resourceId: created.id, after: data });
      return created;
    })
    .catch((error) => nameTaken(error, data.name));
  return toSegment(row, await countMatching(db, ctx.org.id, data.definition));
}
