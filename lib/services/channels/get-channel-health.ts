import { and, desc, eq, gt, sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { channelErrors, webhookEvents } from "@/db/schema";
import { requirePermission, type OrgContext } from "@/lib/tenancy/context";
import { getChannelInOrg } from "./queries";

export interface ChannelHealth {
  lastEventAt: string | null;
  eventsLastHour: number;
  /** Events per hour for the last 24 hours, oldest first. */
  hourly: { hour: string; events: number }[];
  /** Latest first; `count` is how many times it happened in that minute (unsigned POSTs are counted, not listed). */
  recentErrors: { id: string; kind: string; reason: string; graphCode: number | null; count: number; at: string }[];
  errorsLastHour: number;
}

/** The health panel, derived from what is stored: webhook events and recorded errors. */
export async function getChannelHealth({ ctx, channelId }: { ctx: OrgContext; channelId: string }): Promise<ChannelHealth> {
  requirePermission(ctx, "channels.read");
  const db = await getDb();
  const channel = await getChannelInOrg(db, ctx, channelId);
  const since = new Date(Date.now() - 24 * 3_600_000);
  const hourAgo = new Date(Date.now() - 3_600_000);
  const [hourly, [last], errors, [errorCount], [lastHour]] = await Promise.all([
    db
      .select({ hour: sql<string>`date_trunc('hour', ${webhookEvents.receivedAt})`.as("hour"), events: sql<number>`count(*)::int` })
      .from(webhookEvents)
      .where(and(eq(webhookEvents.channelId, channel.id), gt(webhookEvents.receivedAt, since)))
      .groupBy(sql`1`)
      .orderBy(sql`1`),
    db.select({ at: sql<Date | null>`max(${webhookEvents.receivedAt})` }).from(webhookEvents).where(eq(webhookEvents.channelId, channel.id)),
    db.select().from(channelErrors).where(eq(channelErrors.channelId, channel.id)).orderBy(desc(channelErrors.at), desc(channelErrors.id)).limit(20),
    db
      .select({ n: sql<number>`coalesce(sum(${channelErrors.count}), 0)::int` })
      .from(channelErrors)
      .where(and(eq(channelErrors.channelId, channel.id), gt(channelErrors.at, hourAgo))),
    db
      .select({ n: sql<number>`count(*)::int` })
      .from(webhookEvents)
      .where(and(eq(webhookEvents.channelId, channel.id), gt(webhookEvents.receivedAt, hourAgo))),
  ]);
  const lastAt = last?.at ? new Date(last.at) : null;
  return {
    lastEventAt: lastAt?.toISOString() ?? null,
    eventsLastHour: Number(lastHour?.n ?? 0),
    hourly: hourly.map((h) => ({ hour: new Date(h.hour).toISOString(), events: Number(h.events) })),
    recentErrors: errors.map((e) => ({ id: e.id, kind: e.kind, reason: e.reason, graphCode: e.graphCode, count: e.count, at: e.at.toISOString() })),
    errorsLastHour: Number(errorCount?.n ?? 0),
  };
}
