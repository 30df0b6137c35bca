import { and, eq, sql } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { conversations } from "@/db/schema";
import { ConflictError } from "@/lib/errors";
import type { OrgContext } from "@/lib/tenancy/context";
import type { ActivityKind, DeskEvent } from "./events";
import { loadRoutingSettings, loadsOf, recordActivities, type ConversationRow } from "./queries";
import type { DeskConversation } from "./schemas";

export function toDeskConversation(row: ConversationRow): DeskConversation {
  return {
    id: row.id,
    status: row.status,
    skillGroupId: row.skillGroupId,
    assigneeMembershipId: row.assigneeMembershipId,
    queuedAt: row.queuedAt?.toISOString() ?? null,
    assignedAt: row.assignedAt?.toISOString() ?? null,
    resolvedAt: row.resolvedAt?.toISOString() ?? null,
  };
}

/** Refuses when the member already carries the group's cap. The caller holds the member's presence row. */
export async function requireRoom(tx: Tx, orgId: string, membershipId: string, skillGroupId: string | null): Promise<void> {
  const cap = skillGroupId ? (await loadRoutingSettings(tx, skillGroupId)).maxOpenPerAgent : Infinity;
  const load = (await loadsOf(tx, orgId, [membershipId])).get(membershipId) ?? 0;
  if (load >= cap) throw new ConflictError("routing.errors.atCapacity", { cap });
}

/**
 * Gives a locked, unresolved conversation to a member (claim, assignment, transfer to an agent) and records it.
 * The caller holds, in order, the group lock(s), the member's presence row and the conversation row, and has
 * checked the room.
 */
export async function giveTo(
  tx: Tx,
  ctx: OrgContext,
  conversation: ConversationRow,
  membershipId: string,
  change: { kind: ActivityKind; skillGroupId?: string | null; memo?: string | null },
): Promise<{ row: ConversationRow; events: DeskEvent[] }> {
  const now = new Date();
  const skillGroupId = change.skillGroupId === undefined ? conversation.skillGroupId : change.skillGroupId;
  const [row] = await tx
    .update(conversations)
    .set({ assigneeMembershipId: membershipId, lastAssigneeMembershipId: membershipId, assignedAt: now, skillGroupId, status: "open", queuedAt: conversation.queuedAt ?? now })
    .where(and(eq(conversations.orgId, ctx.org.id), eq(conversations.id, conversation.id)))
    .returning();
  await tx.execute(sqlLastAssigned(membershipId, now));
  const events = await recordActivities(tx, [
    {
      conversation: row!,
      kind: change.kind,
      actorMembershipId: ctx.membershipId,
      actorIsMember: ctx.actor.type !== "system",
      from: { membershipId: conversation.assigneeMembershipId, skillGroupId: conversation.skillGroupId, status: conversation.status },
      to: { membershipId, skillGroupId, status: "open" },
      memo: change.memo,
    },
  ]);
  return { row: row!, events };
}

function sqlLastAssigned(membershipId: string, now: Date) {
  return sql`update agent_presence set last_assigned_at = ${now.toISOString()}::timestamptz where membership_id = ${membershipId}::uuid`;
}
