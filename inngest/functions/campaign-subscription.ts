import { inngest } from "@/inngest/client";
import { optinReceived, referralReceived } from "@/inngest/events/messenger";
import { handleCampaignOptin, decideCampaignReferral, sendAfterSendReply, sendCampaignRequest } from "@/lib/services/campaigns";
import { recheckEventOrg } from "./check-org";

/**
 * A share link was opened: count it and, unless that would be spam, send the invitation and the OTN
 * request (or, for a campaign that has ended, the after-send reply). Deciding and sending are separate
 * steps, so a failed send is retried without counting again.
 */
export const campaignReferral = inngest.createFunction(
  {
    id: "campaign-referral",
    retries: 3,
    // Interactive: the person who opened the link is in the conversation waiting for the invitation, so this
    // goes ahead of up to five minutes of queued routine work (the webhook burst their own click may be part of).
    priority: { run: "300" },
    triggers: [referralReceived],
  },
  async ({ event, step }) => {
    const { orgId, channelId, contactId } = event.data;
    await recheckEventOrg(step, orgId, { channelId, contactId });
    const decision = await step.run("decide", () => decideCampaignReferral(event.data));
    if (decision.replyAfterSend && decision.campaignId) {
      const replied = await step.run("send-after-send-reply", () => sendAfterSendReply(decision.campaignId!, event.data.psid));
      return { outcome: replied, campaignId: decision.campaignId };
    }
    if (decision.outcome !== "requested" || !decision.campaignId) return decision;
    const sent = await step.run("send-request", () => sendCampaignRequest(decision.campaignId!, event.data.psid));
    return { outcome: sent, campaignId: decision.campaignId };
  },
);

/** "Notify Me" was tapped (the token is already stored by ingestion): send the reply after subscribing. */
export const campaignOptin = inngest.createFunction(
  {
    id: "campaign-optin",
    retries: 3,
    // Interactive, as above: the person just tapped "Notify Me" and expects the confirmation at once.
    priority: { run: "300" },
    triggers: [optinReceived],
  },
  async ({ event, step }) => {
    const { orgId, channelId, contactId } = event.data;
    await recheckEventOrg(step, orgId, { channelId, contactId });
    return { outcome: await step.run("reply", () => handleCampaignOptin(event.data)) };
  },
);
