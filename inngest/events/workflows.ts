import { eventType } from "inngest";
import { z } from "zod";
import { orgId } from "./org";

/** A health check: proves the workflow engine (built-in or Inngest) runs this app's functions end to end. */
export const workflowPingSent = eventType("workflows/ping.sent", {
  schema: z.object({ orgId, note: z.string().max(200).optional() }),
});
