import { eq, sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { channels, contacts, conversations } from "@/db/schema";
import { requirePermission, type OrgContext } from "@/lib/tenancy/context";
import { parseInput } from "@/lib/validation";
import { inboxConditions, mineCondition, unassignedCondition } from "./inbox-filters";
import { conversationFiltersSchema, type ConversationFiltersInput, type ConversationViewCounts } from "./schemas";

/**
 * How many conversations each inbox view holds under the same filters and search as the list, in one query:
 * the numbers on the tabs, which always match what each tab lists.
 */
export async function countConversationViews({ ctx, input = {} }: { ctx: OrgContext; input?: ConversationFiltersInput }): Promise<ConversationViewCounts> {
  requirePermission(ctx, "conversations.read");
  const filters = parseInput(conversationFiltersSchema, input);
  const db = await getDb();
  const [row] = await db
    .select({
      mine: sql<number>`count(*) filter (where ${mineCondition(db, ctx)})`.mapWith(Number),
      unassigned: sql<number>`count(*) filter (where ${unassignedCondition(db, ctx)})`.mapWith(Number),
      all: sql<number>`count(*)`.mapWith(Number),
    })
    .from(conversations)
    .innerJoin(contacts, eq(contacts.id, conversations.contactId))
    .innerJoin(channels, eq(channels.id, conversations.channelId))
    .where(inboxConditions(db, ctx, filters));
  return { mine: row?.mine ?? 0, unassigned: row?.unassigned ?? 0, all: row?.all ?? 0 };
}
