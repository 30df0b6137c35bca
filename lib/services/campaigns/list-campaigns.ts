import { and, desc, eq, isNull, lt } from "drizzle-orm";
import { getDb } from "@/db/client";
import { campaigns, channels, recurringTopics, segments } from "@/db/schema";
import type { Page } from "@/lib/pagination";
import { requirePermission, type OrgContext } from "@/lib/tenancy/context";
import { parseInput } from "@/lib/validation";
import { toCampaign } from "./queries";
import { campaignListQuerySchema, type CampaignListItem, type CampaignListQuery } from "./schemas";

/**
 * The campaign list of every kind, newest first, optionally by channel, status and kind, with each campaign's
 * topic and segment by name. Counts come from the counters kept on each campaign row, so the answer costs the
 * same with a million tokens or deliveries stored as with none.
 */
export async function listCampaigns({ ctx, input = {} }: { ctx: OrgContext; input?: CampaignListQuery }): Promise<Page<CampaignListItem>> {
  requirePermission(ctx, "campaigns.read");
  const { cursor, limit, channelId, status, kind } = parseInput(campaignListQuerySchema, input);
  const db = await getDb();
  const rows = await db
    .select({
      campaign: campaigns,
      pageId: channels.pageId,
      pageUsername: channels.pageUsername,
      topicTitle: recurringTopics.title,
      topicCadence: recurringTopics.cadence,
      segmentName: segments.name,
    })
    .from(campaigns)
    .innerJoin(channels, eq(channels.id, campaigns.channelId))
    // Both belong to the campaign's organisation (the services check it when they are set); the org condition
    // repeats it so a row can never name another tenant's topic or segment.
    .leftJoin(recurringTopics, and(eq(recurringTopics.id, campaigns.topicId), eq(recurringTopics.orgId, campaigns.orgId)))
    .leftJoin(segments, and(eq(segments.id, campaigns.segmentId), eq(segments.orgId, campaigns.orgId)))
    .where(
      and(
        eq(campaigns.orgId, ctx.org.id),
        isNull(campaigns.deletedAt),
        channelId ? eq(campaigns.channelId, channelId) : undefined,
        status ? eq(campaigns.status, status) : undefined,
        kind ? eq(campaigns.kind, kind) : undefined,
        cursor ? lt(campaigns.id, cursor) : undefined,
      ),
    )
    .orderBy(desc(campaigns.id))
    .limit(limit + 1);
  const data = rows.slice(0, limit).map((r): CampaignListItem => {
    const c = r.campaign;
    const base = toCampaign(c, { pageId: r.pageId, pageUsername: r.pageUsername });
    return {
      ...base,
      kind: c.kind,
      topic: c.topicId && r.topicTitle !== null && r.topicCadence !== null ? { id: c.topicId, title: r.topicTitle, cadence: r.topicCadence } : null,
      segment: c.segmentId && r.segmentName !== null ? { id: c.segmentId, name: r.segmentName } : null,
      localSendTime: c.localSendTime,
      budget: (c.budget as CampaignListItem["budget"]) ?? null,
      counts: { ...base.counts, held: c.held },
    };
  });
  return { data, nextCursor: rows.length > limit ? data[data.length - 1].id : null };
}
