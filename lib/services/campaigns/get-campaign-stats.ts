import { and, desc, eq, sql } from "drizzle-orm";
import { z } from "zod";
import { getDb } from "@/db/client";
import { rowsOf } from "@/db/json-insert";
import { campaignDeliveries, otnTokens } from "@/db/schema";
import { requirePermission, type OrgContext } from "@/lib/tenancy/context";
import { getCampaignInOrg } from "./queries";
import { audienceOf, pendingRecipientCount } from "./sender/ledger";
import { CAMPAIGN_STATUSES, EDITABLE_STATUSES } from "./schemas";
import { countAudience } from "./broadcast/audience";

export const campaignStatsSchema = z.object({
  status: z.enum(CAMPAIGN_STATUSES),
  audience: z.object({
    segmentId: z.uuid().nullable().describe("The segment the campaign is sent to; null: everyone subscribed."),
    recipients: z
      .number()
      .int()
      .describe("People the send will still reach: one per subscriber with an unused token not yet sent to, in the segment now. Before sending, the number it will send to."),
  }),
  funnel: z.object({
    linkClicks: z.number().int(),
    requestsSent: z.number().int(),
    requestsSkipped: z.number().int(),
    subscribers: z.number().int(),
    sent: z.number().int(),
    delivered: z.number().int().describe("Sent messages covered by a delivery receipt (message_deliveries watermark)."),
    read: z.number().int().describe("Sent messages covered by a read receipt (message_reads watermark)."),
  }),
  progress: z.object({
    total: z.number().int(),
    sent: z.number().int(),
    failed: z.number().int(),
    expired: z.number().int(),
    remaining: z.number().int(),
    percent: z.number().describe("Settled (sent, failed or expired) of total, 0–100."),
    ratePerSecond: z.number().describe("Sends per second measured by the sender; 0 when not sending."),
    secondsLeft: z.number().nullable().describe("Estimated from the current rate; null when not sending."),
    startedAt: z.iso.datetime().nullable(),
    finishedAt: z.iso.datetime().nullable(),
    pauseReason: z.string().nullable(),
  }),
  failuresByReason: z.array(z.object({ code: z.number().int().nullable(), reason: z.string(), count: z.number().int() })),
});

export type CampaignStats = z.infer<typeof campaignStatsSchema>;

/**
 * The campaign page's numbers: the funnel, the live progress of a send (sent of total, rate, time left),
 * and failures by reason. Counters come from the campaign row; delivered and read are the sent tokens whose
 * conversation's delivery/read watermark reached their send time.
 */
export async function getCampaignStats({ ctx, campaignId }: { ctx: OrgContext; campaignId: string }): Promise<CampaignStats> {
  requirePermission(ctx, "campaigns.read");
  const db = await getDb();
  const { campaign: c } = await getCampaignInOrg(db, ctx, campaignId);
  // OTN sends from its tokens; recurring and marketing from their delivery ledger.
  const broadcast = c.kind !== "otn";
  const ledger = broadcast ? sql`campaign_deliveries` : sql`otn_tokens`;
  const receipts = await db.execute(sql`
    select count(*) filter (where cv.delivered_watermark >= (extract(epoch from t.sent_at) * 1000)::bigint or cv.read_watermark >= (extract(epoch from t.sent_at) * 1000)::bigint)::int as delivered,
           count(*) filter (where cv.read_watermark >= (extract(epoch from t.sent_at) * 1000)::bigint)::int as read
      from ${ledger} t
      join conversations cv on cv.contact_id = t.contact_id
     where t.campaign_id = ${c.id}::uuid and t.status = 'sent'`);
  const [r] = rowsOf<{ delivered: number; read: number }>(receipts);
  const table = broadcast ? campaignDeliveries : otnTokens;
  const failures = await db
    .select({ code: table.failureCode, reason: sql<string>`coalesce(${table.failureReason}, 'Unknown')`, count: sql<number>`count(*)::int` })
    .from(table)
    .where(and(eq(table.campaignId, c.id), eq(table.status, "failed")))
    .groupBy(table.failureCode, table.failureReason)
    .orderBy(desc(sql`count(*)`))
    .limit(50);
  let recipients: number;
  if (!broadcast) recipients = await pendingRecipientCount(db, c.id, await audienceOf(db, c));
  else if (EDITABLE_STATUSES.includes(c.status)) {
    // Not started: the audience as planning would see it now (the number it will be sent to).
    recipients = await countAudience(db, { orgId: c.orgId, channelId: c.channelId, kind: c.kind === "marketing" ? "marketing" : "recurring", topicId: c.topicId, segmentId: c.segmentId }, new Date());
  } else {
    const [left] = await db
      .select({ n: sql<number>`count(*)::int` })
      .from(campaignDeliveries)
      .where(and(eq(campaignDeliveries.campaignId, c.id), sql`${campaignDeliveries.status} in ('pending', 'held', 'sending')`));
    recipients = Number(left?.n ?? 0);
  }
  const settled = c.sent + c.failed + c.expired;
  // A segment leaves some subscribers out: the send's total is who was reached plus who will be.
  const total = broadcast ? (EDITABLE_STATUSES.includes(c.status) ? recipients : c.subscribers) : c.segmentId ? settled + recipients : c.subscribers;
  const remaining = Math.max(0, total - settled);
  const sending = c.status === "sending";
  return {
    status: c.status,
    audience: { segmentId: c.segmentId, recipients },
    funnel: {
      linkClicks: c.linkClicks,
      requestsSent: c.requestsSent,
      requestsSkipped: c.requestsSkipped,
      subscribers: c.subscribers,
      sent: c.sent,
      delivered: r?.delivered ?? 0,
      read: r?.read ?? 0,
    },
    progress: {
      total,
      sent: c.sent,
      failed: c.failed,
      expired: c.expired,
      remaining,
      percent: total === 0 ? 0 : Math.round((settled / total) * 1000) / 10,
      ratePerSecond: sending ? c.currentRate : 0,
      secondsLeft: sending && c.currentRate > 0 ? Math.ceil(remaining / c.currentRate) : null,
      startedAt: c.startedAt?.toISOString() ?? null,
      finishedAt: c.finishedAt?.toISOString() ?? null,
      pauseReason: c.pauseReason,
    },
    failuresByReason: failures.map((f) => ({ code: f.code, reason: f.reason, count: Number(f.count) })),
  };
}
