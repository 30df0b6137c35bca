import { getDb } from "@/db/client";
import { RateLimitedError } from "@/lib/errors";
import { hitRateLimit } from "@/lib/rate-limit";
import { requirePermission, type OrgContext } from "@/lib/tenancy/context";
import { parseInput } from "@/lib/validation";
import { countMatching } from "./queries";
import { assertReferencesInOrg } from "./references";
import { SEGMENT_PREVIEWS_PER_MINUTE, segmentPreviewSchema } from "./schemas";

/**
 * The live count of an unsaved definition, for the form as it is edited. Each call is a count over the
 * organisation's contacts, so it is limited per member (counters in the database's rate_limits table, which
 * expire: memory stays bounded however many members preview).
 */
export async function previewSegment({ ctx, input }: { ctx: OrgContext; input: unknown }): Promise<{ contactCount: number }> {
  requirePermission(ctx, "segments.manage");
  const { definition } = parseInput(segmentPreviewSchema, input);
  const window = await hitRateLimit(`segments.preview:${ctx.org.id}:${ctx.actor.type}:${ctx.actor.id ?? ctx.actor.label}`, 60);
  if (window.count > SEGMENT_PREVIEWS_PER_MINUTE) throw new RateLimitedError("segments.errors.previewRateLimited", window.resetInSeconds);
  const db = await getDb();
  await assertReferencesInOrg(db, ctx.org.id, definition);
  return { contactCount: await countMatching(db, ctx.org.id, definition) };
}
