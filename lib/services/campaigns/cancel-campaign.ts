import { eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { campaigns } from "@/db/schema";
import { recordAudit } from "@/lib/audit";
import { ConflictError } from "@/lib/errors";
import { requirePermission, type OrgContext } from "@/lib/tenancy/context";
import { auditView, getCampaignInOrg, toCampaign } from "./queries";
import { type Campaign } from "./schemas";
import { emitCampaignEvents } from "./emit-campaign-events";
import { syncMetaCampaignStatus } from "./broadcast/meta-campaign-status";
import { CANCELLABLE, stopEvents } from "./stop-campaign";

/** Stops a campaign for good: its schedule is cancelled and a running send stops after the batch in flight. */
export async function cancelCampaign({ ctx, campaignId }: { ctx: OrgContext; campaignId: string }): Promise<Campaign> {
  requirePermission(ctx, "campaigns.manage");
  const db = await getDb();
  const { before, after, page } = await db.transaction(async (tx) => {
    const { campaign: before, page } = await getCampaignInOrg(tx, ctx, campaignId, { forUpdate: true });
    if (!CANCELLABLE.includes(before.status)) throw new ConflictError("campaigns.errors.ended");
    const [after] = await tx
      .update(campaigns)
      .set({ status: "cancelled", finishedAt: new Date(), scheduleVersion: before.scheduleVersion + 1 })
      .where(eq(campaigns.id, before.id))
      .returning();
    await recordAudit(tx, ctx, { action: "campaign.cancelled", resourceId: before.id, before: auditView(before), after: auditView(after) });
    return { before, after, page };
  });
  await emitCampaignEvents(stopEvents(before, after, "cancelled"));
  await syncMetaCampaignStatus(after, "PAUSED");
  return toCampaign(after, page);
}
