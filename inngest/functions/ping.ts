import { inngest } from "@/inngest/client";
import { workflowPingSent } from "@/inngest/events/workflows";
import { recheckEventOrg } from "./check-org";

/**
 * Answers `workflows/ping.sent`: the org check, one step, a short sleep and a second step, so a ping
 * exercises the whole engine (steps, memoization, timers). No side effects beyond its own run record.
 */
export const workflowPing = inngest.createFunction(
  {
    id: "workflow-ping",
    retries: 2,
    concurrency: { limit: 5, key: "event.data.orgId" },
    triggers: [workflowPingSent],
  },
  async ({ event, step }) => {
    await recheckEventOrg(step, event.data.orgId);
    const receivedAt = await step.run("receive", () => new Date().toISOString());
    await step.sleep("pause", "1s");
    const answeredAt = await step.run("answer", () => new Date().toISOString());
    return { orgId: event.data.orgId, note: event.data.note ?? null, receivedAt, answeredAt };
  },
);
