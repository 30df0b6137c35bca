import { sql } from "drizzle-orm";
import { getDb, type Tx } from "@/db/client";
import { rowsOf } from "@/db/json-insert";
import { ForbiddenError } from "@/lib/errors";
import type { OrgContext } from "@/lib/tenancy/context";
import { parseInput } from "@/lib/validation";
import { drainGroups } from "./engine";
import type { DeskEvent } from "./events";
import { deskTransaction, lockAgents } from "./locks";
import { groupsOf, recordActivities } from "./queries";
import { presenceInputSchema, type Presence, type PresenceStatus } from "./schemas";

/**
 * A member sets their own presence (online, away, offline). Coming online offers their room to their skill
 * groups' queues; going offline hands their open conversations back to the queue in the groups whose
 * routing says "requeue" (pending ones stay theirs: the person owes the next word), and those queues are
 * drained to the agents still online. Away keeps what they have and takes nothing new.
 */
export async function setPresence({ ctx, input }: { ctx: OrgContext; input: unknown }): Promise<{ presence: Presence; events: DeskEvent[] }> {
  const me = ctx.membershipId;
  if (!me) throw new ForbiddenError("routing.errors.membersOnly");
  const { status } = parseInput(presenceInputSchema, input);
  return changePresence(ctx.org.id, me, status, "manual");
}

/** Moves a member's presence and applies its consequences (shared by the manual verb and the activity rules). */
export async function changePresence(orgId: string, membershipId: string, status: PresenceStatus, source: "manual" | "activity", now = new Date()): Promise<{ presence: Presence; events: DeskEvent[] }> {
  const result = await deskTransaction(async (tx) => {
    const before = (await lockAgents(tx, orgId, [membershipId])).get(membershipId)!;
    const [row] = rowsOf<PresenceRow>(
      await tx.execute(sql`
        update agent_presence set status = ${status}, changed_by = ${source},
               status_changed_at = case when status = ${status}::presence_status then status_changed_at else ${now.toISOString()}::timestamptz end,
               last_activity_at = case when ${source} = 'activity' or ${status} = 'online' then ${now.toISOString()}::timestamptz else last_activity_at end,
               updated_at = now()
         where membership_id = ${membershipId}::uuid
        returning membership_id, status, changed_by, last_activity_at`),
    );
    const events: DeskEvent[] = before.status === status ? [] : [{ type: "presence.changed", orgId, membershipId, status }];
    const requeued = status === "offline" && before.status !== "offline" ? await requeueOf(tx, orgId, membershipId) : { groups: [], events: [] };
    return { presence: toPresence(row!), events: [...events, ...requeued.events], requeuedGroups: requeued.groups, cameOnline: status === "online" && before.status !== "online" };
  });
  const drained = result.cameOnline ? await drainGroups(orgId, await groupsOf(await getDb(), orgId, membershipId), now) : result.requeuedGroups.length > 0 ? await drainGroups(orgId, result.requeuedGroups, now) : [];
  return { presence: result.presence, events: [...result.events, ...drained] };
}

/** Under the member's presence lock: their open conversations in "requeue" groups go back to the queue. */
async function requeueOf(tx: Tx, orgId: string, membershipId: string): Promise<{ groups: string[]; events: DeskEvent[] }> {
  const rows = rowsOf<{ id: string; skill_group_id: string | null }>(
    await tx.execute(sql`
      update conversations c set assignee_membership_id = null, queued_at = now(), updated_at = now()
       where c.org_id = ${orgId}::uuid and c.assignee_membership_id = ${membershipId}::uuid and c.status = 'open'
         and coalesce((select r.on_agent_offline::text from skill_group_routing r where r.skill_group_id = c.skill_group_id), 'requeue') = 'requeue'
      returning c.id, c.skill_group_id`),
  );
  const events = await recordActivities(
    tx,
    rows.map((row) => ({
      conversation: { id: row.id, orgId },
      kind: "unassigned" as const,
      actorMembershipId: null,
      from: { membershipId, skillGroupId: row.skill_group_id, status: "open" as const },
      to: { membershipId: null, skillGroupId: row.skill_group_id, status: "open" as const },
      memo: "agent_offline",
    })),
  );
  return { groups: [...new Set(rows.map((r) => r.skill_group_id).filter((g): g is string => !!g))], events };
}

type PresenceRow = { membership_id: string; status: PresenceStatus; changed_by: "manual" | "activity"; last_activity_at: Date | string | null };
export function toPresence(row: PresenceRow): Presence {
  return { membershipId: row.membership_id, status: row.status, changedBy: row.changed_by, lastActivityAt: row.last_activity_at === null ? null : new Date(row.last_activity_at).toISOString() };
}
