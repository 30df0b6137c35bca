import { getDb } from "@/db/client";
import { requirePermission, type OrgContext } from "@/lib/tenancy/context";
import { getCampaignInOrg, toCampaign } from "./queries";
import { type Campaign } from "./schemas";

export async function getCampaign({ ctx, campaignId }: { ctx: OrgContext; campaignId: string }): Promise<Campaign> {
  requirePermission(ctx, "campaigns.read");
  const { campaign, page } = await getCampaignInOrg(await getDb(), ctx, campaignId);
  return toCampaign(campaign, page);
}
