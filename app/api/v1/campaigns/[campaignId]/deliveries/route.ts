import { pathId } from "@/lib/api/path-id";
import { json } from "@/lib/api/respond";
import { withOrg } from "@/lib/api/with-org";
import { deliveryQuerySchema, listCampaignDeliveries } from "@/lib/services/campaigns";

export const GET = withOrg<{ campaignId: string }, typeof deliveryQuerySchema>(
  async (_req, { ctx, params, query }) => {
    const campaignId = pathId(params.campaignId, "campaigns.errors.notFound");
    return json(await listCampaignDeliveries({ ctx, campaignId, input: query }));
  },
  { permission: "campaigns.read", query: deliveryQuerySchema },
);
