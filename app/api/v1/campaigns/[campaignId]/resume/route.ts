import { pathId } from "@/lib/api/path-id";
import { json } from "@/lib/api/respond";
import { withOrg } from "@/lib/api/with-org";
import { resumeCampaign } from "@/lib/services/campaigns";

export const POST = withOrg<{ campaignId: string }>(async (_req, { ctx, params }) => json(await resumeCampaign({ ctx, campaignId: pathId(params.campaignId, "campaigns.errors.notFound") })), {
  permission: "campaigns.manage",
});
