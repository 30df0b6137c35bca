import { pathId } from "@/lib/api/path-id";
import { withOrg } from "@/lib/api/with-org";
import { exportCampaignRecipientsCsv } from "@/lib/services/campaigns";
import { recipientExportQuerySchema } from "@/lib/services/campaigns/schemas";

/** The recipient log as CSV (same `search` and `status` filters as the list, every row: no paging). */
export const GET = withOrg<{ campaignId: string }, typeof recipientExportQuerySchema>(
  async (_req, { ctx, params, query }) => {
    const campaignId = pathId(params.campaignId, "campaigns.errors.notFound");
    const csv = await exportCampaignRecipientsCsv({ ctx, campaignId, input: query });
    return new Response(csv, { headers: { "content-type": "text/csv; charset=utf-8", "content-disposition": `attachment; filename="campaign-${campaignId}-recipients.csv"` } });
  },
  { permission: "campaigns.read", query: recipientExportQuerySchema },
);
