import { and, asc, eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { conversationActivities } from "@/db/schema";
import { can, requirePermission, type OrgContext } from "@/lib/tenancy/context";
import { getConversationInOrg, requireDeskAccess } from "./queries";
import type { ConversationActivity } from "./schemas";

/** A conversation's desk timeline, oldest first: who took it, handed it on (with the memo), resolved or reopened it. */
export async function listConversationActivities({ ctx, conversationId }: { ctx: OrgContext; conversationId: string }): Promise<ConversationActivity[]> {
  requirePermission(ctx, "conversations.read");
  const db = await getDb();
  const conversation = await getConversationInOrg(db, ctx, conversationId);
  if (!can(ctx, "conversations.readAll")) await requireDeskAccess(db, ctx, conversation);
  const rows = await db
    .select()
    .from(conversationActivities)
    .where(and(eq(conversationActivities.orgId, ctx.org.id), eq(conversationActivities.conversationId, conversation.id)))
    .orderBy(asc(conversationActivities.createdAt), asc(conversationActivities.id));
  return rows.map((row) => ({
    id: row.id,
    kind: row.kind,
    actor: row.actorType,
    actorMembershipId: row.actorMembershipId,
    fromMembershipId: row.fromMembershipId,
    toMembershipId: row.toMembershipId,
    fromSkillGroupId: row.fromSkillGroupId,
    toSkillGroupId: row.toSkillGroupId,
    fromStatus: row.fromStatus,
    toStatus: row.toStatus,
    memo: row.memo,
    at: row.createdAt.toISOString(),
  }));
}
