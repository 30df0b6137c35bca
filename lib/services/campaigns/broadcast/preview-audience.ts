import { getDb } from "@/db/client";
import { getChannelInOrg } from "@/lib/services/channels";
import { getSegmentInOrg } from "@/lib/services/segments";
import { requirePermission, type OrgContext } from "@/lib/tenancy/context";
import { parseInput } from "@/lib/validation";
import { countAudience } from "./audience";
import { kindAvailability } from "./availability";
import { audiencePreviewQuerySchema, type AudiencePreview } from "./schemas";
import { assertSendableTopic } from "./topic";

/**
 * How many people a recurring or marketing campaign would reach if it started now — the same select planning
 * inserts, so the number shown before sending is the number planned (and sent to when nothing fails) — and whether
 * the channel may send that kind at all (with the reason when not). `now` for tests.
 */
export async function previewBroadcastAudience({ ctx, input, now = new Date() }: { ctx: OrgContext; input: unknown; now?: Date }): Promise<AudiencePreview> {
  requirePermission(ctx, "campaigns.read");
  const query = parseInput(audiencePreviewQuerySchema, input);
  const db = await getDb();
  const channel = await getChannelInOrg(db, ctx, query.channelId);
  if (query.segmentId) await getSegmentInOrg(db, ctx.org.id, query.segmentId);
  if (query.kind === "recurring" && query.topicId) await assertSendableTopic(db, ctx.org.id, channel.id, query.topicId, { registered: false });
  const recipients = await countAudience(
    db,
    { orgId: ctx.org.id, channelId: channel.id, kind: query.kind, topicId: query.topicId ?? null, segmentId: query.segmentId ?? null },
    now,
  );
  return {
    kind: query.kind,
    channelId: channel.id,
    topicId: query.kind === "recurring" ? (query.topicId ?? null) : null,
    segmentId: query.segmentId ?? null,
    recipients,
    availability: kindAvailability(channel, query.kind, now),
  };
}
