import { and, eq, gt, inArray, isNull, sql } from "drizzle-orm";
import { getDb, type Tx } from "@/db/client";
import { campaignRequests, campaigns, otnTokens } from "@/db/schema";
import { invitationMessage, otnRequestMessage, type MessengerMessage } from "../messages";
import { SUBSCRIBABLE_STATUSES, type Invitation } from "../schemas";
import { mayReplyAfterSend, sendAfterSendReply } from "./after-send-reply";
import { pageMessenger } from "./page-messenger";

export interface ReferralSignal {
  orgId: string;
  channelId: string;
  psid: string;
  webhookEventId: string;
  ref: string;
}

export type ReferralOutcome =
  | "not_a_campaign"
  | "already_handled"
  | "campaign_closed"
  | "after_send_replied"
  | "reply_failed"
  | "requested"
  | "request_failed"
  | "skipped_already_subscribed"
  | "skipped_cooldown"
  | "skipped_page_cap";

/** Per-Page cap on OTN requests per minute (Meta rate-limits requests; anti-spam). */
export function requestsPerMinutePerPage(): number {
  const configured = Number(process.env.OTN_REQUESTS_PER_MINUTE_PER_PAGE);
  return Number.isFinite(configured) && configured > 0 ? configured : 600;
}

/**
 * Someone opened a campaign's share link (the ref arrived in a Get Started postback or in a referral):
 * count the click, then, unless that would be spam, send the invitation and the OTN request whose payload
 * names the campaign. Spam is: holding an unused token for the campaign, a request within the campaign's
 * cooldown (24 h by default), or the Page's requests-per-minute cap reached; skips are counted. A campaign
 * that has ended answers with its after-send reply instead (at most once an hour per person).
 * Safe to repeat for one webhook event: the second run counts and sends nothing.
 */
export async function handleCampaignReferral(signal: ReferralSignal): Promise<ReferralOutcome> {
  const decision = await decideCampaignReferral(signal);
  if (decision.replyAfterSend) return sendAfterSendReply(decision.campaignId!, signal.psid);
  if (decision.outcome !== "requested") return decision.outcome;
  return sendCampaignRequest(decision.campaignId!, signal.psid);
}

/**
 * The counting half of the flow, in one transaction: returns whether to send the request, or, for a
 * campaign that has ended, whether to send the after-send reply (this person's hourly turn, taken here).
 */
export async function decideCampaignReferral(signal: ReferralSignal): Promise<{ outcome: ReferralOutcome; campaignId?: string; replyAfterSend?: boolean }> {
  const db = await getDb();
  return db.transaction(async (tx) => {
    const [campaign] = await tx
      .select()
      .from(campaigns)
      .where(and(eq(campaigns.orgId, signal.orgId), eq(campaigns.channelId, signal.channelId), eq(campaigns.ref, signal.ref), isNull(campaigns.deletedAt)));
    if (!campaign) return { outcome: "not_a_campaign" as const };

    await tx.insert(campaignRequests).values({ campaignId: campaign.id, channelId: campaign.channelId, psid: signal.psid }).onConflictDoNothing();
    const [memory] = await tx
      .select()
      .from(campaignRequests)
      .where(and(eq(campaignRequests.campaignId, campaign.id), eq(campaignRequests.psid, signal.psid)))
      .for("update");
    if (memory.lastEventId === signal.webhookEventId) return { outcome: "already_handled" as const };

    const now = new Date();
    let outcome: ReferralOutcome;
    if (!SUBSCRIBABLE_STATUSES.includes(campaign.status)) outcome = "campaign_closed";
    else if (await holdsUnusedToken(tx, campaign.id, signal.psid)) outcome = "skipped_already_subscribed";
    else if (memory.lastRequestedAt && now.getTime() - memory.lastRequestedAt.getTime() < campaign.requestCooldownHours * 3_600_000) outcome = "skipped_cooldown";
    else if ((await pageRequestsLastMinute(tx, campaign.channelId, now)) >= requestsPerMinutePerPage()) outcome = "skipped_page_cap";
    else outcome = "requested";

    const requested = outcome === "requested";
    const replyAfterSend = outcome === "campaign_closed" && mayReplyAfterSend(memory.afterSendReplyAt, now);
    await tx
      .update(campaignRequests)
      .set({
        lastEventId: signal.webhookEventId,
        ...(requested && { lastRequestedAt: now, requestCount: sql`${campaignRequests.requestCount} + 1` }),
        ...(replyAfterSend && { afterSendReplyAt: now }),
      })
      .where(eq(campaignRequests.id, memory.id));
    await tx
      .update(campaigns)
      .set({
        linkClicks: sql`${campaigns.linkClicks} + 1`,
        ...(requested && { requestsSent: sql`${campaigns.requestsSent} + 1` }),
        ...(outcome.startsWith("skipped_") && { requestsSkipped: sql`${campaigns.requestsSkipped} + 1` }),
      })
      .where(eq(campaigns.id, campaign.id));
    return { outcome, campaignId: campaign.id, ...(replyAfterSend && { replyAfterSend }) };
  });
}

/** The sending half: the invitation (when the campaign has one), then the one_time_notif_req template. */
export async function sendCampaignRequest(campaignId: string, psid: string): Promise<"requested" | "request_failed"> {
  const db = await getDb();
  const [campaign] = await db.select().from(campaigns).where(eq(campaigns.id, campaignId));
  if (!campaign) return "request_failed";
  const messenger = await pageMessenger(campaign.channelId);
  if (!messenger) return "request_failed";
  const messages: MessengerMessage[] = [];
  if (campaign.invitation) messages.push(invitationMessage(campaign.invitation as Invitation));
  messages.push(otnRequestMessage(campaign.id, campaign.requestTitle));
  const sent = await messenger.sendInOrder(psid, messages);
  return sent.ok ? "requested" : "request_failed";
}

async function holdsUnusedToken(tx: Tx, campaignId: string, psid: string) {
  const [row] = await tx
    .select({ id: otnTokens.id })
    .from(otnTokens)
    .where(and(eq(otnTokens.campaignId, campaignId), eq(otnTokens.psid, psid), inArray(otnTokens.status, ["pending", "sending", "spare"])))
    .limit(1);
  return Boolean(row);
}

async function pageRequestsLastMinute(tx: Tx, channelId: string, now: Date): Promise<number> {
  const [row] = await tx
    .select({ n: sql<number>`count(*)::int` })
    .from(campaignRequests)
    .where(and(eq(campaignRequests.channelId, channelId), gt(campaignRequests.lastRequestedAt, new Date(now.getTime() - 60_000))));
  return row?.n ?? 0;
}
