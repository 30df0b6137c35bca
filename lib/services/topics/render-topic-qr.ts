import { renderLinkQr } from "@/lib/messenger-links";
import type { OrgContext } from "@/lib/tenancy/context";
import { getTopicShare } from "./get-topic-share";

/** The QR code of the topic's m.me/rn link, as an SVG document or a PNG image. */
export async function renderTopicQr({ ctx, topicId, format }: { ctx: OrgContext; topicId: string; format: "svg" | "png" }): Promise<string | Buffer> {
  const { link } = await getTopicShare({ ctx, topicId });
  return renderLinkQr(link, format);
}
