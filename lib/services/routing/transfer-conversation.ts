import { and, eq } from "drizzle-orm";
import { conversations } from "@/db/schema";
import { ConflictError, NotFoundError, ValidationError } from "@/lib/errors";
import { requirePermission, type OrgContext } from "@/lib/tenancy/context";
import { parseInput } from "@/lib/validation";
import { skillGroups } from "@/db/schema";
import { giveTo, requireRoom, toDeskConversation } from "./assignment";
import { drainGroupsOfMember, routeQueued } from "./engine";
import type { DeskEvent } from "./events";
import { deskTransaction, lockAgents, lockSkillGroups } from "./locks";
import { getConversationInOrg, isInGroup, recordActivities, requireDeskAccess, requireMembership } from "./queries";
import { transferInputSchema, type DeskConversation, type RouteOutcome } from "./schemas";

/**
 * Hands a conversation on, with a memo for the next person: to an agent (of the target group, within its
 * cap) or to a skill group's queue, where routing picks it up (never sticky back to whoever passed it on).
 * The assignee, anyone of its skill group, or a supervisor may transfer; resolved conversations are reopened first.
 */
export async function transferConversation({
  ctx,
  conversationId,
  input,
}: {
  ctx: OrgContext;
  conversationId: string;
  input: unknown;
}): Promise<{ conversation: DeskConversation; routing: RouteOutcome | null; events: DeskEvent[] }> {
  requirePermission(ctx, "conversations.reply");
  const data = parseInput(transferInputSchema, input);
  const result = await deskTransaction(async (tx) => {
    const seen = await getConversationInOrg(tx, ctx, conversationId);
    await requireDeskAccess(tx, ctx, seen);
    const targetGroup = data.skillGroupId ?? seen.skillGroupId;
    if (data.skillGroupId) {
      const [group] = await tx.select({ id: skillGroups.id }).from(skillGroups).where(and(eq(skillGroups.orgId, ctx.org.id), eq(skillGroups.id, data.skillGroupId)));
      if (!group) throw new NotFoundError("skillGroups.errors.notFound");
    }
    if (!targetGroup) throw new ConflictError("routing.errors.noSkillGroup");
    if (data.membershipId) {
      await requireMembership(tx, ctx.org.id, data.membershipId);
      if (!(await isInGroup(tx, targetGroup, data.membershipId))) throw ValidationError.forField("membershipId", "routing.errors.notInSkillGroup");
    }
    await lockSkillGroups(tx, [seen.skillGroupId, targetGroup]);
    if (data.membershipId) await lockAgents(tx, ctx.org.id, [data.membershipId]);
    const current = await getConversationInOrg(tx, ctx, conversationId, true);
    if (current.status === "resolved") throw new ConflictError("routing.errors.resolved");
    if (current.skillGroupId !== seen.skillGroupId) throw new ConflictError("routing.errors.notQueued");
    if (data.membershipId) {
      if (current.assigneeMembershipId !== data.membershipId) await requireRoom(tx, ctx.org.id, data.membershipId, targetGroup);
      const given = await giveTo(tx, ctx, current, data.membershipId, { kind: "transferred", skillGroupId: targetGroup, memo: data.memo ?? null });
      return { row: given.row, events: given.events, previous: current.assigneeMembershipId, queued: false };
    }
    const now = new Date();
    const [row] = await tx
      .update(conversations)
      .set({ skillGroupId: targetGroup, assigneeMembershipId: null, lastAssigneeMembershipId: null, status: "open", queuedAt: now })
      .where(and(eq(conversations.orgId, ctx.org.id), eq(conversations.id, conversationId)))
      .returning();
    const events = await recordActivities(tx, [
      {
        conversation: row!,
        kind: "transferred",
        actorMembershipId: ctx.membershipId,
        actorIsMember: true,
        from: { membershipId: current.assigneeMembershipId, skillGroupId: current.skillGroupId, status: current.status },
        to: { membershipId: null, skillGroupId: targetGroup, status: "open" },
        memo: data.memo ?? null,
      },
    ]);
    return { row: row!, events, previous: current.assigneeMembershipId, queued: true };
  });
  const events: DeskEvent[] = [...result.events];
  let routing: RouteOutcome | null = null;
  let row = toDeskConversation(result.row);
  if (result.queued) {
    const routed = await routeQueued(ctx.org.id, [conversationId]);
    routing = routed.outcomes[0] ?? null;
    events.push(...routed.events);
    if (routing?.assigneeMembershipId) row = { ...row, assigneeMembershipId: routing.assigneeMembershipId };
  }
  if (result.previous && result.previous !== result.row.assigneeMembershipId) events.push(...(await drainGroupsOfMember(ctx.org.id, result.previous)));
  return { conversation: row, routing, events };
}
