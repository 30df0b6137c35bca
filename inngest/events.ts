import { eventType } from "inngest";
import { z } from "zod";

/**
 * Every event the app sends, with its zod schema. Names are `domain/noun.verb`; every payload carries
 * the organisation id (`orgId`), which scopes the runs it starts (Settings → Workflows) and lets
 * functions re-check tenancy. Later issues add their events here (webhooks, campaigns).
 */
export const orgId = z.uuid();

/** A health check: proves the workflow engine (built-in or Inngest) runs this app's functions end to end. */
export const workflowPingSent = eventType("workflows/ping.sent", {
  schema: z.object({ orgId, note: z.string().max(200).optional() }),
});

export const events = [workflowPingSent] as const;
