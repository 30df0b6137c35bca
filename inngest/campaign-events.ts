import { eventType } from "inngest";
import { z } from "zod";
import { orgId } from "./events";

/**
 * Events of OTN campaigns. `scheduleVersion` is the campaign's schedule generation: every reschedule,
 * "send now", cancel or delete raises it, and runs of an older generation are cancelled (and, should one
 * slip through, find the campaign moved on and do nothing).
 */
const campaignRef = { orgId, campaignId: z.uuid(), channelId: z.uuid(), scheduleVersion: z.number().int() };

/** A campaign was given a send time: sleep until then, then start sending. */
export const campaignScheduled = eventType("campaigns/campaign.scheduled", {
  schema: z.object({ ...campaignRef, sendAt: z.iso.datetime() }),
});

/** The schedule of `campaignId` changed (rescheduled, sent now, cancelled, deleted): runs of older versions stop. */
export const campaignUnscheduled = eventType("campaigns/campaign.unscheduled", {
  schema: z.object({ ...campaignRef, reason: z.enum(["rescheduled", "send_now", "cancelled", "deleted", "unscheduled"]) }),
});

/** Sending starts (at the scheduled time, on "Send now", or on resume after a pause). */
export const campaignSendStarted = eventType("campaigns/campaign.send-started", {
  // `part` counts continuations: a very long send goes on in a fresh run before the step limit.
  schema: z.object({ ...campaignRef, part: z.number().int().optional() }),
});

/** Sending must stop (cancel or delete during a send). */
export const campaignStopped = eventType("campaigns/campaign.stopped", {
  schema: z.object({ ...campaignRef, reason: z.enum(["cancelled", "deleted"]) }),
});

export const campaignEvents = [campaignScheduled, campaignUnscheduled, campaignSendStarted, campaignStopped] as const;
