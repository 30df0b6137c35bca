import { ConflictError, ForbiddenError } from "@/lib/errors";
import { can, requirePermission, type OrgContext } from "@/lib/tenancy/context";
import { giveTo, requireRoom, toDeskConversation } from "./assignment";
import type { DeskEvent } from "./events";
import { deskTransaction, lockAgents, lockSkillGroups } from "./locks";
import { getConversationInOrg, isInGroup, requireDeskAccess } from "./queries";
import type { DeskConversation } from "./schemas";

/**
 * An agent takes a queued conversation for themselves. Only from their own skill groups' queues (supervisors
 * from any), only while it is still queued (two agents claiming at once: one wins, the other is told it is
 * gone), and only with room under the group's cap.
 */
export async function claimConversation({ ctx, conversationId }: { ctx: OrgContext; conversationId: string }): Promise<{ conversation: DeskConversation; events: DeskEvent[] }> {
  requirePermission(ctx, "conversations.reply");
  const me = ctx.membershipId;
  if (!me) throw new ForbiddenError("routing.errors.membersOnly");
  return deskTransaction(async (tx) => {
    const seen = await getConversationInOrg(tx, ctx, conversationId);
    await requireDeskAccess(tx, ctx, seen);
    if (!can(ctx, "conversations.assign") && !(await isInGroup(tx, seen.skillGroupId, me))) throw new ForbiddenError("routing.errors.notYourSkillGroup");
    await lockSkillGroups(tx, [seen.skillGroupId]);
    await lockAgents(tx, ctx.org.id, [me]);
    const current = await getConversationInOrg(tx, ctx, conversationId, true);
    if (current.status !== "open" || current.assigneeMembershipId || current.skillGroupId !== seen.skillGroupId) throw new ConflictError("routing.errors.notQueued");
    await requireRoom(tx, ctx.org.id, me, current.skillGroupId);
    const { row, events } = await giveTo(tx, ctx, current, me, { kind: "claimed" });
    return { conversation: toDeskConversation(row), events };
  });
}
