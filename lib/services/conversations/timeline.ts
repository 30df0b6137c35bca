import { and, asc, eq, gte, inArray } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { DbOrTx } from "@/db/client";
import { conversationActivities, memberships, skillGroups, users } from "@/db/schema";
import { loadNotes } from "./notes";
import type { ConversationNote, TimelineActivity } from "./schemas";

/**
 * What the thread shows between the messages: private notes and desk events (who took the conversation,
 * handed it on and why, resolved or reopened it), with the names it words them with. `since` keeps them to
 * the span of the messages shown (when older messages are hidden, so are their notes and events).
 */
export async function loadTimeline(db: DbOrTx, orgId: string, conversationId: string, since: Date | undefined): Promise<{ notes: ConversationNote[]; activities: TimelineActivity[] }> {
  const notes = await loadNotes(db, orgId, conversationId, { since });
  const rows = await db
    .select()
    .from(conversationActivities)
    .where(and(eq(conversationActivities.orgId, orgId), eq(conversationActivities.conversationId, conversationId), since ? gte(conversationActivities.createdAt, since) : undefined))
    .orderBy(asc(conversationActivities.createdAt), asc(conversationActivities.id))
    .limit(500);
  const memberIds = [...new Set(rows.flatMap((r) => [r.actorMembershipId, r.fromMembershipId, r.toMembershipId]).filter((id): id is string => id !== null))];
  const groupIds = [...new Set(rows.map((r) => r.toSkillGroupId).filter((id): id is string => id !== null))];
  const names = new Map<string, string>();
  if (memberIds.length > 0) {
    const member = alias(memberships, "member");
    const people = await db
      .select({ id: member.id, name: users.name, email: users.email })
      .from(member)
      .innerJoin(users, eq(users.id, member.userId))
      .where(and(eq(member.orgId, orgId), inArray(member.id, memberIds)));
    for (const p of people) names.set(p.id, p.name || p.email);
  }
  if (groupIds.length > 0) {
    const groups = await db.select({ id: skillGroups.id, name: skillGroups.name }).from(skillGroups).where(and(eq(skillGroups.orgId, orgId), inArray(skillGroups.id, groupIds)));
    for (const g of groups) names.set(g.id, g.name);
  }
  const nameOf = (id: string | null) => (id ? (names.get(id) ?? null) : null);
  const activities = rows.map(
    (r): TimelineActivity => ({
      id: r.id,
      kind: r.kind,
      actor: r.actorType,
      actorName: nameOf(r.actorMembershipId),
      fromName: nameOf(r.fromMembershipId),
      toName: nameOf(r.toMembershipId),
      toSkillGroupName: r.fromSkillGroupId !== r.toSkillGroupId ? nameOf(r.toSkillGroupId) : null,
      fromStatus: r.fromStatus,
      toStatus: r.toStatus,
      memo: r.memo,
      at: r.createdAt.toISOString(),
    }),
  );
  return { notes, activities };
}
