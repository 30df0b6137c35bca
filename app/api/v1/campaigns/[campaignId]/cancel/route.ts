import { pathId } from "@/lib/api/path-id";
import { json } from "@/lib/api/respond";
import { withOrg } from "@/lib/api/with-org";
import { cancelCampaign } from "@/lib/services/campaigns";

export const POST = withOrg<{ campaignId: string }>(async (_req, { ctx, params }) => json(await cancelCampaign({ ctx, campaignId: pathId(params.campaignId, "campaigns.errors.notFound") })), {
  permission: "campaigns.manage",
});
