import { z } from "zod";
import { getDb } from "@/db/client";
import { appUrl } from "@/lib/app-url";
import { requirePermission, type OrgContext } from "@/lib/tenancy/context";
import { getCampaignInOrg, shareLink } from "./queries";

export const campaignShareSchema = z.object({
  link: z.string().describe("https://m.me/{page username or id}?ref={ref}"),
  ref: z.string(),
  qrSvgUrl: z.string().describe("Absolute URL of the QR code as SVG (outside /api/v1; the same key works)."),
  qrPngUrl: z.string().describe("Absolute URL of the QR code as PNG."),
  qrSvgPath: z.string().describe("The SVG's path from the app's origin, not below /api/v1 (`qrSvgUrl` without the origin)."),
  qrPngPath: z.string().describe("The PNG's path from the app's origin, not below /api/v1."),
});

export type CampaignShare = z.infer<typeof campaignShareSchema>;

/** The share link and where its QR codes are. */
export async function getCampaignShare({ ctx, campaignId }: { ctx: OrgContext; campaignId: string }): Promise<CampaignShare> {
  requirePermission(ctx, "campaigns.read");
  const { campaign, page } = await getCampaignInOrg(await getDb(), ctx, campaignId);
  const qrSvgPath = `/api/downloads/campaigns/${campaign.id}/qr.svg`;
  const qrPngPath = `/api/downloads/campaigns/${campaign.id}/qr.png`;
  return { link: shareLink(page, campaign.ref), ref: campaign.ref, qrSvgUrl: `${appUrl()}${qrSvgPath}`, qrPngUrl: `${appUrl()}${qrPngPath}`, qrSvgPath, qrPngPath };
}
