import { and, eq, inArray, isNull } from "drizzle-orm";
import { getDb } from "@/db/client";
import { campaigns, segments } from "@/db/schema";
import { recordAudit } from "@/lib/audit";
import { ConflictError } from "@/lib/errors";
import { requirePermission, type OrgContext } from "@/lib/tenancy/context";
import { getSegmentInOrg } from "./queries";

/** Campaigns that will still send (or resume sending) to their segment. */
const UNSENT = ["draft", "scheduled", "sending", "paused"] as const;

/**
 * Soft-deletes a segment (sent campaigns keep pointing at it). Refused while a campaign not yet sent targets
 * it: that campaign would otherwise silently go to nobody, or to everyone.
 */
export async function deleteSegment({ ctx, segmentId }: { ctx: OrgContext; segmentId: string }): Promise<void> {
  requirePermission(ctx, "segments.manage");
  const db = await getDb();
  await db.transaction(async (tx) => {
    const before = await getSegmentInOrg(tx, ctx.org.id, segmentId);
    const [user] = await tx
      .select({ id: campaigns.id })
      .from(campaigns)
      .where(and(eq(campaigns.orgId, ctx.org.id), eq(campaigns.segmentId, segmentId), inArray(campaigns.status, [...UNSENT]), isNull(campaigns.deletedAt)))
      .limit(1);
    if (user) throw new ConflictError("segments.errors.inUse");
    await tx
      .update(segments)
      .set({ deletedAt: new Date() })
      .where(and(eq(segments.orgId, ctx.org.id), eq(segments.id, segmentId)));
    await recordAudit(tx, ctx, { action: "segment.deleted", resourceId: segmentId, before: { name: before.name, definition: before.definition } });
  });
}
