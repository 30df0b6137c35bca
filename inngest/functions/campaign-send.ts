import { inngest } from "@/inngest/client";
import { campaignScheduled, campaignSendContinuedEvent, campaignSendStarted, campaignSendStartedEvent, campaignStopped, campaignUnscheduled } from "@/inngest/events/campaigns";
import { startScheduledSend } from "@/lib/services/campaigns";
import { sendCampaignBatch, startDueCampaigns, type RecentCalls } from "@/lib/services/campaigns";
import { recheckEventOrg } from "./check-org";

/** Batches per run before it continues in a fresh one (well below Inngest's step limit). */
const BATCHES_PER_RUN = 500;

/**
 * Waits until a campaign's send time, then hands it to the sender. A reschedule, "send now", cancel or
 * delete raises the campaign's schedule version and cancels this run; should the cancellation race the
 * wake-up, the guarded start (same version, still scheduled) does nothing.
 */
export const campaignSchedule = inngest.createFunction(
  {
    id: "campaign-schedule",
    retries: 3,
    // Ahead of up to two minutes of queued routine runs (a burst of webhook processing) when it wakes: the send
    // time is the one the marketer was shown. Mostly asleep, one run per scheduled campaign: it cannot crowd
    // anyone out, and the factor is bounded, so nothing waits behind it for more than 120 s.
    priority: { run: "120" },
    cancelOn: [{ event: campaignUnscheduled.name, if: "async.data.campaignId == event.data.campaignId && async.data.scheduleVersion > event.data.scheduleVersion" }],
    triggers: [campaignScheduled],
  },
  async ({ event, step }) => {
    const { orgId, campaignId, channelId, scheduleVersion, sendAt } = event.data;
    await recheckEventOrg(step, orgId, { campaignId, channelId });
    await step.sleepUntil("wait-for-send-time", sendAt);
    const started = await step.run("start-sending", async () => Boolean(await startScheduledSend(campaignId, scheduleVersion)));
    if (!started) return { started: false };
    await step.sendEvent("hand-to-sender", campaignSendStartedEvent({ orgId, id: campaignId, channelId, scheduleVersion }));
    return { started: true };
  },
);

/**
 * Sends a campaign batch by batch, one run per Page at a time (the Page's rate is shared by its
 * campaigns, of every kind: OTN, recurring and marketing share this function and its concurrency key). Each batch is a step the sender makes safe to repeat: after a crash it re-sends only what
 * is unresolved, and a used token proves a send went through. Cancel or delete stops it between batches.
 */
export const campaignSend = inngest.createFunction(
  {
    id: "campaign-send",
    retries: 5,
    // A "send now" or a campaign whose time came waited ~25 s behind a burst of webhook-processing runs: it
    // goes first among runs queued up to 120 s before it. One run per Page at a time (the concurrency below),
    // so it never takes more than one slot per Page from the webhooks.
    priority: { run: "120" },
    concurrency: { limit: 1, key: "event.data.channelId" },
    cancelOn: [{ event: campaignStopped.name, if: "async.data.campaignId == event.data.campaignId" }],
    triggers: [campaignSendStarted],
  },
  async ({ event, step, attempt }) => {
    const { orgId, campaignId, channelId, scheduleVersion } = event.data;
    await recheckEventOrg(step, orgId, { campaignId, channelId });
    let totals = { sent: 0, failed: 0, expired: 0 };
    let recentCalls: RecentCalls | undefined;
    for (let n = 0; n < BATCHES_PER_RUN; n++) {
      // The previous batch's last second keeps the rate ceiling across batches; a retried step gets none
      // (its failed attempt's calls are unknown), so it first waits out a full second.
      const carried = attempt === 0 ? recentCalls : undefined;
      const batch = await step.run(`send-batch-${n}`, () => sendCampaignBatch({ campaignId, scheduleVersion, recentCalls: carried }));
      recentCalls = batch.recentCalls;
      totals = { sent: totals.sent + batch.sent, failed: totals.failed + batch.failed, expired: totals.expired + batch.expired };
      if (batch.state === "waiting" && batch.nextDueAt) {
        // Recurring, marketing: only deliveries due later remain (local send times, holds). Sleeping holds no
        // concurrency slot, so the Page's other campaigns send meanwhile; a cancel stops the run while it sleeps.
        await step.sleepUntil(`wait-for-due-${n}`, batch.nextDueAt);
        recentCalls = undefined;
        continue;
      }
      if (batch.state !== "more") return { state: batch.state, batches: n + 1, ...totals };
    }
    const part = (event.data.part ?? 0) + 1;
    await step.sendEvent("continue-in-a-fresh-run", campaignSendContinuedEvent(event.data, part));
    return { state: "continued", batches: BATCHES_PER_RUN, ...totals };
  },
);

/** Every minute: starts scheduled campaigns whose scheduled run never did (lost event, engine down). Instance-wide, no org. */
export const campaignSweep = inngest.createFunction(
  { id: "campaign-sweep", retries: 1, concurrency: { limit: 1 }, triggers: [{ cron: "* * * * *" }] },
  async ({ step }) => ({ started: await step.run("start-due-campaigns", () => startDueCampaigns()) }),
);
