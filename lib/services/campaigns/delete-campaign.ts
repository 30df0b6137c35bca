import { eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { campaigns } from "@/db/schema";
import { recordAudit } from "@/lib/audit";
import { requirePermission, type OrgContext } from "@/lib/tenancy/context";
import { auditView, getCampaignInOrg } from "./queries";
import { emitCampaignEvents } from "./emit-campaign-events";
import { CANCELLABLE, stopEvents } from "./stop-campaign";

/** Deletes a campaign (kept for history, gone from lists and the share link); a schedule or a send is cancelled. */
export async function deleteCampaign({ ctx, campaignId }: { ctx: OrgContext; campaignId: string }): Promise<void> {
  requirePermission(ctx, "campaigns.manage");
  const db = await getDb();
  const { before, after } = await db.transaction(async (tx) => {
    const { campaign: before } = await getCampaignInOrg(tx, ctx, campaignId, { forUpdate: true });
    const stillRunning = CANCELLABLE.includes(before.status);
    const [after] = await tx
      .update(campaigns)
      .set({
        deletedAt: new Date(),
        scheduleVersion: before.scheduleVersion + 1,
        ...(stillRunning && { status: "cancelled" as const, finishedAt: new Date() }),
      })
      .where(eq(campaigns.id, before.id))
      .returning();
    await recordAudit(tx, ctx, { action: "campaign.deleted", resourceId: before.id, before: auditView(before) });
    return { before, after };
  });
  await emitCampaignEvents(stopEvents(before, after, "deleted"));
}
