import { attachmentDisposition } from "@/lib/api/content-disposition";
import { pathId } from "@/lib/api/path-id";
import { withOrg } from "@/lib/api/with-org";
import { getCampaign, renderCampaignQr } from "@/lib/services/campaigns";

/** The share link's QR code as a PNG download. */
export const GET = withOrg<{ campaignId: string }>(
  async (_req, { ctx, params }) => {
    const campaignId = pathId(params.campaignId, "campaigns.errors.notFound");
    const [png, campaign] = await Promise.all([renderCampaignQr({ ctx, campaignId, format: "png" }), getCampaign({ ctx, campaignId })]);
    return new Response(new Uint8Array(png as Buffer), { headers: { "content-type": "image/png", "content-disposition": attachmentDisposition(campaign.name, "-qr.png") } });
  },
  { permission: "campaigns.read" },
);
