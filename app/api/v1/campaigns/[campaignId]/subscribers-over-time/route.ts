import { pathId } from "@/lib/api/path-id";
import { json } from "@/lib/api/respond";
import { withOrg } from "@/lib/api/with-org";
import { getSubscribersOverTime, subscribersOverTimeQuerySchema } from "@/lib/services/campaigns";

export const GET = withOrg<{ campaignId: string }, typeof subscribersOverTimeQuerySchema>(
  async (_req, { ctx, params, query }) => {
    const campaignId = pathId(params.campaignId, "campaigns.errors.notFound");
    return json(await getSubscribersOverTime({ ctx, campaignId, input: query }));
  },
  { permission: "campaigns.read", query: subscribersOverTimeQuerySchema },
);
