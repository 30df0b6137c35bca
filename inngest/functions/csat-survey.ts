import { inngest } from "@/inngest/client";
import { conversationResolved } from "@/inngest/events/desk";
import { askSurvey } from "@/lib/services/csat";
import { recheckEventOrg } from "./check-org";

/**
 * A conversation was resolved on a channel with its satisfaction survey on: ask for a rating inside the
 * 24-hour window, or record the survey as skipped. One run per resolution (the event id), one at a time per
 * conversation; the step is idempotent by the resolution activity, so a retry asks once.
 */
export const csatSurvey = inngest.createFunction(
  {
    id: "csat-survey",
    retries: 3,
    concurrency: { limit: 1, key: "event.data.conversationId" },
    triggers: [conversationResolved],
  },
  async ({ event, step }) => {
    const { orgId, channelId, conversationId, resolutionActivityId } = event.data;
    await recheckEventOrg(step, orgId, { channelId });
    return step.run("ask", () => askSurvey({ orgId, conversationId, resolutionActivityId }));
  },
);
