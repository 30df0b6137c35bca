import { and, desc, eq, isNull, type SQL } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { campaigns, channels, recurringTopics, segments } from "@/db/schema";
import { toCampaign } from "./queries";
import type { CampaignListItem } from "./schemas";

/**
 * Campaigns of an organisation as the campaigns area shows them (every kind, with its topic and segment by
 * name), newest first: the list's rows and the campaign page's summary read the same select.
 */
export async function fetchCampaignItems(db: DbOrTx, orgId: string, where: SQL | undefined, limit: number): Promise<CampaignListItem[]> {
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
    .where(and(eq(campaigns.orgId, orgId), isNull(campaigns.deletedAt), where))
    .orderBy(desc(campaigns.id))
    .limit(limit);
  return rows.map((r): CampaignListItem => {
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
}
