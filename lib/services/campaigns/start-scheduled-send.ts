import { and, eq, isNull, sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { campaigns, channels } from "@/db/schema";
import { recordSystemAudit } from "@/lib/audit";
import { type CampaignRow } from "./queries";
import { kindAvailability } from "./broadcast/availability";
import { planDeliveries } from "./broadcast/plan-deliveries";

/**
 * The scheduled run woke up: scheduled → sending, only if nothing changed the schedule meanwhile (same
 * version, not deleted). Returns the campaign when this call started the send, null otherwise.
 * A recurring or marketing campaign is planned in the same transaction; where the channel may no longer send its
 * kind (the region changed since it was scheduled), it is paused with the reason instead, and null is returned.
 */
export async function startScheduledSend(campaignId: string, scheduleVersion: number, now: Date = new Date()): Promise<CampaignRow | null> {
  const db = await getDb();
  return db.transaction(async (tx) => {
    const [row] = await tx
      .update(campaigns)
      .set({ status: "sending", startedAt: sql`coalesce(${campaigns.startedAt}, now())` })
      .where(and(eq(campaigns.id, campaignId), eq(campaigns.status, "scheduled"), eq(campaigns.scheduleVersion, scheduleVersion), isNull(campaigns.deletedAt)))
      .returning();
    if (!row) return null;
    if (row.kind !== "otn") {
      const [channel] = await tx.select().from(channels).where(eq(channels.id, row.channelId));
      const availability = kindAvailability(channel, row.kind, now);
      if (!availability.available) {
        await tx.update(campaigns).set({ status: "paused", pauseReason: availability.reason }).where(eq(campaigns.id, row.id));
        await recordSystemAudit(tx, row.orgId, { action: "campaign.paused", resourceId: row.id, before: { status: "scheduled" }, after: { status: "paused", pauseReason: availability.reason } });
        return null;
      }
      await planDeliveries(tx, row, now);
    }
    await recordSystemAudit(tx, row.orgId, { action: "campaign.send_started", resourceId: row.id, before: { status: "scheduled" }, after: { status: row.status } });
    return row;
  });
}
