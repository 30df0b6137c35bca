import { and, desc, eq, isNull, lt } from "drizzle-orm";
import { getDb } from "@/db/client";
import { campaigns, channels } from "@/db/schema";
import type { Page } from "@/lib/pagination";
import { requirePermission, type OrgContext } from "@/lib/tenancy/context";
import { parseInput } from "@/lib/validation";
import { toCampaign } from "./queries";
import { campaignListQuerySchema, type Campaign, type CampaignListQuery } from "./schemas";

/**
 * The campaign list, newest first, optionally by channel and status. Counts come from the counters kept on
 * each campaign row, so the answer costs the same with a million tokens stored as with none.
 */
export async function listCampaigns({ ctx, input = {} }: { ctx: OrgContext; input?: CampaignListQuery }): Promise<Page<Campaign>> {
  requirePermission(ctx, "campaigns.read");
  const { cursor, limit, channelId, status, kind } = parseInput(campaignListQuerySchema, input);
  const db = await getDb();
  const rows = await db
    .select({ campaign: campaigns, pageId: channels.pageId, pageUsername: channels.pageUsername })
    .from(campaigns)
    .innerJoin(channels, eq(channels.id, campaigns.channelId))
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
  const data = rows.slice(0, limit).map((r) => toCampaign(r.campaign, { pageId: r.pageId, pageUsername: r.pageUsername }));
  return { data, nextCursor: rows.length > limit ? data[data.length - 1].id : null };
}
