import { attachmentDisposition } from "@/lib/api/content-disposition";
import { pathId } from "@/lib/api/path-id";
import { readQuery } from "@/lib/api/query";
import { withOrg } from "@/lib/api/with-org";
import { exportCampaignRecipientsCsv, getCampaign } from "@/lib/services/campaigns";
import { recipientQuerySchema } from "@/lib/services/campaigns/schemas";

/** The recipient log as CSV (same `search` and `status` filters as the list). */
export const GET = withOrg<{ campaignId: string }>(
  async (req, { ctx, params }) => {
    const campaignId = pathId(params.campaignId, "campaigns.errors.notFound");
    const { search, status } = readQuery(req, recipientQuerySchema);
    const [csv, campaign] = await Promise.all([exportCampaignRecipientsCsv({ ctx, campaignId, input: { search, status } }), getCampaign({ ctx, campaignId })]);
    return new Response(csv, { headers: { "content-type": "text/csv; charset=utf-8", "content-disposition": attachmentDisposition(campaign.name, "-recipients.csv") } });
  },
  { permission: "campaigns.read" },
);
