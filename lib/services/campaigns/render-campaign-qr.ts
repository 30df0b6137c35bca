import { renderLinkQr } from "@/lib/messenger-links";
import { type OrgContext } from "@/lib/tenancy/context";
import { getCampaignShare } from "./get-campaign-share";

/** The QR code of the share link, as an SVG document or a PNG image (512 px, quiet zone included). */
export async function renderCampaignQr({ ctx, campaignId, format }: { ctx: OrgContext; campaignId: string; format: "svg" | "png" }): Promise<string | Buffer> {
  const { link } = await getCampaignShare({ ctx, campaignId });
  return renderLinkQr(link, format);
}
