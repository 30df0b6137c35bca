import { inngest } from "@/inngest/client";
import { optinReceivedEvent, referralReceivedEvent, webhookEventsStored, webhookEventsStoredEvent } from "@/inngest/events/messenger";
import { runBotTurns, sendRoutingReplies } from "@/lib/services/bot";
import { sendSurveyReplies } from "@/lib/services/csat";
import { refreshContactProfiles, processStoredWebhookEvents } from "@/lib/services/webhook";
import { recheckEventOrg } from "./check-org";

const EVENTS_PER_STEP = 500;
const STEPS_PER_RUN = 40;

/**
 * Turns a channel's stored webhook events into contacts, conversations and messages, lets the bot answer the
 * conversations it holds, fetches new contacts' profiles, and hands referrals and opt-ins on to the campaign module. One run at a time per channel, so a
 * contact's events are applied in order; each run drains everything waiting, 500 events a step.
 */
export const processWebhookEvents = inngest.createFunction(
  {
    id: "process-webhook-events",
    retries: 5,
    concurrency: { limit: 1, key: "event.data.channelId" },
    triggers: [webhookEventsStored],
  },
  async ({ event, step }) => {
    const { orgId, channelId } = event.data;
    // The run starts once its window has closed (the event is stamped `drainAfter`), so the window's other POSTs
    // are processed by it. Not a sleep: a sleeping run gives its slot back, and a backlog's runs then took turns
    // at it, one step each, instead of the first draining everything.
    await recheckEventOrg(step, orgId, { channelId });
    let processed = 0;
    for (let round = 0; round < STEPS_PER_RUN; round++) {
      const batch = await step.run(`process-events-${round}`, () => processStoredWebhookEvents({ orgId, channelId }, undefined, EVENTS_PER_STEP));
      processed += batch.processed;
      // The bot answers what the person wrote to conversations it holds: a step of its own, so a retry never
      // processes the events again, and the bot's stored messages (not yet sent) are what a retry sends.
      if (batch.bot.length > 0) {
        await step.run(`bot-answers-${round}`, () => runBotTurns({ orgId, channelId, turns: batch.bot }));
      }
      // The queue message (with the person's position) or the offline reply of the skill group, for those routing
      // could not give to an agent: a step of its own, stored before it is sent, once per queue entry.
      if (batch.routing.some((outcome) => outcome.reply !== null)) {
        await step.run(`routing-replies-${round}`, () => sendRoutingReplies({ orgId, channelId, outcomes: batch.routing }));
      }
      // The satisfaction survey's comment prompt or thanks, stored with the person's answer: sent once, after the commit.
      if (batch.csat.length > 0) {
        await step.run(`csat-replies-${round}`, () => sendSurveyReplies({ orgId, conversationIds: batch.csat }));
      }
      if (batch.contactsNeedingProfile.length > 0) {
        await step.run(`fetch-profiles-${round}`, () => refreshContactProfiles(orgId, batch.contactsNeedingProfile));
      }
      if (batch.signals.length > 0) {
        await step.sendEvent(
          `hand-on-referrals-and-optins-${round}`,
          batch.signals.map(({ kind, ...signal }) => (kind === "referral" ? referralReceivedEvent(signal) : optinReceivedEvent(signal))),
        );
      }
      if (batch.fetched < EVENTS_PER_STEP) return { processed };
    }
    // Still more waiting: a fresh run carries on (keeps any one run's history short).
    await step.sendEvent("continue-draining", webhookEventsStoredEvent({ orgId, channelId, drainAfter: 0 }, `webhook-continue-${event.id}`));
    return { processed, continued: true };
  },
);
