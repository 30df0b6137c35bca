import { eventType } from "inngest";
import { z } from "zod";
import { orgId } from "./org";

/**
 * Webhook events of one channel were stored and wait to be processed. One event per channel per second at
 * most (its id names the second): the run starts at `drainAfter` (ms since epoch; the event's `ts`), then
 * drains every waiting event of the channel, so busy Pages cost one run a second, not one per webhook POST.
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

/**
 * `id` names the hand-off: the drain window for webhook POSTs, the sweep's minute, or the run that
 * continues, so every instance handing off the same channel in the same window starts one run.
 */
/** Stamped `drainAfter`: the run starts once the window has closed (a future `ts` delays a run's start). */
export function webhookEventsStoredEvent(data: { orgId: string; channelId: string; drainAfter: number }, id: string) {
  return webhookEventsStored.create(data, { id, ...(data.drainAfter > 0 ? { ts: data.drainAfter } : {}) });
}

interface Signal {
  orgId: string;
  channelId: string;
  contactId: string;
  psid: string;
  webhookEventId: string;
  timestamp: number;
}

// One signal per webhook event: the webhook event's id makes a re-processed event the same signal.

export function referralReceivedEvent(signal: Signal & { ref?: string }) {
  return referralReceived.create({ ...signal, ref: signal.ref ?? "" }, { id: `referral-${signal.webhookEventId}` });
}

export function optinReceivedEvent(signal: Signal & { optinType?: string; optinPayload?: string }) {
  return optinReceived.create(signal, { id: `optin-${signal.webhookEventId}` });
}
