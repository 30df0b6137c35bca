import { and, desc, eq, sql, type SQL } from "drizzle-orm";
import { getDb } from "@/db/client";
import { messages } from "@/db/schema";
import { NotFoundError } from "@/lib/errors";
import { pageQuerySchema, toPage, type Page } from "@/lib/pagination";
import { requirePermission, type OrgContext } from "@/lib/tenancy/context";
import { parseInput } from "@/lib/validation";
import { toConversationMessages } from "./message-rows";
import { getConversationInOrg } from "./queries";
import type { ConversationMessage } from "./schemas";

export const conversationMessagesQuerySchema = pageQuerySchema;

/**
 * A conversation's messages, newest first (Meta's event time, then id), a page at a time: the first page is
 * the latest, each next page older. The cursor is the id of the last message of the previous page.
 */
export async function listConversationMessages({ ctx, conversationId, input = {} }: { ctx: OrgContext; conversationId: string; input?: { cursor?: string; limit?: number | string } }): Promise<Page<ConversationMessage>> {
  requirePermission(ctx, "conversations.read");
  const { cursor, limit } = parseInput(conversationMessagesQuerySchema, input);
  const db = await getDb();
  const conversation = await getConversationInOrg(db, ctx, conversationId);
  let after: SQL | undefined;
  if (cursor) {
    const [last] = await db
      .select({ id: messages.id, timestamp: messages.timestamp })
      .from(messages)
      .where(and(eq(messages.orgId, ctx.org.id), eq(messages.conversationId, conversation.id), eq(messages.id, cursor)));
    if (!last) throw new NotFoundError("conversations.errors.messageNotFound");
    after = sql`(${messages.timestamp}, ${messages.id}) < (${last.timestamp}, ${last.id}::uuid)`;
  }
  const rows = await db
    .select()
    .from(messages)
    .where(and(eq(messages.orgId, ctx.org.id), eq(messages.conversationId, conversation.id), after))
    .orderBy(desc(messages.timestamp), desc(messages.id))
    .limit(limit + 1);
  const page = toPage(rows, limit);
  const data = await toConversationMessages(
    db,
    { orgId: ctx.org.id, channelId: conversation.channelId, deliveredWatermark: conversation.deliveredWatermark, readWatermark: conversation.readWatermark },
    page.data,
  );
  return { data, nextCursor: page.nextCursor };
}
