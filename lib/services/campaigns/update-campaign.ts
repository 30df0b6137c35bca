import { eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { campaigns } from "@/db/schema";
import { recordAudit } from "@/lib/audit";
import { ConflictError } from "@/lib/errors";
import { requirePermission, type OrgContext } from "@/lib/tenancy/context";
import { parseInput } from "@/lib/validation";
import { getSegmentInOrg } from "@/lib/services/segments";
import { auditView, getCampaignInOrg, toCampaign } from "./queries";
import { campaignUpdateSchema, EDITABLE_STATUSES, type Campaign } from "./schemas";
import { campaignScheduledEvent, campaignUnscheduledEvent } from "@/inngest/events/campaigns";
import { emitCampaignEvents } from "./emit-campaign-events";
import { assertFuture } from "./scheduled-at";
import { ValidationError } from "@/lib/errors";
import { assertSendableTopic } from "./broadcast/topic";

const OTN_ONLY = ["invitation", "requestTitle", "replyText", "afterSendReply", "requestCooldownHours"] as const;

/**
 * Changes only the fields sent, while the campaign is a draft or scheduled (not once sending started);
 * the reply once the campaign has ended alone may change at any time.
 * A new time reschedules: the old scheduled run is cancelled and a new one starts; null makes it a draft.
 */
export async function updateCampaign({ ctx, campaignId, input }: { ctx: OrgContext; campaignId: string; input: unknown }): Promise<Campaign> {
  requirePermission(ctx, "campaigns.manage");
  const data = parseInput(campaignUpdateSchema, input);
  const db = await getDb();
  const { before, after, page } = await db.transaction(async (tx) => {
    const { campaign: before, page } = await getCampaignInOrg(tx, ctx, campaignId, { forUpdate: true });
    const onlyAfterSendReply = Object.entries(data).every(([field, value]) => field === "afterSendReply" || value === undefined);
    if (!EDITABLE_STATUSES.includes(before.status) && !onlyAfterSendReply) throw new ConflictError("campaigns.errors.notEditable");
    if (data.segmentId) await getSegmentInOrg(tx, ctx.org.id, data.segmentId);
    // Each kind's own fields only: a field of another kind is refused rather than silently kept.
    const foreign =
      before.kind === "otn"
        ? (["topicId", "localSendTime", "budget"] as const).find((f) => data[f] !== undefined)
        : (OTN_ONLY.find((f) => data[f] !== undefined) ?? (before.kind !== "recurring" && data.topicId !== undefined ? "topicId" : before.kind !== "marketing" && data.budget !== undefined ? "budget" : undefined));
    if (foreign) throw ValidationError.forField(foreign, "broadcast.errors.fieldNotForKind", { kind: before.kind });
    if (data.topicId !== undefined) await assertSendableTopic(tx, ctx.org.id, before.channelId, data.topicId);
    const newTime = data.scheduledAt === undefined ? undefined : assertFuture(data.scheduledAt);
    const timeChanged = newTime !== undefined && (newTime?.getTime() ?? null) !== (before.scheduledAt?.getTime() ?? null);
    const [after] = await tx
      .update(campaigns)
      .set({
        ...(data.name !== undefined && { name: data.name }),
        ...(data.invitation !== undefined && { invitation: data.invitation }),
        ...(data.requestTitle !== undefined && { requestTitle: data.requestTitle }),
        ...(data.replyText !== undefined && { replyText: data.replyText }),
        ...(data.afterSendReply !== undefined && { afterSendReply: data.afterSendReply }),
        ...(data.content !== undefined && { content: data.content }),
        ...(data.segmentId !== undefined && { segmentId: data.segmentId }),
        ...(data.ratePerSecond !== undefined && { ratePerSecond: data.ratePerSecond }),
        ...(data.requestCooldownHours !== undefined && { requestCooldownHours: data.requestCooldownHours }),
        ...(data.topicId !== undefined && { topicId: data.topicId }),
        ...(data.localSendTime !== undefined && { localSendTime: data.localSendTime }),
        ...(data.budget !== undefined && { budget: data.budget }),
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
