import { eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { campaigns, channels } from "@/db/schema";
import { recordAudit } from "@/lib/audit";
import { ConflictError } from "@/lib/errors";
import { requirePermission, type OrgContext } from "@/lib/tenancy/context";
import { auditView, getCampaignInOrg, toCampaign } from "./queries";
import { EDITABLE_STATUSES, type Campaign } from "./schemas";
import { campaignSendStartedEvent, campaignUnscheduledEvent } from "@/inngest/events/campaigns";
import { emitCampaignEvents } from "./emit-campaign-events";
import { planDeliveries } from "./broadcast/plan-deliveries";
import { assertKindAvailable } from "./broadcast/topic";

/**
 * "Send now": starts sending to every subscriber at once; a pending schedule is cancelled. A recurring or marketing
 * campaign is refused where the channel may no longer send it, and its deliveries are planned in the same
 * transaction (`now`: the start the local send times are counted from; tests set it).
 */
export async function sendCampaignNow({ ctx, campaignId, now = new Date() }: { ctx: OrgContext; campaignId: string; now?: Date }): Promise<Campaign> {
  requirePermission(ctx, "campaigns.manage");
  const db = await getDb();
  const { before, after, page } = await db.transaction(async (tx) => {
    const { campaign: before, page } = await getCampaignInOrg(tx, ctx, campaignId, { forUpdate: true });
    if (!EDITABLE_STATUSES.includes(before.status)) throw new ConflictError("campaigns.errors.notDraft");
    if (before.kind === "otn" && before.subscribers === 0) throw new ConflictError("campaigns.errors.noSubscribers");
    if (before.kind !== "otn") {
      const [channel] = await tx.select().from(channels).where(eq(channels.id, before.channelId));
      assertKindAvailable(channel, before.kind, now);
    }
    let [after] = await tx
      .update(campaigns)
      .set({ status: "sending", startedAt: now, scheduleVersion: before.scheduleVersion + 1 })
      .where(eq(campaigns.id, before.id))
      .returning();
    if (after.kind !== "otn") {
      const { planned } = await planDeliveries(tx, after, now);
      if (planned === 0) throw new ConflictError("campaigns.errors.noSubscribers");
      [after] = await tx.select().from(campaigns).where(eq(campaigns.id, before.id));
    }
    await recordAudit(tx, ctx, { action: "campaign.send_now", resourceId: before.id, before: auditView(before), after: auditView(after) });
    return { before, after, page };
  });
  await emitCampaignEvents([...(before.scheduledAt ? [campaignUnscheduledEvent(after, "send_now")] : []), campaignSendStartedEvent(after)]);
  return toCampaign(after, page);
}
