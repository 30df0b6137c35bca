import { and, eq, isNull } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { campaigns, channels } from "@/db/schema";
import { NotFoundError } from "@/lib/errors";
import { mMeRefLink, type PageIdentity } from "@/lib/messenger-links";
import type { OrgContext } from "@/lib/tenancy/context";
import type { Campaign, CampaignBudget, CampaignContent, Invitation } from "./schemas";

export type CampaignRow = typeof campaigns.$inferSelect;
export type { PageIdentity };

/** The share link: m.me with the campaign's ref. */
export function shareLink(page: PageIdentity, ref: string): string {
  return mMeRefLink(page, ref);
}

export function toCampaign(row: CampaignRow, page: PageIdentity): Campaign {
  return {
    id: row.id,
    channelId: row.channelId,
    name: row.name,
    kind: row.kind,
    status: row.status,
    ref: row.ref,
    shareLink: shareLink(page, row.ref),
    invitation: (row.invitation as Invitation | null) ?? null,
    requestTitle: row.requestTitle,
    replyText: row.replyText,
    afterSendReply: row.afterSendReply,
    content: row.content as CampaignContent,
    segmentId: row.segmentId,
    topicId: row.topicId,
    localSendTime: row.localSendTime,
    budget: (row.budget as CampaignBudget | null) ?? null,
    metaCampaignId: row.metaCampaignId,
    scheduledAt: row.scheduledAt?.toISOString() ?? null,
    ratePerSecond: row.ratePerSecond,
    requestCooldownHours: row.requestCooldownHours,
    counts: {
      linkClicks: row.linkClicks,
      requestsSent: row.requestsSent,
      requestsSkipped: row.requestsSkipped,
      subscribers: row.subscribers,
      sent: row.sent,
      failed: row.failed,
      expired: row.expired,
      held: row.held,
    },
    startedAt: row.startedAt?.toISOString() ?? null,
    finishedAt: row.finishedAt?.toISOString() ?? null,
    pauseReason: row.pauseReason,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** Fetch-or-throw within the tenant; deleted campaigns and other organisations' campaigns are NotFound. */
export async function getCampaignInOrg(
  db: DbOrTx,
  ctx: OrgContext,
  campaignId: string,
  options: { forUpdate?: boolean } = {},
): Promise<{ campaign: CampaignRow; page: PageIdentity }> {
  const query = db
    .select({ campaign: campaigns, pageId: channels.pageId, pageUsername: channels.pageUsername })
    .from(campaigns)
    .innerJoin(channels, eq(channels.id, campaigns.channelId))
    .where(and(eq(campaigns.orgId, ctx.org.id), eq(campaigns.id, campaignId), isNull(campaigns.deletedAt)));
  const [row] = options.forUpdate ? await query.for("update", { of: campaigns }) : await query;
  if (!row) throw new NotFoundError("campaigns.errors.notFound");
  return { campaign: row.campaign, page: { pageId: row.pageId, pageUsername: row.pageUsername } };
}

/** What the audit log keeps of a campaign. */
export function auditView(row: CampaignRow) {
  return {
    name: row.name,
    kind: row.kind,
    channelId: row.channelId,
    status: row.status,
    requestTitle: row.requestTitle,
    afterSendReply: row.afterSendReply,
    scheduledAt: row.scheduledAt?.toISOString() ?? null,
    ratePerSecond: row.ratePerSecond,
    segmentId: row.segmentId,
    ...(row.kind !== "otn" && { topicId: row.topicId, localSendTime: row.localSendTime, budget: row.budget }),
    contentType: (row.content as CampaignContent).type,
  };
}
