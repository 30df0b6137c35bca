import { and, eq, sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { campaigns, messagePermissions, otnTokens } from "@/db/schema";
import { getChannelInOrg } from "@/lib/services/channels";
import { requirePermission, type OrgContext } from "@/lib/tenancy/context";
import { OTN_TOKEN_LIFETIME_MS, PERMISSION_KINDS, PERMISSION_STATUSES, type ChannelPermissionSummary, type PermissionStatus } from "./constants";

/**
 * How many permissions to message the channel's people hold, by kind and status (the channel page; later the
 * campaign composer's audience size). Same status rules as the contact's list. Another organisation's or a
 * deleted channel is not found.
 */
export async function summarizeChannelPermissions({ ctx, channelId, now = new Date() }: { ctx: OrgContext; channelId: string; now?: Date }): Promise<ChannelPermissionSummary> {
  requirePermission(ctx, "channels.read");
  const db = await getDb();
  const channel = await getChannelInOrg(db, ctx, channelId);
  const lapsedBefore = new Date(now.getTime() - OTN_TOKEN_LIFETIME_MS);

  const otnStatus = sql<PermissionStatus>`case
    when ${otnTokens.status} in ('sending', 'sent', 'failed') then 'used'
    when ${otnTokens.status} = 'expired' or ${otnTokens.optedInAt} <= ${lapsedBefore.toISOString()}::timestamptz then 'expired'
    else 'active' end`;
  // Through the channel's campaigns, so the count walks the (campaign, status) index rather than every token.
  const otn = await db
    .select({ status: otnStatus, n: sql<number>`count(*)::int` })
    .from(otnTokens)
    .innerJoin(campaigns, eq(campaigns.id, otnTokens.campaignId))
    .where(and(eq(campaigns.orgId, ctx.org.id), eq(campaigns.channelId, channel.id)))
    // By position: the expression binds its time as a parameter, so repeating it would not match the select list.
    .groupBy(sql`1`);

  const otherStatus = sql<PermissionStatus>`case when ${messagePermissions.status} <> 'expired' and ${messagePermissions.expiresAt} <= ${now.toISOString()}::timestamptz then 'expired' else ${messagePermissions.status}::text end`;
  const others = await db
    .select({ kind: messagePermissions.kind, status: otherStatus, n: sql<number>`count(*)::int` })
    .from(messagePermissions)
    .where(and(eq(messagePermissions.orgId, ctx.org.id), eq(messagePermissions.channelId, channel.id)))
    .groupBy(sql`1`, sql`2`);

  const summary = Object.fromEntries(PERMISSION_KINDS.map((kind) => [kind, Object.fromEntries(PERMISSION_STATUSES.map((s) => [s, 0]))])) as ChannelPermissionSummary;
  for (const row of otn) summary.otn[row.status] += Number(row.n);
  for (const row of others) summary[row.kind][row.status] += Number(row.n);
  return summary;
}
