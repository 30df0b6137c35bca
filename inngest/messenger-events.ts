import { eventType } from "inngest";
import { z } from "zod";
import { orgId } from "./events";

/** Webhook events of one channel were stored and wait to be processed (ids of webhook_events rows). */
export const webhookEventsStored = eventType("messenger/webhook.stored", {
  schema: z.object({ orgId, channelId: z.uuid(), webhookEventIds: z.array(z.uuid()).min(1).max(500) }),
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
