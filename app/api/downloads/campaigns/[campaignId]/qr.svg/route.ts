import { attachmentDisposition } from "@/lib/api/content-disposition";
import { pathId } from "@/lib/api/path-id";
import { withOrg } from "@/lib/api/with-org";
import { getCampaign, renderCampaignQr } from "@/lib/services/campaigns";

/** The share link's QR code as an SVG download (dashboard session or API key, like API v1). */
export const GET = withOrg<{ campaignId: string }>(
  async (_req, { ctx, params }) => {
    const campaignId = pathId(params.campaignId, "campaigns.errors.notFound");
    const [svg, campaign] = await Promise.all([renderCampaignQr({ ctx, campaignId, format: "svg" }), getCampaign({ ctx, campaignId })]);
    return new Response(svg as string, { headers: { "content-type": "image/svg+xml", "content-disposition": attachmentDisposition(campaign.name, "-qr.svg") } });
  },
  { permission: "campaigns.read" },
);
