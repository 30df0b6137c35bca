import { readQuery } from "@/lib/api/query";
import { json } from "@/lib/api/respond";
import { readJson, withOrg } from "@/lib/api/with-org";
import { listCampaigns } from "@/lib/services/campaigns";
import { createCampaign } from "@/lib/services/campaigns";
import { campaignListQuerySchema } from "@/lib/services/campaigns/schemas";

export const GET = withOrg(async (req, { ctx }) => json(await listCampaigns({ ctx, input: readQuery(req, campaignListQuerySchema) })), {
  permission: "campaigns.read",
});

export const POST = withOrg(async (req, { ctx }) => json(await createCampaign({ ctx, input: await readJson(req) }), 201), {
  permission: "campaigns.manage",
});
