import { and, asc, eq, isNull, sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { channels, recurringTopics } from "@/db/schema";
import { requirePermission, type OrgContext } from "@/lib/tenancy/context";
import { parseInput } from "@/lib/validation";
import { subscriberCounts, toTopic } from "./queries";
import { topicListQuerySchema, type Topic } from "./schemas";

/**
 * The organisation's live topics (optionally one channel's), by channel then title, each with its subscribers
 * by status. A Page keeps a handful of topics: no paging.
 */
export async function listTopics({ ctx, query = {} }: { ctx: OrgContext; query?: unknown }): Promise<Topic[]> {
  requirePermission(ctx, "campaigns.read");
  const { channelId } = parseInput(topicListQuerySchema, query);
  const db = await getDb();
  const rows = await db
    .select({
      topic: recurringTopics,
      channel: {
        id: channels.id,
        name: channels.name,
        pageId: channels.pageId,
        pageUsername: channels.pageUsername,
        messagingRegion: channels.messagingRegion,
        businessCountry: channels.businessCountry,
        status: channels.status,
        deletedAt: channels.deletedAt,
      },
    })
    .from(recurringTopics)
    .innerJoin(channels, eq(channels.id, recurringTopics.channelId))
    .where(and(eq(recurringTopics.orgId, ctx.org.id), isNull(recurringTopics.deletedAt), isNull(channels.deletedAt), channelId ? eq(recurringTopics.channelId, channelId) : undefined))
    .orderBy(asc(channels.name), asc(sql`lower(${recurringTopics.title})`), asc(recurringTopics.id));
  const counts = await subscriberCounts(db, rows.map((r) => r.topic.id));
  return rows.map((r) => toTopic(r.topic, r.channel, counts.get(r.topic.id)));
}
