import { eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { campaigns } from "@/db/schema";
import { NotFoundError } from "@/lib/errors";
import { requirePermission, type OrgContext } from "@/lib/tenancy/context";
import { fetchCampaignItems } from "./list-item-rows";
import type { CampaignListItem } from "./schemas";

/** One campaign as the list shows it (kind, topic and segment by name, schedule, counts); another organisation's is NotFound. */
export async function getCampaignSummary({ ctx, campaignId }: { ctx: OrgContext; campaignId: string }): Promise<CampaignListItem> {
  requirePermission(ctx, "campaigns.read");
  const [item] = await fetchCampaignItems(await getDb(), ctx.org.id, eq(campaigns.id, campaignId), 1);
  if (!item) throw new NotFoundError("campaigns.errors.notFound");
  return item;
}
