import { json } from "@/lib/api/respond";
import { withOrg } from "@/lib/api/with-org";
import { audiencePreviewQuerySchema, previewBroadcastAudience } from "@/lib/services/campaigns";

export const GET = withOrg(async (_req, { ctx, query }) => json(await previewBroadcastAudience({ ctx, input: query })), {
  permission: "campaigns.read",
  query: audiencePreviewQuerySchema,
});
