import { and, eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { campaigns } from "@/db/schema";
import { recordSystemAudit } from "@/lib/audit";

/** Every token settled: sent, or sent with failures when any failed. Two batches may both get here; one writes. */
export async function finish(campaignId: string): Promise<void> {
  const db = await getDb();
  const [row] = await db.select({ failed: campaigns.failed, status: campaigns.status }).from(campaigns).where(eq(campaigns.id, campaignId));
  if (row?.status !== "sending") return;
  await db.transaction(async (tx) => {
    const [after] = await tx
      .update(campaigns)
      .set({ status: row.failed > 0 ? "sent_with_failures" : "sent", finishedAt: new Date(), currentRate: 0 })
      .where(and(eq(campaigns.id, campaignId), eq(campaigns.status, "sending")))
      .returning();
    if (!after) return;
    await recordSystemAudit(tx, after.orgId, {
      action: "campaign.finished",
      resourceId: after.id,
      before: { status: "sending" },
      after: { status: after.status, sent: after.sent, failed: after.failed, expired: after.expired },
    });
  });
}
