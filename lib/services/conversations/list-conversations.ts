import { and, asc, desc, eq, inArray, sql, type SQL } from "drizzle-orm";
import { getDb } from "@/db/client";
import { channels, contacts, conversationLabels, conversations, labels, memberships, users } from "@/db/schema";
import { toPage, type Page } from "@/lib/pagination";
import { requirePermission, type OrgContext } from "@/lib/tenancy/context";
import { parseInput } from "@/lib/validation";
import { inboxConditions, matchingText, snippetAround, viewCondition } from "./inbox-filters";
import { getConversationInOrg, summaryColumns, toSummary } from "./queries";
import { conversationListSchema, type ConversationLabel, type ConversationListInput, type ConversationListItem } from "./schemas";

/** The moment a conversation sorts by: its last message, or its creation before any message. */
const recency = sql<Date>`coalesce(${conversations.lastMessageAt}, ${conversations.createdAt})`;

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
  const rows = await db
    .select({
      ...summaryColumns,
      assigneeName: sql<string | null>`nullif(${users.name}, '')`,
      assigneeEmail: users.email,
      matchText: filters.q ? matchingText(filters.q) : sql<string | null>`null`,
    })
    .from(conversations)
    .innerJoin(contacts, eq(contacts.id, conversations.contactId))
    .innerJoin(channels, eq(channels.id, conversations.channelId))
    .leftJoin(memberships, eq(memberships.id, conversations.assigneeMembershipId))
    .leftJoin(users, eq(users.id, memberships.userId))
    .where(and(inboxConditions(db, ctx, filters), viewCondition(db, ctx, view), after))
    .orderBy(desc(recency), desc(conversations.id))
    .limit(limit + 1);
  const page = toPage(rows, limit);
  const labelsOf = await labelsByConversation(page.data.map((r) => r.id));
  return {
    data: page.data.map((row) => ({
      ...toSummary(row),
      assigneeName: row.assigneeName ?? row.assigneeEmail ?? null,
      labels: labelsOf.get(row.id) ?? [],
      matchSnippet: row.matchText && filters.q ? snippetAround(row.matchText, filters.q) : null,
    })),
    nextCursor: page.nextCursor,
  };
}

/** The labels of a page of conversations (already within the tenant), by name. */
async function labelsByConversation(conversationIds: string[]): Promise<Map<string, ConversationLabel[]>> {
  const byConversation = new Map<string, ConversationLabel[]>();
  if (conversationIds.length === 0) return byConversation;
  const db = await getDb();
  const rows = await db
    .select({ conversationId: conversationLabels.conversationId, id: labels.id, name: labels.name, color: labels.color })
    .from(conversationLabels)
    .innerJoin(labels, eq(labels.id, conversationLabels.labelId))
    .where(inArray(conversationLabels.conversationId, conversationIds))
    .orderBy(asc(sql`lower(${labels.name})`));
  for (const { conversationId, ...label } of rows) {
    const list = byConversation.get(conversationId) ?? [];
    list.push(label);
    byConversation.set(conversationId, list);
  }
  return byConversation;
}
