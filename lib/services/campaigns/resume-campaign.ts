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

/** Continues a campaign paused by a revoked Page token, once the channel is reconnected. */
export async function resumeCampaign({ ctx, campaignId }: { ctx: OrgContext; campaignId: string }): Promise<Campaign> {
  requirePermission(ctx, "campaigns.manage");
  const db = await getDb();
  const { after, page } = await db.transaction(async (tx) => {
    const { campaign: before, page } = await getCampaignInOrg(tx, ctx, campaignId, { forUpdate: true });
    if (before.status !== "paused") throw new ConflictError("campaigns.errors.notPaused");
    const [channel] = await tx.select({ reconnectReason: channels.reconnectReason }).from(channels).where(eq(channels.id, before.channelId));
    if (channel?.reconnectReason) throw new ConflictError("campaigns.errors.reconnectFirst");
    const [after] = await tx
      .update(campaigns)
      .set({ status: "sending", pauseReason: null, scheduleVersion: before.scheduleVersion + 1 })
      .where(eq(campaigns.id, before.id))
      .returning();
    await recordAudit(tx, ctx, { action: "campaign.resumed", resourceId: before.id, before: auditView(before), after: auditView(after) });
    return { after, page };
  });
  await emitCampaignEvents([campaignSendStartedEvent(after)]);
  return toCampaign(after, page);
}
