import { json } from "@/lib/api/respond";
import { readJson, withOrg } from "@/lib/api/with-org";
import { listCampaigns } from "@/lib/services/campaigns";
import { createCampaign } from "@/lib/services/campaigns";
import { campaignListQuerySchema } from "@/lib/services/campaigns/schemas";

export const GET = withOrg(async (_req, { ctx, query }) => json(await listCampaigns({ ctx, input: query })), {
  permission: "campaigns.read",
  query: campaignListQuerySchema,
});

export const POST = withOrg(async (req, { ctx }) => json(await createCampaign({ ctx, input: await readJson(req) }), 201), {
  permission: "campaigns.manage",
});
