import { getDb } from "@/db/client";
import { campaigns } from "@/db/schema";
import { recordAudit } from "@/lib/audit";
import { randomToken } from "@/db/ids";
import { getChannelInOrg } from "@/lib/services/channels";
import { getSegmentInOrg } from "@/lib/services/segments";
import { requirePermission, type OrgContext } from "@/lib/tenancy/context";
import { parseInput } from "@/lib/validation";
import { auditView, toCampaign } from "./queries";
import { campaignCreateSchema, type Campaign } from "./schemas";
import { campaignScheduledEvent } from "@/inngest/events/campaigns";
import { emitCampaignEvents } from "./emit-campaign-events";
import { assertFuture } from "./scheduled-at";
import { assertKindAvailable, assertSendableTopic } from "./broadcast/topic";

/** 16 URL-safe characters (96 bits): names the campaign within its Page and cannot be guessed. */
export function newCampaignRef(): string {
  return randomToken(12);
}

/**
 * Creates a campaign on one of the organisation's channels; with a time it is scheduled, otherwise a draft.
 * Recurring and marketing campaigns are refused where the channel may not send them (with Meta's reason), and a
 * recurring campaign needs a registered topic of the same channel.
 */
export async function createCampaign({ ctx, input }: { ctx: OrgContext; input: unknown }): Promise<Campaign> {
  requirePermission(ctx, "campaigns.manage");
  const data = parseInput(campaignCreateSchema, input);
  const scheduledAt = assertFuture(data.scheduledAt);
  const db = await getDb();
  const { row, page } = await db.transaction(async (tx) => {
    const channel = await getChannelInOrg(tx, ctx, data.channelId);
    if (data.segmentId) await getSegmentInOrg(tx, ctx.org.id, data.segmentId);
    if (data.kind !== "otn") assertKindAvailable(channel, data.kind);
    if (data.kind === "recurring") await assertSendableTopic(tx, ctx.org.id, channel.id, data.topicId);
    const common = {
      orgId: ctx.org.id,
      channelId: channel.id,
      name: data.name,
      kind: data.kind,
      status: scheduledAt ? ("scheduled" as const) : ("draft" as const),
      ref: newCampaignRef(),
      content: data.content,
      segmentId: data.segmentId,
      scheduledAt,
      scheduleVersion: scheduledAt ? 1 : 0,
      ratePerSecond: data.ratePerSecond,
      createdBy: ctx.actor.label,
    };
    const values =
      data.kind === "otn"
        ? {
            ...common,
            invitation: data.invitation,
            requestTitle: data.requestTitle,
            replyText: data.replyText,
            afterSendReply: data.afterSendReply,
            requestCooldownHours: data.requestCooldownHours,
          }
        : {
            ...common,
            // OTN's columns: the name stands in for the request title nobody sees.
            requestTitle: data.name.slice(0, 65),
            localSendTime: data.localSendTime,
            topicId: data.kind === "recurring" ? data.topicId : null,
            budget: data.kind === "marketing" ? data.budget : null,
          };
    const [created] = await tx.insert(campaigns).values(values).returning();
    await recordAudit(tx, ctx, { action: "campaign.created", resourceId: created.id, after: auditView(created) });
    return { row: created, page: { pageId: channel.pageId, pageUsername: channel.pageUsername } };
  });
  if (row.scheduledAt) await emitCampaignEvents([campaignScheduledEvent(row, row.scheduledAt)]);
  return toCampaign(row, page);
}
