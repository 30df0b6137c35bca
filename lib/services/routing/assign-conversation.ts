import { ConflictError, ValidationError } from "@/lib/errors";
import { requirePermission, type OrgContext } from "@/lib/tenancy/context";
import { parseInput } from "@/lib/validation";
import { giveTo, requireRoom, toDeskConversation } from "./assignment";
import { drainGroupsOfMember } from "./engine";
import type { DeskEvent } from "./events";
import { deskTransaction, lockAgents, lockSkillGroups } from "./locks";
import { getConversationInOrg, isInGroup, requireMembership } from "./queries";
import { assignInputSchema, type DeskConversation } from "./schemas";

/**
 * A supervisor gives a conversation (queued or someone else's) to an agent of its skill group, within the
 * group's cap. The previous assignee's freed room is offered to their queues after the commit.
 */
export async function assignConversation({ ctx, conversationId, input }: { ctx: OrgContext; conversationId: string; input: unknown }): Promise<{ conversation: DeskConversation; events: DeskEvent[] }> {
  requirePermission(ctx, "conversations.assign");
  const { membershipId } = parseInput(assignInputSchema, input);
  const result = await deskTransaction(async (tx) => {
    const seen = await getConversationInOrg(tx, ctx, conversationId);
    await requireMembership(tx, ctx.org.id, membershipId);
    if (!(await isInGroup(tx, seen.skillGroupId, membershipId))) throw ValidationError.forField("membershipId", "routing.errors.notInSkillGroup");
    await lockSkillGroups(tx, [seen.skillGroupId]);
    await lockAgents(tx, ctx.org.id, [membershipId]);
    const current = await getConversationInOrg(tx, ctx, conversationId, true);
    if (current.status === "resolved") throw new ConflictError("routing.errors.resolved");
    if (current.skillGroupId !== seen.skillGroupId) throw new ConflictError("routing.errors.notQueued");
    if (current.assigneeMembershipId === membershipId) return { row: current, events: [] as DeskEvent[], previous: null };
    await requireRoom(tx, ctx.org.id, membershipId, current.skillGroupId);
    const { row, events } = await giveTo(tx, ctx, current, membershipId, { kind: "assigned" });
    return { row, events, previous: current.assigneeMembershipId };
  });
  const freed = result.previous ? await drainGroupsOfMember(ctx.org.id, result.previous) : [];
  return { conversation: toDeskConversation(result.row), events: [...result.events, ...freed] };
}
