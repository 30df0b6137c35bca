import { sql } from "drizzle-orm";
import { getDb, type Tx } from "@/db/client";
import { rowsOf } from "@/db/json-insert";
import { ConflictError } from "@/lib/errors";
import { requirePermission, type OrgContext } from "@/lib/tenancy/context";
import { toDeskConversation } from "./assignment";
import { routeQueued } from "./engine";
import type { DeskEvent } from "./events";
import { deskTransaction } from "./locks";
import { getConversationInOrg, recordActivities, requireDeskAccess, type ActivityInput } from "./queries";
import type { ConversationStatus, DeskConversation, RouteOutcome } from "./schemas";

/**
 * Opens conversations that the person wrote to again, inside the caller's transaction (webhook processing):
 * resolved ones re-enter their group's queue (assignee cleared, `queuedAt` now, first response cleared;
 * "opened" the first time, "reopened" after a resolve), pending ones become open again with their agent.
 * Returns the ids to route once the transaction commits, and the events.
 */
export async function openOnInbound(tx: Tx, orgId: string, conversationIds: string[], actorMembershipId: string | null = null): Promise<{ toRoute: string[]; events: DeskEvent[] }> {
  if (conversationIds.length === 0) return { toRoute: [], events: [] };
  const list = JSON.stringify([...new Set(conversationIds)].sort());
  const rows = rowsOf<{ id: string; from_status: ConversationStatus; was_resolved_before: boolean; from_assignee: string | null; skill_group_id: string | null; assignee_membership_id: string | null }>(
    await tx.execute(sql`
      with before as (
        select id, status, resolved_at, assignee_membership_id from conversations
         where org_id = ${orgId}::uuid and status <> 'open' and id in (select value::uuid from json_array_elements_text(${list}::json))
         order by id
         for update
      )
      update conversations c
         set status = 'open',
             assignee_membership_id = case when b.status = 'resolved' then null else c.assignee_membership_id end,
             queued_at = case when b.status = 'resolved' then now() else c.queued_at end,
             resolved_at = case when b.status = 'resolved' then null else c.resolved_at end,
             first_response_at = case when b.status = 'resolved' then null else c.first_response_at end,
             updated_at = now()
        from before b
       where c.id = b.id
      returning c.id, b.status as from_status, b.resolved_at is not null as was_resolved_before, b.assignee_membership_id as from_assignee, c.skill_group_id, c.assignee_membership_id`),
  );
  const activities: ActivityInput[] = rows.map((row) => ({
    conversation: { id: row.id, orgId },
    kind: row.from_status === "pending" ? "status_changed" : row.was_resolved_before ? "reopened" : "opened",
    actorMembershipId,
    from: { membershipId: row.from_assignee, skillGroupId: row.skill_group_id, status: row.from_status },
    to: { membershipId: row.assignee_membership_id, skillGroupId: row.skill_group_id, status: "open" },
  }));
  const events = await recordActivities(tx, activities);
  return { toRoute: rows.filter((row) => row.from_status === "resolved").map((row) => row.id), events };
}

/** A member reopens a resolved conversation: it re-enters its group's queue and is routed (sticky to its last agent). */
export async function reopenConversation({
  ctx,
  conversationId,
}: {
  ctx: OrgContext;
  conversationId: string;
}): Promise<{ conversation: DeskConversation; routing: RouteOutcome | null; events: DeskEvent[] }> {
  requirePermission(ctx, "conversations.reply");
  const opened = await deskTransaction(async (tx) => {
    const current = await getConversationInOrg(tx, ctx, conversationId, true);
    await requireDeskAccess(tx, ctx, current);
    if (current.status !== "resolved") throw new ConflictError("routing.errors.notResolved");
    return openOnInbound(tx, ctx.org.id, [conversationId], ctx.membershipId);
  });
  const routed = await routeQueued(ctx.org.id, opened.toRoute);
  const row = await getConversationInOrg(await getDb(), ctx, conversationId);
  return { conversation: toDeskConversation(row), routing: routed.outcomes[0] ?? null, events: [...opened.events, ...routed.events] };
}
