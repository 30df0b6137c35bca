import QRCode from "qrcode";
import { type OrgContext } from "@/lib/tenancy/context";
import { getCampaignShare } from "./get-campaign-share";

/** The QR code of the share link, as an SVG document or a PNG image (512 px, quiet zone included). */
export async function renderCampaignQr({ ctx, campaignId, format }: { ctx: OrgContext; campaignId: string; format: "svg" | "png" }): Promise<string | Buffer> {
  const { link } = await getCampaignShare({ ctx, campaignId });
  const options = { errorCorrectionLevel: "M" as const, margin: 2, width: 512 };
  return format === "svg" ? QRCode.toString(link, { ...options, type: "svg" }) : QRCode.toBuffer(link, { ...options, type: "png" });
}
