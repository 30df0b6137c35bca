import { and, isNull, lte, eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { campaigns } from "@/db/schema";
import { campaignSendStartedEvent } from "@/inngest/events/campaigns";
import { startScheduledSend } from "./start-scheduled-send";
import { emitCampaignEvents } from "./emit-campaign-events";

/** How late a scheduled run may be before the sweeper starts the send itself. */
const GRACE_MS = 2 * 60_000;

/**
 * Starts scheduled campaigns whose time passed without their scheduled run starting them (the event was
 * lost, or the workflow engine was down at the time). The start is the same guarded transition the run
 * makes, and the send event id is the same, so the two never both start a send.
 */
export async function startDueCampaigns(now = new Date()): Promise<number> {
  const db = await getDb();
  const due = await db
    .select({ id: campaigns.id, scheduleVersion: campaigns.scheduleVersion })
    .from(campaigns)
    .where(and(eq(campaigns.status, "scheduled"), isNull(campaigns.deletedAt), lte(campaigns.scheduledAt, new Date(now.getTime() - GRACE_MS))))
    .limit(100);
  let started = 0;
  for (const c of due) {
    const row = await startScheduledSend(c.id, c.scheduleVersion);
    if (!row) continue;
    await emitCampaignEvents([campaignSendStartedEvent(row)]);
    started++;
  }
  return started;
}
