import { asc, desc, eq, inArray, sql, type SQL } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { channels, contacts, conversationLabels, conversations, labels, memberships, users } from "@/db/schema";
import { matchingText, snippetAround } from "./inbox-filters";
import { summaryColumns, toSummary } from "./queries";
import type { ConversationLabel, ConversationListItem } from "./schemas";

/** The moment a conversation sorts by: its last message, or its creation before any message. */
export const recency = sql<Date>`coalesce(${conversations.lastMessageAt}, ${conversations.createdAt})`;

/**
 * Conversations as inbox rows (summary, assignee's name, labels, and with a search the matching message's
 * snippet), most recent activity first. `where` must hold the tenant conditions (inboxConditions).
 */
export async function selectListItems(db: DbOrTx, { where, q, limit }: { where: SQL; q?: string; limit: number }): Promise<ConversationListItem[]> {
  const rows = await db
    .select({
      ...summaryColumns,
      assigneeName: sql<string | null>`nullif(${users.name}, '')`,
      assigneeEmail: users.email,
      matchText: q ? matchingText(q) : sql<string | null>`null`,
    })
    .from(conversations)
    .innerJoin(contacts, eq(contacts.id, conversations.contactId))
    .innerJoin(channels, eq(channels.id, conversations.channelId))
    .leftJoin(memberships, eq(memberships.id, conversations.assigneeMembershipId))
    .leftJoin(users, eq(users.id, memberships.userId))
    .where(where)
    .orderBy(desc(recency), desc(conversations.id))
    .limit(limit);
  const labelsOf = await labelsByConversation(
    db,
    rows.map((r) => r.id),
  );
  return rows.map((row) => ({
    ...toSummary(row),
    assigneeName: row.assigneeName ?? row.assigneeEmail ?? null,
    labels: labelsOf.get(row.id) ?? [],
    matchSnippet: row.matchText && q ? snippetAround(row.matchText, q) : null,
  }));
}

/** The labels of some conversations (already within the tenant), by name. */
async function labelsByConversation(db: DbOrTx, conversationIds: string[]): Promise<Map<string, ConversationLabel[]>> {
  const byConversation = new Map<string, ConversationLabel[]>();
  if (conversationIds.length === 0) return byConversation;
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
