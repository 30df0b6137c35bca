import { getDb } from "@/db/client";
import { appUrl } from "@/lib/app-url";
import { mMeRecurringLink } from "@/lib/messenger-links";
import { requirePermission, type OrgContext } from "@/lib/tenancy/context";
import { getTopicInOrg } from "./queries";
import type { TopicShare } from "./schemas";

/** The topic's m.me/rn link (Messenger shows the opt-in for the topic) and where its QR codes are. */
export async function getTopicShare({ ctx, topicId }: { ctx: OrgContext; topicId: string }): Promise<TopicShare> {
  requirePermission(ctx, "campaigns.read");
  const { topic, channel } = await getTopicInOrg(await getDb(), ctx.org.id, topicId);
  const qrSvgPath = `/api/downloads/topics/${topic.id}/qr.svg`;
  const qrPngPath = `/api/downloads/topics/${topic.id}/qr.png`;
  return { link: mMeRecurringLink(channel, topic.title, topic.cadence), qrSvgUrl: `${appUrl()}${qrSvgPath}`, qrPngUrl: `${appUrl()}${qrPngPath}`, qrSvgPath, qrPngPath };
}

