import { and, desc, eq, sql, type SQL } from "drizzle-orm";
import { z } from "zod";
import { getDb } from "@/db/client";
import { channels, contacts, conversations } from "@/db/schema";
import { pageQuerySchema, toPage, type Page } from "@/lib/pagination";
import { requirePermission, type OrgContext } from "@/lib/tenancy/context";
import { conversationChannelScope } from "@/lib/tenancy/conversation-scope";
import { parseInput, say } from "@/lib/validation";
import { getConversationInOrg, summaryColumns, toSummary } from "./queries";
import type { ConversationSummary } from "./schemas";

export const conversationListSchema = pageQuerySchema.extend({
  channelId: z.uuid({ error: say("validation.channelId") }).optional(),
});
export type ConversationListInput = z.input<typeof conversationListSchema>;

/** The moment a conversation sorts by: its last message, or its creation before any message. */
const recency = sql<Date>`coalesce(${conversations.lastMessageAt}, ${conversations.createdAt})`;

/**
 * The organisation's conversations the actor may see (an agent: their skill groups' channels), most recent
 * activity first. The cursor is the id of the last
 * conversation of the previous page (keyset on recency, then id), so pages stay stable while new
 * messages arrive.
 */
export async function listConversations({ ctx, input = {} }: { ctx: OrgContext; input?: ConversationListInput }): Promise<Page<ConversationSummary>> {
  requirePermission(ctx, "conversations.read");
  const { cursor, limit, channelId } = parseInput(conversationListSchema, input);
  const db = await getDb();
  let after: SQL | undefined;
  if (cursor) {
    // The cursor must be one of this organisation's conversations (another org's id is NotFound).
    const last = await getConversationInOrg(db, ctx, cursor);
    const lastAt = (last.lastMessageAt ?? last.createdAt).toISOString();
    after = sql`(${recency}, ${conversations.id}) < (${lastAt}::timestamptz, ${last.id}::uuid)`;
  }
  const rows = await db
    .select(summaryColumns)
    .from(conversations)
    .innerJoin(contacts, eq(contacts.id, conversations.contactId))
    .innerJoin(channels, eq(channels.id, conversations.channelId))
    .where(and(eq(conversations.orgId, ctx.org.id), conversationChannelScope(db, ctx), channelId ? eq(conversations.channelId, channelId) : undefined, after))
    .orderBy(desc(recency), desc(conversations.id))
    .limit(limit + 1);
  const page = toPage(rows, limit);
  return { data: page.data.map(toSummary), nextCursor: page.nextCursor };
}
