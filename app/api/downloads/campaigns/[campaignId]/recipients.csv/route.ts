import { attachmentDisposition } from "@/lib/api/content-disposition";
import { pathId } from "@/lib/api/path-id";
import { withOrg } from "@/lib/api/with-org";
import { exportCampaignRecipientsCsv, getCampaign } from "@/lib/services/campaigns";
import { recipientExportQuerySchema } from "@/lib/services/campaigns/schemas";

/** The recipient log as CSV (same `search` and `status` filters as the list, every row: no paging). */
export const GET = withOrg<{ campaignId: string }, typeof recipientExportQuerySchema>(
  async (_req, { ctx, params, query }) => {
    const campaignId = pathId(params.campaignId, "campaigns.errors.notFound");
    const [csv, campaign] = await Promise.all([exportCampaignRecipientsCsv({ ctx, campaignId, input: query }), getCampaign({ ctx, campaignId })]);
    return new Response(csv, { headers: { "content-type": "text/csv; charset=utf-8", "content-disposition": attachmentDisposition(campaign.name, "-recipients.csv") } });
  },
  { permission: "campaigns.read", query: recipientExportQuerySchema },
);
