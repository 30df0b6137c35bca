import { inngest } from "@/inngest/client";
import { optinReceived, referralReceived, webhookEventsStored } from "@/inngest/messenger-events";
import { refreshContactProfile } from "@/lib/messaging/refresh-profile";
import { storeWebhookEvents } from "@/lib/messaging/store-events";

/**
 * Turns one channel's stored webhook events into contacts, conversations and messages, fetches new
 * contacts' profiles, and hands referrals and opt-ins on to the campaign module. One run at a time per
 * channel, so a contact's events are applied in order.
 */
export const processWebhookEvents = inngest.createFunction(
  {
    id: "process-webhook-events",
    retries: 5,
    concurrency: { limit: 1, key: "event.data.channelId" },
    triggers: [webhookEventsStored],
  },
  async ({ event, step }) => {
    const { orgId, channelId, webhookEventIds } = event.data;
    const stored = await step.run("store-events", () => storeWebhookEvents({ orgId, channelId }, webhookEventIds));
    for (const contactId of stored.contactsNeedingProfile) {
      await step.run(`fetch-profile-${contactId}`, () => refreshContactProfile(orgId, contactId));
    }
    if (stored.signals.length > 0) {
      await step.sendEvent(
        "hand-on-referrals-and-optins",
        stored.signals.map(({ kind, ...signal }) =>
          kind === "referral"
            ? referralReceived.create({ ...signal, ref: signal.ref ?? "" }, { id: `referral-${signal.webhookEventId}` })
            : optinReceived.create({ ...signal, optinType: signal.optinType, optinPayload: signal.optinPayload }, { id: `optin-${signal.webhookEventId}` }),
        ),
      );
    }
    return { processed: stored.processed, profilesFetched: stored.contactsNeedingProfile.length, signals: stored.signals.length };
  },
);
