import { pathId } from "@/lib/api/path-id";
import { readQuery } from "@/lib/api/query";
import { json } from "@/lib/api/respond";
import { withOrg } from "@/lib/api/with-org";
import { listCampaignRecipients } from "@/lib/services/campaigns";
import { recipientQuerySchema } from "@/lib/services/campaigns/schemas";

export const GET = withOrg<{ campaignId: string }>(
  async (req, { ctx, params }) => {
    const campaignId = pathId(params.campaignId, "campaigns.errors.notFound");
    return json(await listCampaignRecipients({ ctx, campaignId, input: readQuery(req, recipientQuerySchema) }));
  },
  { permission: "campaigns.read" },
);
