import { sql } from "drizzle-orm";
import { getDb, type Tx } from "@/db/client";
import { rowsOf } from "@/db/json-insert";

/**
 * The routing locks, always taken in this order, so two desk transactions never wait on each other in a
 * circle:
 *
 * 1. The skill group's routing lock: a transaction-scoped advisory lock on (ROUTING_LOCK_SPACE,
 *    hashtext(skill group id)), several in id order. It serialises the group's queue: drains, routing,
 *    claims, assignments and transfers into the group, so the queue is served oldest first, the round-robin
 *    cursor moves one step at a time, and no drain decides on a queue another is halfway through. Advisory
 *    rather than a row lock: a FOR UPDATE on the skill_groups row would also block every insert of a
 *    conversation (its foreign key takes KEY SHARE on that row) and every edit of the group, and a group
 *    need not have a routing-settings row to lock. A hash collision only serialises two groups, never
 *    breaks one.
 * 2. The agents' presence rows (agent_presence, FOR UPDATE, in membership id order): every transaction
 *    that raises an agent's load holds the row, and counts the load after taking it, so an agent in two
 *    groups drained at once is still never above the cap, and an agent going offline is never assigned
 *    to by a drain that saw them online.
 * 3. Conversation rows (FOR UPDATE; the drain takes queued rows SKIP LOCKED): a conversation is assigned
 *    by the one transaction holding its row, which re-checks that it is still unassigned.
 *
 * Lowering a load (resolve, requeue, transfer away) needs only the conversation row; the freed room is
 * then offered by a drain after the commit.
 */
const ROUTING_LOCK_SPACE = 7_301;

export async function lockSkillGroups(tx: Tx, skillGroupIds: Iterable<string | null | undefined>): Promise<void> {
  const ids = [...new Set([...skillGroupIds].filter((id): id is string => !!id))].sort();
  for (const id of ids) await tx.execute(sql`select pg_advisory_xact_lock(${ROUTING_LOCK_SPACE}, hashtext(${id}))`);
}

export interface LockedAgent {
  membershipId: string;
  status: "online" | "away" | "offline";
  lastAssignedAt: Date | null;
}

/** Locks the members' presence rows (creating offline rows for members without one), in id order. */
export async function lockAgents(tx: Tx, orgId: string, membershipIds: Iterable<string>): Promise<Map<string, LockedAgent>> {
  const ids = [...new Set(membershipIds)].sort();
  const locked = new Map<string, LockedAgent>();
  if (ids.length === 0) return locked;
  const list = JSON.stringify(ids);
  await tx.execute(sql`
    insert into agent_presence (membership_id, org_id)
    select m.id, m.org_id from memberships m where m.org_id = ${orgId}::uuid and m.id in (select value::uuid from json_array_elements_text(${list}::json))
    on conflict do nothing`);
  const rows = rowsOf<{ membership_id: string; status: LockedAgent["status"]; last_assigned_at: Date | string | null }>(
    await tx.execute(sql`
      select membership_id, status, last_assigned_at from agent_presence
       where org_id = ${orgId}::uuid and membership_id in (select value::uuid from json_array_elements_text(${list}::json))
       order by membership_id
       for update`),
  );
  for (const row of rows) locked.set(row.membership_id, { membershipId: row.membership_id, status: row.status, lastAssignedAt: row.last_assigned_at === null ? null : new Date(row.last_assigned_at) });
  return locked;
}

/**
 * Runs a desk transaction, again on a deadlock or serialisation failure. The lock order above should
 * never deadlock; this keeps a transaction that does (with a statement outside the desk) from failing
 * the caller.
 */
export async function deskTransaction<T>(work: (tx: Tx) => Promise<T>, attempts = 4): Promise<T> {
  const db = await getDb();
  for (let attempt = 1; ; attempt++) {
    try {
      return await db.transaction(work);
    } catch (error) {
      if (attempt >= attempts || !isRetryable(error)) throw error;
    }
  }
}

function isRetryable(error: unknown): boolean {
  for (let e = error as { code?: string; cause?: unknown } | undefined; e; e = e.cause as typeof e) {
    if (e.code === "40P01" || e.code === "40001") return true;
  }
  return false;
}
