import { and, asc, eq, lt } from "drizzle-orm";
import { getDb } from "@/db/client";
import { webhookEvents } from "@/db/schema";
import { dispatchStoredEvents } from "./dispatch-stored-events";

/**
 * Stored events whose hand-off to processing was lost (the process died right after answering Meta, or
 * the workflow engine was down) are handed off again. Processing skips anything already processed.
 */
export async function sweepUnprocessedWebhookEvents(options: { olderThanMs?: number; limit?: number } = {}): Promise<number> {
  const db = await getDb();
  const cutoff = new Date(Date.now() - (options.olderThanMs ?? 120_000));
  const rows = await db
    .select({ id: webhookEvents.id, orgId: webhookEvents.orgId, channelId: webhookEvents.channelId, kind: webhookEvents.kind })
    .from(webhookEvents)
    .where(and(eq(webhookEvents.status, "received"), lt(webhookEvents.receivedAt, cutoff)))
    .orderBy(asc(webhookEvents.receivedAt))
    .limit(options.limit ?? 500);
  // One hand-off per channel drains all of its waiting events.
  await dispatchStoredEvents(rows, { sweep: true });
  return rows.length;
}
