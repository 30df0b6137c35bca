import { inngest } from "@/inngest/client";
import { findUnaskedResolutions } from "@/lib/services/csat";
import { drainAllQueues, emitResolutions, markIdleAgentsAway, publishDeskEvents } from "@/lib/services/routing";

/**
 * Every minute, the agent desk's housekeeping (instance-wide, no org): online agents idle past IDLE_AFTER_MS
 * become away (routing stops giving them work; they keep what they have), then every skill group with a
 * waiting conversation is drained, so nothing stays queued while an online agent has room (a drain lost to a
 * crash, working hours that just began); and resolutions whose satisfaction survey was never handed to its
 * workflow (a lost event) are handed over again. All are safe to run twice; dashboards hear of what changed.
 */
export const deskSweep = inngest.createFunction(
  { id: "desk-sweep", retries: 1, concurrency: { limit: 1 }, triggers: [{ cron: "* * * * *" }] },
  async ({ step }) => {
    const away = await step.run("mark-idle-agents-away", async () => {
      const { events } = await markIdleAgentsAway();
      await publishDeskEvents(events);
      return events.length;
    });
    const drained = await step.run("drain-queues", async () => {
      const { groups, events } = await drainAllQueues();
      await publishDeskEvents(events);
      return { groups, assigned: events.filter((e) => e.type === "conversation.changed" && e.kind === "assigned").length };
    });
    const surveysHandedOver = await step.run("hand-over-unasked-surveys", async () => {
      const unasked = await findUnaskedResolutions();
      await emitResolutions(unasked);
      return unasked.length;
    });
    return { away, ...drained, surveysHandedOver };
  },
);
