import { eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { campaigns } from "@/db/schema";
import { recordAudit } from "@/lib/audit";
import { ConflictError } from "@/lib/errors";
import { requirePermission, type OrgContext } from "@/lib/tenancy/context";
import { auditView, getCampaignInOrg, toCampaign } from "./queries";
import { EDITABLE_STATUSES, type Campaign } from "./schemas";
import { campaignSendStartedEvent, campaignUnscheduledEvent } from "@/inngest/events/campaigns";
import { emitCampaignEvents } from "./emit-campaign-events";

/** "Send now": starts sending to every subscriber at once; a pending schedule is cancelled. */
export async function sendCampaignNow({ ctx, campaignId }: { ctx: OrgContext; campaignId: string }): Promise<Campaign> {
  requirePermission(ctx, "campaigns.manage");
  const db = await getDb();
  const { before, after, page } = await db.transaction(async (tx) => {
    const { campaign: before, page } = await getCampaignInOrg(tx, ctx, campaignId, { forUpdate: true });
    if (!EDITABLE_STATUSES.includes(before.status)) throw new ConflictError("campaigns.errors.notDraft");
    if (before.subscribers === 0) throw new ConflictError("campaigns.errors.noSubscribers");
    const [after] = await tx
      .update(campaigns)
      .set({ status: "sending", startedAt: new Date(), scheduleVersion: before.scheduleVersion + 1 })
      .where(eq(campaigns.id, before.id))
      .returning();
    await recordAudit(tx, ctx, { action: "campaign.send_now", resourceId: before.id, before: auditView(before), after: auditView(after) });
    return { before, after, page };
  });
  await emitCampaignEvents([...(before.scheduledAt ? [campaignUnscheduledEvent(after, "send_now")] : []), campaignSendStartedEvent(after)]);
  return toCampaign(after, page);
}
