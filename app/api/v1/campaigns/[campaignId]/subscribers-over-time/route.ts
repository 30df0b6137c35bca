import { pathId } from "@/lib/api/path-id";
import { readQuery } from "@/lib/api/query";
import { json } from "@/lib/api/respond";
import { withOrg } from "@/lib/api/with-org";
import { getSubscribersOverTime, subscribersOverTimeQuerySchema } from "@/lib/services/campaigns";

export const GET = withOrg<{ campaignId: string }>(
  async (req, { ctx, params }) => {
    const campaignId = pathId(params.campaignId, "campaigns.errors.notFound");
    return json(await getSubscribersOverTime({ ctx, campaignId, input: readQuery(req, subscribersOverTimeQuerySchema) }));
  },
  { permission: "campaigns.read" },
);
