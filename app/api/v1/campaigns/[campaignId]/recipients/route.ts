import { pathId } from "@/lib/api/path-id";
import { json } from "@/lib/api/respond";
import { withOrg } from "@/lib/api/with-org";
import { listCampaignRecipients } from "@/lib/services/campaigns";
import { recipientQuerySchema } from "@/lib/services/campaigns/schemas";

export const GET = withOrg<{ campaignId: string }, typeof recipientQuerySchema>(
  async (_req, { ctx, params, query }) => {
    const campaignId = pathId(params.campaignId, "campaigns.errors.notFound");
    return json(await listCampaignRecipients({ ctx, campaignId, input: query }));
  },
  { permission: "campaigns.read", query: recipientQuerySchema },
);
