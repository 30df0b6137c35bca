import { pathId } from "@/lib/api/path-id";
import { json, noContent } from "@/lib/api/respond";
import { readJson, withOrg } from "@/lib/api/with-org";
import { deleteCampaign, updateCampaign } from "@/lib/services/campaigns";
import { getCampaign } from "@/lib/services/campaigns";

type Params = { campaignId: string };

export const GET = withOrg<Params>(async (_req, { ctx, params }) => json(await getCampaign({ ctx, campaignId: pathId(params.campaignId, "campaigns.errors.notFound") })), {
  permission: "campaigns.read",
});

export const PATCH = withOrg<Params>(
  async (req, { ctx, params }) => {
    const campaignId = pathId(params.campaignId, "campaigns.errors.notFound");
    return json(await updateCampaign({ ctx, campaignId, input: await readJson(req) }));
  },
  { permission: "campaigns.manage" },
);

export const DELETE = withOrg<Params>(
  async (_req, { ctx, params }) => {
    await deleteCampaign({ ctx, campaignId: pathId(params.campaignId, "campaigns.errors.notFound") });
    return noContent();
  },
  { permission: "campaigns.manage" },
);
