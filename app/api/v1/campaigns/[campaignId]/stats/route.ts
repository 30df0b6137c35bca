import { pathId } from "@/lib/api/path-id";
import { json } from "@/lib/api/respond";
import { withOrg } from "@/lib/api/with-org";
import { getCampaignStats } from "@/lib/services/campaigns";

export const GET = withOrg<{ campaignId: string }>(async (_req, { ctx, params }) => json(await getCampaignStats({ ctx, campaignId: pathId(params.campaignId, "campaigns.errors.notFound") })), {
  permission: "campaigns.read",
});
