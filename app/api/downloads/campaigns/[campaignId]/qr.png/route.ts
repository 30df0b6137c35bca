import { pathId } from "@/lib/api/path-id";
import { withOrg } from "@/lib/api/with-org";
import { renderCampaignQr } from "@/lib/services/campaigns";

/** The share link's QR code as a PNG download. */
export const GET = withOrg<{ campaignId: string }>(
  async (_req, { ctx, params }) => {
    const campaignId = pathId(params.campaignId, "campaigns.errors.notFound");
    const png = (await renderCampaignQr({ ctx, campaignId, format: "png" })) as Buffer;
    return new Response(new Uint8Array(png), { headers: { "content-type": "image/png", "content-disposition": `attachment; filename="campaign-${campaignId}.png"` } });
  },
  { permission: "campaigns.read" },
);
