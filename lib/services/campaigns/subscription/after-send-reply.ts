import { and, eq, isNull, lt, or } from "drizzle-orm";
import { getDb, type Tx } from "@/db/client";
import { campaignRequests, campaigns, contacts } from "@/db/schema";
import { translator } from "@/lib/i18n/translate";
import { replyMessage } from "../messages";
import { pageMessenger } from "./page-messenger";

/**
 * The polite answer to someone who opens a campaign's link (or taps an old "Notify Me") after the campaign
 * was sent or cancelled: silence would look broken. It goes out as an ordinary reply, inside the 24-hour
 * window the referral or opt-in just opened, at most once an hour per person and campaign, so a person
 * (or a loop of bots) opening the link again and again gets one answer, not one per open.
 */
export const AFTER_SEND_REPLY_EVERY_MS = 3_600_000;

/**
 * In the caller's transaction: takes this person's turn for the reply, unless they had one within the hour.
 * Marked before sending, so a repeated run never answers twice (a crash in between loses one reply).
 */
export async function takeAfterSendReplyTurn(tx: Tx, campaign: { id: string; channelId: string }, psid: string, now = new Date()): Promise<boolean> {
  await tx.insert(campaignRequests).values({ campaignId: campaign.id, channelId: campaign.channelId, psid }).onConflictDoNothing();
  const taken = await tx
    .update(campaignRequests)
    .set({ afterSendReplyAt: now })
    .where(
      and(
        eq(campaignRequests.campaignId, campaign.id),
        eq(campaignRequests.psid, psid),
        or(isNull(campaignRequests.afterSendReplyAt), lt(campaignRequests.afterSendReplyAt, new Date(now.getTime() - AFTER_SEND_REPLY_EVERY_MS))),
      ),
    )
    .returning({ id: campaignRequests.id });
  return taken.length > 0;
}

/** Whether it is this person's turn now (see takeAfterSendReplyTurn), for a caller without a transaction. */
export function mayReplyAfterSend(lastRepliedAt: Date | null, now = new Date()): boolean {
  return !lastRepliedAt || now.getTime() - lastRepliedAt.getTime() >= AFTER_SEND_REPLY_EVERY_MS;
}

/**
 * Sends the campaign's after-send reply: its own text, or the default in the person's Messenger language
 * (Simplified Chinese for a zh_* profile locale, otherwise English; campaigns have no language of their own).
 */
export async function sendAfterSendReply(campaignId: string, psid: string): Promise<"after_send_replied" | "reply_failed"> {
  const db = await getDb();
  const [campaign] = await db.select({ channelId: campaigns.channelId, afterSendReply: campaigns.afterSendReply }).from(campaigns).where(eq(campaigns.id, campaignId));
  if (!campaign) return "reply_failed";
  let text = campaign.afterSendReply;
  if (!text) {
    const [contact] = await db.select({ locale: contacts.locale }).from(contacts).where(and(eq(contacts.channelId, campaign.channelId), eq(contacts.psid, psid)));
    text = translator(contact?.locale?.toLowerCase().startsWith("zh") ? "zh-CN" : "en")("campaigns.afterSend.defaultReply");
  }
  const messenger = await pageMessenger(campaign.channelId);
  if (!messenger) return "reply_failed";
  return (await messenger.sendInOrder(psid, [replyMessage(text)])).ok ? "after_send_replied" : "reply_failed";
}

/** The opt-in half: a "Notify Me" tapped on a campaign that has ended. */
export async function replyAfterSendOnce(campaign: { id: string; channelId: string }, psid: string): Promise<"after_send_replied" | "reply_failed" | "no_reply"> {
  const db = await getDb();
  const turn = await db.transaction((tx) => takeAfterSendReplyTurn(tx, campaign, psid));
  return turn ? sendAfterSendReply(campaign.id, psid) : "no_reply";
}
