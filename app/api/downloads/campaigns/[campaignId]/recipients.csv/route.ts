import { pathId } from "@/lib/api/path-id";
import { readQuery } from "@/lib/api/query";
import { withOrg } from "@/lib/api/with-org";
import { exportCampaignRecipientsCsv } from "@/lib/services/campaigns";
import { recipientQuerySchema } from "@/lib/services/campaigns/schemas";

/** The recipient log as CSV (same `search` and `status` filters as the list). */
export const GET = withOrg<{ campaignId: string }>(
  async (req, { ctx, params }) => {
    const campaignId = pathId(params.campaignId, "campaigns.errors.notFound");
    const { search, status } = readQuery(req, recipientQuerySchema);
    const csv = await exportCampaignRecipientsCsv({ ctx, campaignId, input: { search, status } });
    return new Response(csv, { headers: { "content-type": "text/csv; charset=utf-8", "content-disposition": `attachment; filename="campaign-${campaignId}-recipients.csv"` } });
  },
  { permission: "campaigns.read" },
);
