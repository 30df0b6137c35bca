import { inngest } from "@/inngest/client";
import { sweepUnprocessedWebhookEvents } from "@/lib/services/webhook";

/** Every minute: re-hand-off webhook events stored but not processed within two minutes. Instance-wide, no org. */
export const sweepWebhookEvents = inngest.createFunction(
  { id: "sweep-webhook-events", retries: 1, concurrency: { limit: 1 }, triggers: [{ cron: "* * * * *" }] },
  async ({ step }) => {
    const resent = await step.run("resend-unprocessed", () => sweepUnprocessedWebhookEvents());
    return { resent };
  },
);
