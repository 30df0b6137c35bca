import { eventType } from "inngest";
import { z } from "zod";
import { orgId } from "./org";

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

export type UnscheduleReason = "rescheduled" | "send_now" | "cancelled" | "deleted" | "unscheduled";

/** The schedule of `campaignId` changed (rescheduled, sent now, cancelled, deleted): runs of older versions stop. */
export const campaignUnscheduled = eventType("campaigns/campaign.unscheduled", {
  schema: z.object({ ...campaignRef, reason: z.enum(["rescheduled", "send_now", "cancelled", "deleted", "unscheduled"]) }),
});

/** Sending starts (at the scheduled time, on "Send now", or on resume after a pause). */
// `part` counts continuations: a very long send goes on in a fresh run before the step limit.
const sendStartedSchema = z.object({ ...campaignRef, part: z.number().int().optional() });
export const campaignSendStarted = eventType("campaigns/campaign.send-started", { schema: sendStartedSchema });

/** Sending must stop (cancel or delete during a send). */
export const campaignStopped = eventType("campaigns/campaign.stopped", {
  schema: z.object({ ...campaignRef, reason: z.enum(["cancelled", "deleted"]) }),
});

/** The campaign as the builders need it: a campaign row fits. */
export interface CampaignRef {
  id: string;
  orgId: string;
  channelId: string;
  scheduleVersion: number;
}

// Event ids name the campaign and its schedule version, so a repeated send of the same transition is one event.

export function campaignScheduledEvent(campaign: CampaignRef, sendAt: Date) {
  return campaignScheduled.create(
    { ...refOf(campaign), sendAt: sendAt.toISOString() },
    { id: `campaign-schedule-${campaign.id}-v${campaign.scheduleVersion}` },
  );
}

export function campaignUnscheduledEvent(campaign: CampaignRef, reason: UnscheduleReason) {
  return campaignUnscheduled.create({ ...refOf(campaign), reason }, { id: `campaign-unschedule-${campaign.id}-v${campaign.scheduleVersion}` });
}

export function campaignSendStartedEvent(campaign: CampaignRef) {
  return campaignSendStarted.create(refOf(campaign), { id: `campaign-send-${campaign.id}-v${campaign.scheduleVersion}` });
}

/** The next part of a long send, in a fresh run. */
export function campaignSendContinuedEvent(data: z.infer<typeof sendStartedSchema>, part: number) {
  return campaignSendStarted.create({ ...data, part }, { id: `campaign-send-${data.campaignId}-v${data.scheduleVersion}-part-${part}` });
}

export function campaignStoppedEvent(campaign: CampaignRef, reason: "cancelled" | "deleted") {
  return campaignStopped.create({ ...refOf(campaign), reason }, { id: `campaign-stop-${campaign.id}-v${campaign.scheduleVersion}` });
}

export type CampaignEvent =
  | ReturnType<typeof campaignScheduledEvent>
  | ReturnType<typeof campaignUnscheduledEvent>
  | ReturnType<typeof campaignSendStartedEvent>
  | ReturnType<typeof campaignStoppedEvent>;

function refOf(campaign: CampaignRef) {
  return { orgId: campaign.orgId, campaignId: campaign.id, channelId: campaign.channelId, scheduleVersion: campaign.scheduleVersion };
}
