import { sql } from "drizzle-orm";
import { getDb, type Tx } from "@/db/client";
import { rowsOf } from "@/db/json-insert";
import type { DeskEvent } from "./events";
import { deskTransaction, lockAgents, lockSkillGroups } from "./locks";
import { pickAgent, type Candidate } from "./pick-agent";
import { groupsOf, loadRoutingSettings, loadsOf, recordActivities, type ActivityInput } from "./queries";
import type { RouteOutcome } from "./schemas";
import { isWithinWorkingHours } from "./working-hours";

/**
 * Assigns the group's queued conversations, oldest first, while an online agent of the group has room
 * (auto-assign on, within working hours). The caller holds the group's routing lock (locks.ts); this takes
 * the agents' presence rows and the queued rows. Returns the events of the assignments made.
 */
export async function drainLocked(tx: Tx, orgId: string, skillGroupId: string, now = new Date()): Promise<DeskEvent[]> {
  const settings = await loadRoutingSettings(tx, skillGroupId);
  if (!settings.autoAssign || !isWithinWorkingHours(settings, now)) return [];
  const queued = Number(
    rowsOf<{ n: number }>(
      await tx.execute(sql`select count(*)::int as n from conversations where skill_group_id = ${skillGroupId}::uuid and status = 'open' and assignee_membership_id is null and queued_at is not null`),
    )[0]?.n ?? 0,
  );
  if (queued === 0) return [];
  const online = rowsOf<{ membership_id: string }>(
    await tx.execute(sql`
      select p.membership_id from agent_presence p join skill_group_members m on m.membership_id = p.membership_id
       where m.skill_group_id = ${skillGroupId}::uuid and p.status = 'online'`),
  ).map((r) => r.membership_id);
  if (online.length === 0) return [];
  // Locked, then re-read: a member who went offline meanwhile is no candidate, and loads are counted after the lock.
  const agents = [...(await lockAgents(tx, orgId, online)).values()].filter((a) => a.status === "online");
  const loads = await loadsOf(tx, orgId, agents.map((a) => a.membershipId));
  const candidates: Candidate[] = agents.map((a) => ({ membershipId: a.membershipId, load: loads.get(a.membershipId) ?? 0, lastAssignedAt: a.lastAssignedAt?.getTime() ?? null }));
  const cap = settings.maxOpenPerAgent;
  const assignments: { id: string; membershipId: string }[] = [];
  let cursor = settings.roundRobinLastMembershipId;
  // FOR UPDATE, not SKIP LOCKED: a queued row another transaction holds (a message being stored) is waited
  // for, not passed over, so no conversation stays queued behind a drain that had room. A row that stopped
  // being queued meanwhile drops out of the result, hence the loop.
  for (let room = candidates.reduce((sum, c) => sum + Math.max(0, cap - c.load), 0); room > 0; ) {
    const taken = JSON.stringify(assignments.map((a) => a.id));
    const rows = rowsOf<{ id: string; last_assignee_membership_id: string | null }>(
      await tx.execute(sql`
        select id, last_assignee_membership_id from conversations
         where skill_group_id = ${skillGroupId}::uuid and status = 'open' and assignee_membership_id is null and queued_at is not null
           and id not in (select value::uuid from json_array_elements_text(${taken}::json))
         order by queued_at, id
         limit ${room}
         for update`),
    );
    if (rows.length === 0) break;
    for (const row of rows) {
      const chosen = pickAgent({ candidates, cap, strategy: settings.strategy, stickyMembershipId: settings.sticky ? row.last_assignee_membership_id : null, roundRobinCursor: cursor });
      if (!chosen) {
        room = 0;
        break;
      }
      const candidate = candidates.find((c) => c.membershipId === chosen)!;
      candidate.load++;
      candidate.lastAssignedAt = now.getTime();
      if (settings.strategy === "round_robin") cursor = chosen;
      assignments.push({ id: row.id, membershipId: chosen });
      room--;
    }
  }
  if (assignments.length === 0) return [];
  const values = JSON.stringify(assignments.map((a) => ({ id: a.id, membership_id: a.membershipId })));
  await tx.execute(sql`
    update conversations c set assignee_membership_id = v.membership_id, last_assignee_membership_id = v.membership_id, assigned_at = ${now.toISOString()}::timestamptz, updated_at = now()
      from json_to_recordset(${values}::json) as v(id uuid, membership_id uuid)
     where c.id = v.id`);
  const assignedAgents = JSON.stringify([...new Set(assignments.map((a) => a.membershipId))]);
  await tx.execute(sql`
    update agent_presence set last_assigned_at = ${now.toISOString()}::timestamptz
     where membership_id in (select value::uuid from json_array_elements_text(${assignedAgents}::json))`);
  if (cursor !== settings.roundRobinLastMembershipId) {
    await tx.execute(sql`
      insert into skill_group_routing (skill_group_id, org_id, round_robin_last_membership_id) values (${skillGroupId}::uuid, ${orgId}::uuid, ${cursor}::uuid)
      on conflict (skill_group_id) do update set round_robin_last_membership_id = excluded.round_robin_last_membership_id`);
  }
  const activities: ActivityInput[] = assignments.map((a) => ({
    conversation: { id: a.id, orgId },
    kind: "assigned",
    actorMembershipId: null,
    to: { membershipId: a.membershipId, skillGroupId, status: "open" },
  }));
  return recordActivities(tx, activities);
}

