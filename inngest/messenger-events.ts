import { eventType } from "inngest";
import { z } from "zod";
import { orgId } from "./events";

/**
 * Webhook events of one channel were stored and wait to be processed. One event per channel per second at
 * most (its id names the second): the run waits until `drainAfter` (ms since epoch), then drains every
 * waiting event of the channel, so busy Pages cost one run a second, not one per webhook POST.
 */
export const webhookEventsStored = eventType("messenger/webhook.stored", {
  schema: z.object({ orgId, channelId: z.uuid(), drainAfter: z.number() }),
});

const signalBase = {
  orgId,
  channelId: z.uuid(),
  contactId: z.uuid(),
  psid: z.string(),
  webhookEventId: z.uuid(),
  timestamp: z.number(),
};

/** A user arrived through an m.me link with a ref (after Get Started in a new thread, or in an existing one). */
export const referralReceived = eventType("messenger/referral.received", {
  schema: z.object({ ...signalBase, ref: z.string() }),
});

/** A user opted in (One-Time Notification "Notify Me", or marketing messages). The token itself stays sealed in the database. */
export const optinReceived = eventType("messenger/optin.received", {
  schema: z.object({ ...signalBase, optinType: z.string().optional(), optinPayload: z.string().optional() }),
});

export const messengerEvents = [webhookEventsStored, referralReceived, optinReceived] as const;
