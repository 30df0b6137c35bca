import { and, eq, isNull } from "drizzle-orm";
import { getDb } from "@/db/client";
import { campaigns, otnTokens } from "@/db/schema";
import { campaignIdFromPayload, replyMessage } from "../messages";
import { SUBSCRIBABLE_STATUSES } from "../schemas";
import { replyAfterSendOnce } from "./after-send-reply";
import { pageMessenger } from "./page-messenger";

export interface OptinSignal {
  orgId: string;
  channelId: string;
  psid: string;
  optinType?: string;
  optinPayload?: string;
}

/**
 * After a "Notify Me" tap (the token is already in the ledger, stored by ingestion): sends the campaign's
 * reply once (or, when the campaign has ended, its after-send reply, at most once an hour). The reply is marked on the person's tokens before it goes out, so a repeated run never
 * sends it twice (at worst a crash between the two loses one courtesy reply).
 */
export async function handleCampaignOptin(signal: OptinSignal): Promise<"replied" | "after_send_replied" | "no_reply" | "not_a_campaign" | "reply_failed"> {
  if (signal.optinType !== "one_time_notif_req") return "not_a_campaign";
  const campaignId = campaignIdFromPayload(signal.optinPayload);
  if (!campaignId) return "not_a_campaign";
  const db = await getDb();
  const [campaign] = await db
    .select()
    .from(campaigns)
    .where(and(eq(campaigns.id, campaignId), eq(campaigns.orgId, signal.orgId), eq(campaigns.channelId, signal.channelId), isNull(campaigns.deletedAt)));
  if (!campaign) return "not_a_campaign";
  // A "Notify Me" kept from before the campaign went out: say it has ended rather than promise a message.
  if (!SUBSCRIBABLE_STATUSES.includes(campaign.status)) return replyAfterSendOnce(campaign, signal.psid);
  if (!campaign.replyText) return "no_reply";
  const marked = await db
    .update(otnTokens)
    .set({ replySentAt: new Date() })
    .where(and(eq(otnTokens.campaignId, campaign.id), eq(otnTokens.psid, signal.psid), isNull(otnTokens.replySentAt)))
    .returning({ id: otnTokens.id });
  if (marked.length === 0) return "no_reply";
  const messenger = await pageMessenger(campaign.channelId);
  if (!messenger) return "reply_failed";
  return (await messenger.sendInOrder(signal.psid, [replyMessage(campaign.replyText)])).ok ? "replied" : "reply_failed";
}
