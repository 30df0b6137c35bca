import { z } from "zod";
import { getDb } from "@/db/client";
import { requirePermission, type OrgContext } from "@/lib/tenancy/context";
import { getCampaignInOrg, shareLink } from "./queries";

export const campaignShareSchema = z.object({
  link: z.string().describe("https://m.me/{page username or id}?ref={ref}"),
  ref: z.string(),
  qrSvgPath: z.string().describe("API path of the QR code as SVG."),
  qrPngPath: z.string().describe("API path of the QR code as PNG."),
});

export type CampaignShare = z.infer<typeof campaignShareSchema>;

/** The share link and where its QR codes are. */
export async function getCampaignShare({ ctx, campaignId }: { ctx: OrgContext; campaignId: string }): Promise<CampaignShare> {
  requirePermission(ctx, "campaigns.read");
  const { campaign, page } = await getCampaignInOrg(await getDb(), ctx, campaignId);
  return {
    link: shareLink(page, campaign.ref),
    ref: campaign.ref,
    qrSvgPath: `/api/downloads/campaigns/${campaign.id}/qr.svg`,
    qrPngPath: `/api/downloads/campaigns/${campaign.id}/qr.png`,
  };
}
