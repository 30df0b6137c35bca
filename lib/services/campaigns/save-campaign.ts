import { eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { campaigns } from "@/db/schema";
import { recordAudit } from "@/lib/audit";
import { ConflictError, ValidationError } from "@/lib/errors";
import { randomToken } from "@/lib/ids";
import { getChannelInOrg } from "@/lib/services/channels/queries";
import { requirePermission, type OrgContext } from "@/lib/tenancy/context";
import { parseInput } from "@/lib/validation";
import { auditView, getCampaignInOrg, toCampaign } from "./queries";
import { campaignCreateSchema, campaignUpdateSchema, EDITABLE_STATUSES, type Campaign } from "./schemas";
import { campaignScheduledEvent, campaignUnscheduledEvent } from "@/inngest/events/campaigns";
import { emitCampaignEvents } from "./emit-campaign-events";

/** 16 URL-safe characters (96 bits): names the campaign within its Page and cannot be guessed. */
export function newCampaignRef(): string {
  return randomToken(12);
}

function assertFuture(scheduledAt: string | null | undefined): Date | null {
  if (!scheduledAt) return null;
  const at = new Date(scheduledAt);
  if (at.getTime() <= Date.now()) {
    const message = "Scheduled time must be in the future.";
    throw new ValidationError(`scheduledAt: ${message}`, { scheduledAt: [message] });
  }
  return at;
}

/** Creates a campaign on one of the organisation's channels; with a time it is scheduled, otherwise a draft. */
export async function createCampaign({ ctx, input }: { ctx: OrgContext; input: unknown }): Promise<Campaign> {
  requirePermission(ctx, "campaigns.manage");
  const data = parseInput(campaignCreateSchema, input);
  const scheduledAt = assertFuture(data.scheduledAt);
  const db = await getDb();
  const { row, page } = await db.transaction(async (tx) => {
    const channel = await getChannelInOrg(tx, ctx, data.channelId);
    const [created] = await tx
      .insert(campaigns)
      .values({
        orgId: ctx.org.id,
        channelId: channel.id,
        name: data.name,
        status: scheduledAt ? "scheduled" : "draft",
        ref: newCampaignRef(),
        invitation: data.invitation,
        requestTitle: data.requestTitle,
        replyText: data.replyText,
        content: data.content,
        scheduledAt,
        scheduleVersion: scheduledAt ? 1 : 0,
        ratePerSecond: data.ratePerSecond,
        requestCooldownHours: data.requestCooldownHours,
        createdBy: ctx.actor.label,
      })
      .returning();
    await recordAudit(tx, ctx, { action: "campaign.created", resourceId: created.id, after: auditView(created) });
    return { row: created, page: { pageId: channel.pageId, pageUsername: channel.pageUsername } };
  });
  if (row.scheduledAt) await emitCampaignEvents([campaignScheduledEvent(row, row.scheduledAt)]);
  return toCampaign(row, page);
}

/**
 * Changes only the fields sent, while the campaign is a draft or scheduled (not once sending started).
 * A new time reschedules: the old scheduled run is cancelled and a new one starts; null makes it a draft.
 */
export async function updateCampaign({ ctx, campaignId, input }: { ctx: OrgContext; campaignId: string; input: unknown }): Promise<Campaign> {
  requirePermission(ctx, "campaigns.manage");
  const data = parseInput(campaignUpdateSchema, input);
  const db = await getDb();
  const { before, after, page } = await db.transaction(async (tx) => {
    const { campaign: before, page } = await getCampaignInOrg(tx, ctx, campaignId, { forUpdate: true });
    if (!EDITABLE_STATUSES.includes(before.status)) throw new ConflictError("This campaign can no longer be edited: sending has started or it has ended.");
    const newTime = data.scheduledAt === undefined ? undefined : assertFuture(data.scheduledAt);
    const timeChanged = newTime !== undefined && (newTime?.getTime() ?? null) !== (before.scheduledAt?.getTime() ?? null);
    const [after] = await tx
      .update(campaigns)
      .set({
        ...(data.name !== undefined && { name: data.name }),
        ...(data.invitation !== undefined && { invitation: data.invitation }),
        ...(data.requestTitle !== undefined && { requestTitle: data.requestTitle }),
        ...(data.replyText !== undefined && { replyText: data.replyText }),
        ...(data.content !== undefined && { content: data.content }),
        ...(data.ratePerSecond !== undefined && { ratePerSecond: data.ratePerSecond }),
        ...(data.requestCooldownHours !== undefined && { requestCooldownHours: data.requestCooldownHours }),
        ...(timeChanged && { scheduledAt: newTime, status: newTime ? ("scheduled" as const) : ("draft" as const), scheduleVersion: before.scheduleVersion + 1 }),
      })
      .where(eq(campaigns.id, before.id))
      .returning();
    await recordAudit(tx, ctx, { action: "campaign.updated", resourceId: before.id, before: auditView(before), after: auditView(after) });
    return { before, after, page };
  });
  if (after.scheduleVersion !== before.scheduleVersion) {
    await emitCampaignEvents([
      ...(before.scheduledAt ? [campaignUnscheduledEvent(after, after.scheduledAt ? "rescheduled" : "unscheduled")] : []),
      ...(after.scheduledAt ? [campaignScheduledEvent(after, after.scheduledAt)] : []),
    ]);
  }
  return toCampaign(after, page);
}