/** Drains each group in its own transaction (each holds one group's lock only briefly). */
export async function drainGroups(orgId: string, skillGroupIds: Iterable<string | null | undefined>, now?: Date): Promise<DeskEvent[]> {
  const events: DeskEvent[] = [];
  for (const id of [...new Set([...skillGroupIds].filter((g): g is string => !!g))].sort()) {
    events.push(
      ...(await deskTransaction(async (tx) => {
        await lockSkillGroups(tx, [id]);
        return drainLocked(tx, orgId, id, now ?? new Date());
      })),
    );
  }
  return events;
}

/** Offers a member's freed room (a resolve, a transfer away, coming online) to every queue they serve. */
export async function drainGroupsOfMember(orgId: string, membershipId: string): Promise<DeskEvent[]> {
  return drainGroups(orgId, await groupsOf(await getDb(), orgId, membershipId));
}

/**
 * Routes conversations that just entered the queue (new, reopened, requeued, transferred to a group):
 * drains their groups, then says where each ended up: assigned, or queued with its position and the reply
 * the group's settings ask for (the queue message, or the offline reply outside working hours).
 */
export async function routeQueued(orgId: string, conversationIds: string[], now = new Date()): Promise<{ outcomes: RouteOutcome[]; events: DeskEvent[] }> {
  if (conversationIds.length === 0) return { outcomes: [], events: [] };
  const events: DeskEvent[] = [];
  const outcomes: RouteOutcome[] = [];
  const list = JSON.stringify([...new Set(conversationIds)]);
  const groups = await deskTransaction(async (tx) =>
    rowsOf<{ id: string; skill_group_id: string | null }>(
      await tx.execute(sql`select id, skill_group_id from conversations where org_id = ${orgId}::uuid and id in (select value::uuid from json_array_elements_text(${list}::json))`),
    ),
  );
  const byGroup = new Map<string | null, string[]>();
  for (const row of groups) byGroup.set(row.skill_group_id, [...(byGroup.get(row.skill_group_id) ?? []), row.id]);
  for (const [skillGroupId, ids] of [...byGroup].sort(([a], [b]) => String(a).localeCompare(String(b)))) {
    if (!skillGroupId) {
      for (const id of ids) outcomes.push({ conversationId: id, skillGroupId: null, outcome: "unrouted", assigneeMembershipId: null, queuePosition: null, reply: null });
      continue;
    }
    await deskTransaction(async (tx) => {
      await lockSkillGroups(tx, [skillGroupId]);
      events.push(...(await drainLocked(tx, orgId, skillGroupId, now)));
      const settings = await loadRoutingSettings(tx, skillGroupId);
      const within = isWithinWorkingHours(settings, now);
      const idList = JSON.stringify(ids);
      const rows = rowsOf<{ id: string; skill_group_id: string | null; assignee_membership_id: string | null; status: string; position: number | null }>(
        await tx.execute(sql`
          select c.id, c.skill_group_id, c.assignee_membership_id, c.status,
                 case when c.status = 'open' and c.assignee_membership_id is null and c.queued_at is not null then
                   (select count(*)::int from conversations q
                     where q.skill_group_id = c.skill_group_id and q.status = 'open' and q.assignee_membership_id is null and q.queued_at is not null
                       and (q.queued_at, q.id) <= (c.queued_at, c.id))
                 end as position
            from conversations c where c.id in (select value::uuid from json_array_elements_text(${idList}::json))`),
      );
      for (const row of rows) {
        if (row.assignee_membership_id || row.position === null) {
          outcomes.push({ conversationId: row.id, skillGroupId: row.skill_group_id, outcome: row.assignee_membership_id ? "assigned" : "queued", assigneeMembershipId: row.assignee_membership_id, queuePosition: null, reply: null });
          continue;
        }
        const position = Number(row.position);
        const reply: RouteOutcome["reply"] = !within
          ? settings.offlineReplyEnabled && settings.offlineReply
            ? { kind: "offline_reply", text: settings.offlineReply }
            : null
          : settings.queueMessageEnabled && settings.queueMessage
            ? { kind: "queue_message", text: settings.queueMessage.replaceAll("{position}", String(position)) }
            : null;
        outcomes.push({ conversationId: row.id, skillGroupId: row.skill_group_id, outcome: within ? "queued" : "outside_hours", assigneeMembershipId: null, queuePosition: position, reply });
      }
    });
  }
  return { outcomes, events };
}
