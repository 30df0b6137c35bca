import { and, eq, isNull, sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { campaigns } from "@/db/schema";
import { recordSystemAudit } from "@/lib/audit";
import { type CampaignRow } from "./queries";

/**
 * The scheduled run woke up: scheduled → sending, only if nothing changed the schedule meanwhile (same
 * version, not deleted). Returns the campaign when this call started the send, null otherwise.
 */
export async function startScheduledSend(campaignId: string, scheduleVersion: number): Promise<CampaignRow | null> {
  const db = await getDb();
  return db.transaction(async (tx) => {
    const [row] = await tx
      .update(campaigns)
      .set({ status: "sending", startedAt: sql`coalesce(${campaigns.startedAt}, now())` })
      .where(and(eq(campaigns.id, campaignId), eq(campaigns.status, "scheduled"), eq(campaigns.scheduleVersion, scheduleVersion), isNull(campaigns.deletedAt)))
      .returning();
    if (!row) return null;
    await recordSystemAudit(tx, row.orgId, { action: "campaign.send_started", resourceId: row.id, before: { status: "scheduled" }, after: { status: row.status } });
    return row;
  });
}
