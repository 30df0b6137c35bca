import { and, asc, eq, ilike, isNull, or, sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { cannedReplies, memberships, skillGroups, users } from "@/db/schema";
import { getConversationInScope } from "@/lib/services/conversations";
import { actingUserId, requirePermission, type OrgContext } from "@/lib/tenancy/context";
import { parseInput } from "@/lib/validation";
import { likePattern } from "./list-canned-replies";
import { CANNED_REPLY_SEARCH_LIMIT, cannedReplySearchSchema, renderCannedReply, type CannedReplySuggestion } from "./schemas";

/**
 * What the composer's "/" menu offers in one conversation (the actor must see it, else NotFound): the
 * organisation's replies and those of the conversation's skill group, never another group's. Best match first:
 * the shortcut itself, then shortcuts starting with `q`, then shortcuts or contents containing it. Each comes
 * filled in for this conversation: the contact's names, the acting member's name and the Page's.
 */
export async function searchCannedReplies({ ctx, conversationId, q }: { ctx: OrgContext; conversationId: string; q?: unknown }): Promise<CannedReplySuggestion[]> {
  requirePermission(ctx, "conversations.reply");
  const { q: query } = parseInput(cannedReplySearchSchema, { q: q ?? "" });
  const text = query.replace(/^\//, "").toLowerCase();
  const db = await getDb();
  const conversation = await getConversationInScope(db, ctx, conversationId);
  const shortcut = sql`lower(${cannedReplies.shortcut})`;
  const rank = sql<number>`case when ${shortcut} = ${text} then 0 when starts_with(${shortcut}, ${text}) then 1 when ${shortcut} like ${likePattern(text)} then 2 else 3 end`;
  const rows = await db
    .select({ id: cannedReplies.id, shortcut: cannedReplies.shortcut, content: cannedReplies.content, skillGroupName: skillGroups.name })
    .from(cannedReplies)
    .leftJoin(skillGroups, eq(skillGroups.id, cannedReplies.skillGroupId))
    .where(
      and(
        eq(cannedReplies.orgId, ctx.org.id),
        conversation.skillGroupId ? or(isNull(cannedReplies.skillGroupId), eq(cannedReplies.skillGroupId, conversation.skillGroupId)) : isNull(cannedReplies.skillGroupId),
        text ? or(ilike(cannedReplies.shortcut, likePattern(text)), ilike(cannedReplies.content, likePattern(text))) : undefined,
      ),
    )
    // Within a rank, the group's own answer before the organisation's (it was written for these conversations).
    .orderBy(...(text ? [rank] : []), sql`${cannedReplies.skillGroupId} is null`, asc(shortcut))
    .limit(CANNED_REPLY_SEARCH_LIMIT);
  const values = {
    first_name: conversation.firstName,
    last_name: conversation.lastName,
    agent_name: await actingMemberName(ctx),
    page_name: conversation.channelName,
  };
  return rows.map((row) => ({ ...row, rendered: renderCannedReply(row.content, values) }));
}

/** The acting member's name as the person should read it (an API key acts for the member who made it). */
async function actingMemberName(ctx: OrgContext): Promise<string | null> {
  const db = await getDb();
  const userId = actingUserId(ctx);
  const where = ctx.membershipId ? eq(memberships.id, ctx.membershipId) : userId ? eq(memberships.userId, userId) : undefined;
  if (!where) return null;
  const [row] = await db
    .select({ name: users.name })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(eq(memberships.orgId, ctx.org.id), where));
  return row?.name || null;
}
