import { and, eq, lt } from "drizzle-orm";
import { getDb } from "@/db/client";
import { campaigns } from "@/db/schema";
import type { Page } from "@/lib/pagination";
import { requirePermission, type OrgContext } from "@/lib/tenancy/context";
import { parseInput } from "@/lib/validation";
import { fetchCampaignItems } from "./list-item-rows";
import { campaignListQuerySchema, type CampaignListItem, type CampaignListQuery } from "./schemas";

/**
 * The campaign list of every kind, newest first, optionally by channel, status and kind, with each campaign's
 * topic and segment by name. Counts come from the counters kept on each campaign row, so the answer costs the
 * same with a million tokens or deliveries stored as with none.
 */
export async function listCampaigns({ ctx, input = {} }: { ctx: OrgContext; input?: CampaignListQuery }): Promise<Page<CampaignListItem>> {
  requirePermission(ctx, "campaigns.read");
  const { cursor, limit, channelId, status, kind } = parseInput(campaignListQuerySchema, input);
  const rows = await fetchCampaignItems(
    await getDb(),
    ctx.org.id,
    and(
      channelId ? eq(campaigns.channelId, channelId) : undefined,
      status ? eq(campaigns.status, status) : undefined,
      kind ? eq(campaigns.kind, kind) : undefined,
      cursor ? lt(campaigns.id, cursor) : undefined,
    ),
    limit + 1,
  );
  const data = rows.slice(0, limit);
  return { data, nextCursor: rows.length > limit ? data[data.length - 1].id : null };
}
