import QRCode from "qrcode";

/**
 * m.me links and their QR codes, for whatever a Page shares: an OTN campaign's `m.me/PAGE?ref=` and a recurring
 * topic's `m.me/rn/PAGE?topic=&cadence=` (platform-facts, "m.me links"). The Page is named by its username when
 * known (shorter, readable), else its id. Against the sandbox, the dashboard rewrites https://m.me/<path> to the
 * sandbox's /m.me/<path> (app/o/[orgSlug]/campaigns/_components/sandbox-link.tsx), which serves both forms.
 */
export interface PageIdentity {
  pageId: string;
  pageUsername: string | null;
}

const pageName = (page: PageIdentity) => encodeURIComponent(page.pageUsername || page.pageId);

/** m.me/PAGE?ref=REF: opens the Page's thread; the ref arrives in the Get Started postback or a referral. */
export function mMeRefLink(page: PageIdentity, ref: string): string {
  return `https://m.me/${pageName(page)}?ref=${encodeURIComponent(ref)}`;
}

/** m.me/rn/PAGE?topic=TITLE&cadence=CADENCE: Messenger shows the recurring-notification opt-in for the topic. */
export function mMeRecurringLink(page: PageIdentity, topic: string, cadence: "daily" | "weekly" | "monthly"): string {
  return `https://m.me/rn/${pageName(page)}?topic=${encodeURIComponent(topic)}&cadence=${cadence}`;
}

/** A link's QR code, as an SVG document or a PNG image (512 px, quiet zone included). */
export async function renderLinkQr(link: string, format: "svg" | "png"): Promise<string | Buffer> {
  const options = { errorCorrectionLevel: "M" as const, margin: 2, width: 512 };
  return format === "svg" ? QRCode.toString(link, { ...options, type: "svg" }) : QRCode.toBuffer(link, { ...options, type: "png" });
}
