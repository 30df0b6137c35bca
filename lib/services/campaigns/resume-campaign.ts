import { eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { campaigns, channels } from "@/db/schema";
import { recordAudit } from "@/lib/audit";
import { ConflictError } from "@/lib/errors";
import { requirePermission, type OrgContext } from "@/lib/tenancy/context";
import { auditView, getCampaignInOrg, toCampaign } from "./queries";
import { type Campaign } from "./schemas";
import { campaignSendStartedEvent } from "@/inngest/events/campaigns";
import { emitCampaignEvents } from "./emit-campaign-events";
import { syncMetaCampaignStatus } from "./broadcast/meta-campaign-status";
import { planDeliveries } from "./broadcast/plan-deliveries";
import { assertKindAvailable } from "./broadcast/topic";

/** Continues a campaign paused by a revoked Page token, once the channel is reconnected. */
export async function resumeCampaign({ ctx, campaignId }: { ctx: OrgContext; campaignId: string }): Promise<Campaign> {
  requirePermission(ctx, "campaigns.manage");
  const db = await getDb();
  const { after, page } = await db.transaction(async (tx) => {
    const { campaign: before, page } = await getCampaignInOrg(tx, ctx, campaignId, { forUpdate: true });
    if (before.status !== "paused") throw new ConflictError("campaigns.errors.notPaused");
    const [channel] = await tx.select().from(channels).where(eq(channels.id, before.channelId));
    if (channel?.reconnectReason) throw new ConflictError("campaigns.errors.reconnectFirst");
    if (before.kind !== "otn") assertKindAvailable(channel, before.kind);
    const [after] = await tx
      .update(campaigns)
      .set({ status: "sending", pauseReason: null, scheduleVersion: before.scheduleVersion + 1 })
      .where(eq(campaigns.id, before.id))
      .returning();
    // Paused before its start could plan it (the region changed after it was scheduled): plan it now.
    if (after.kind !== "otn" && before.subscribers === 0) await planDeliveries(tx, { ...after, startedAt: after.startedAt ?? new Date() }, new Date());
    await recordAudit(tx, ctx, { action: "campaign.resumed", resourceId: before.id, before: auditView(before), after: auditView(after) });
    return { after, page };
  });
  await syncMetaCampaignStatus(after, "ACTIVE");
  await emitCampaignEvents([campaignSendStartedEvent(after)]);
  return toCampaign(after, page);
}
