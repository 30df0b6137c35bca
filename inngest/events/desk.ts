import { eventType } from "inngest";
import { z } from "zod";
import { orgId } from "./org";

/**
 * A conversation was resolved (from the dashboard or the API) on a channel that asks for a satisfaction
 * survey. Sent after the commit; its id names the resolution activity, so a resolution starts one run.
 */
export const conversationResolved = eventType("desk/conversation.resolved", {
  schema: z.object({ orgId, channelId: z.uuid(), conversationId: z.uuid(), resolutionActivityId: z.uuid() }),
});

export function conversationResolvedEvent(data: { orgId: string; channelId: string; conversationId: string; resolutionActivityId: string }) {
  return conversationResolved.create(data, { id: `resolved-${data.resolutionActivityId}` });
}
