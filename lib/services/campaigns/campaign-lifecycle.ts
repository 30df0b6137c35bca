import { and, eq, isNull, sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { campaigns, channels } from "@/db/schema";
import { recordAudit, recordSystemAudit } from "@/lib/audit";
import { ConflictError } from "@/lib/errors";
import { requirePermission, type OrgContext } from "@/lib/tenancy/context";
import { auditView, getCampaignInOrg, toCampaign, type CampaignRow } from "./queries";
import { EDITABLE_STATUSES, type Campaign, type CampaignStatus } from "./schemas";
import { campaignSendStartedEvent, campaignStoppedEvent, campaignUnscheduledEvent } from "@/inngest/events/campaigns";
import { emitCampaignEvents } from "./emit-campaign-events";

/** "Send now": starts sending to every subscriber at once; a pending schedule is cancelled. */
export async function sendCampaignNow({ ctx, campaignId }: { ctx: OrgContext; campaignId: string }): Promise<Campaign> {
  requirePermission(ctx, "campaigns.manage");
  const db = await getDb();
  const { before, after, page } = await db.transaction(async (tx) => {
    const { campaign: before, page } = await getCampaignInOrg(tx, ctx, campaignId, { forUpdate: true });
    if (!EDITABLE_STATUSES.includes(before.status)) throw new ConflictError("This campaign is already sending or has ended.");
    if (before.subscribers === 0) throw new ConflictError("This campaign has no subscribers yet.");
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

/** Continues a campaign paused by a revoked Page token, once the channel is reconnected. */
export async function resumeCampaign({ ctx, campaignId }: { ctx: OrgContext; campaignId: string }): Promise<Campaign> {
  requirePermission(ctx, "campaigns.manage");
  const db = await getDb();
  const { after, page } = await db.transaction(async (tx) => {
    const { campaign: before, page } = await getCampaignInOrg(tx, ctx, campaignId, { forUpdate: true });
    if (before.status !== "paused") throw new ConflictError("Only a paused campaign can be resumed.");
    const [channel] = await tx.select({ reconnectReason: channels.reconnectReason }).from(channels).where(eq(channels.id, before.channelId));
    if (channel?.reconnectReason) throw new ConflictError("Reconnect the channel first: its Page access token was refused.");
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

const CANCELLABLE: readonly CampaignStatus[] = ["draft", "scheduled", "sending", "paused"];

/** Stops a campaign for good: its schedule is cancelled and a running send stops after the batch in flight. */
export async function cancelCampaign({ ctx, campaignId }: { ctx: OrgContext; campaignId: string }): Promise<Campaign> {
  requirePermission(ctx, "campaigns.manage");
  const db = await getDb();
  const { before, after, page } = await db.transaction(async (tx) => {
    const { campaign: before, page } = await getCampaignInOrg(tx, ctx, campaignId, { forUpdate: true });
    if (!CANCELLABLE.includes(before.status)) throw new ConflictError("This campaign has already ended.");
    const [after] = await tx
      .update(campaigns)
      .set({ status: "cancelled", finishedAt: new Date(), scheduleVersion: before.scheduleVersion + 1 })
      .where(eq(campaigns.id, before.id))
      .returning();
    await recordAudit(tx, ctx, { action: "campaign.cancelled", resourceId: before.id, before: auditView(before), after: auditView(after) });
    return { before, after, page };
  });
  await emitCampaignEvents(stopEvents(before, after, "cancelled"));
  return toCampaign(after, page);
}

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

function stopEvents(before: CampaignRow, after: CampaignRow, reason: "cancelled" | "deleted") {
  return [
    ...(before.status === "scheduled" ? [campaignUnscheduledEvent(after, reason)] : []),
    ...(before.status === "sending" || before.status === "paused" ? [campaignStoppedEvent(after, reason)] : []),
  ];
}

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
