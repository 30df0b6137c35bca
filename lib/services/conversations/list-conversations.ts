import { and, sql, type SQL } from "drizzle-orm";
import { getDb } from "@/db/client";
import { conversations } from "@/db/schema";
import { toPage, type Page } from "@/lib/pagination";
import { requirePermission, type OrgContext } from "@/lib/tenancy/context";
import { parseInput } from "@/lib/validation";
import { inboxConditions, viewCondition } from "./inbox-filters";
import { recency, selectListItems } from "./list-items";
import { getConversationInOrg } from "./queries";
import { conversationListSchema, type ConversationListInput, type ConversationListItem } from "./schemas";

/**
 * The inbox: the organisation's conversations the actor may see (an agent: their skill groups' channels) in
 * one view (mine, unassigned, all) under the filters and search given, most recent activity first. The cursor
 * is the id of the last conversation of the previous page (keyset on recency, then id), so pages stay stable
 * while new messages arrive.
 */
export async function listConversations({ ctx, input = {} }: { ctx: OrgContext; input?: ConversationListInput }): Promise<Page<ConversationListItem>> {
  requirePermission(ctx, "conversations.read");
  const { cursor, limit, view, ...filters } = parseInput(conversationListSchema, input);
  const db = await getDb();
  let after: SQL | undefined;
  if (cursor) {
    // The cursor must be one of this organisation's conversations (another org's id is NotFound).
    const last = await getConversationInOrg(db, ctx, cursor);
    const lastAt = (last.lastMessageAt ?? last.createdAt).toISOString();
    after = sql`(${recency}, ${conversations.id}) < (${lastAt}::timestamptz, ${last.id}::uuid)`;
  }
  const where = and(inboxConditions(db, ctx, filters), viewCondition(db, ctx, view), after)!;
  return toPage(await selectListItems(db, { where, q: filters.q, limit: limit + 1 }), limit);
}
