import { and, asc, eq, gte } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { conversationNotes, memberships, users } from "@/db/schema";
import { actingUserId, type OrgContext } from "@/lib/tenancy/context";
import type { ConversationNote } from "./schemas";

/** A conversation's notes with their authors' names, oldest first (optionally one, or those since a moment). */
export async function loadNotes(db: DbOrTx, orgId: string, conversationId: string, filter: { id?: string; since?: Date; limit?: number } = {}): Promise<ConversationNote[]> {
  const rows = await db
    .select({
      id: conversationNotes.id,
      body: conversationNotes.body,
      authorMembershipId: conversationNotes.authorMembershipId,
      authorName: users.name,
      authorEmail: users.email,
      mentionedMembershipIds: conversationNotes.mentionedMembershipIds,
      createdAt: conversationNotes.createdAt,
    })
    .from(conversationNotes)
    .leftJoin(memberships, eq(memberships.id, conversationNotes.authorMembershipId))
    .leftJoin(users, eq(users.id, memberships.userId))
    .where(
      and(
        eq(conversationNotes.orgId, orgId),
        eq(conversationNotes.conversationId, conversationId),
        filter.id ? eq(conversationNotes.id, filter.id) : undefined,
        filter.since ? gte(conversationNotes.createdAt, filter.since) : undefined,
      ),
    )
    .orderBy(asc(conversationNotes.createdAt), asc(conversationNotes.id))
    .limit(filter.limit ?? 500);
  return rows.map((r) => ({
    id: r.id,
    body: r.body,
    authorMembershipId: r.authorMembershipId,
    authorName: r.authorName || r.authorEmail || null,
    mentionedMembershipIds: r.mentionedMembershipIds,
    createdAt: r.createdAt.toISOString(),
  }));
}

/** The acting member: the signed-in member, or the member an API key acts for (null when neither). */
export async function actingMembershipId(db: DbOrTx, ctx: OrgContext): Promise<string | null> {
  if (ctx.membershipId) return ctx.membershipId;
  const userId = actingUserId(ctx);
  if (!userId) return null;
  const [row] = await db.select({ id: memberships.id }).from(memberships).where(and(eq(memberships.orgId, ctx.org.id), eq(memberships.userId, userId)));
  return row?.id ?? null;
}
