import { and, eq, inArray, isNotNull, isNull, sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { agentPresence, conversations, memberships, skillGroupMembers, skillGroupRouting, skillGroups, users } from "@/db/schema";
import { DEFAULT_ROUTING_SETTINGS } from "@/lib/services/routing";
import { requirePermission, type OrgContext } from "@/lib/tenancy/context";
import type { LiveOverview } from "./schemas";

/**
 * The supervisors' live overview: who is online and how loaded, how long each skill group's queue is and
 * since when its first in line waits, how many conversations are open now. Read from the desk's own state
 * (conversations, presence), not the rollups: "now" is not a range. Each count is one indexed read (the
 * partial load and queue indexes of conversations), so the page can refetch it on every desk event.
 * Owners and admins (reports.service).
 */
export async function getLiveOverview({ ctx, now = new Date() }: { ctx: OrgContext; now?: Date }): Promise<LiveOverview> {
  requirePermission(ctx, "reports.service");
  const db = await getDb();
  const orgId = ctx.org.id;

  const groups = await db
    .select({ id: skillGroups.id, name: skillGroups.name, cap: skillGroupRouting.maxOpenPerAgent })
    .from(skillGroups)
    .leftJoin(skillGroupRouting, eq(skillGroupRouting.skillGroupId, skillGroups.id))
    .where(eq(skillGroups.orgId, orgId))
    .orderBy(skillGroups.name, skillGroups.id);
  // A group never configured routes with the defaults (routing's loadRoutingSettings): its cap is the default one.
  const capOf = new Map(groups.map((g) => [g.id, g.cap ?? DEFAULT_ROUTING_SETTINGS.maxOpenPerAgent]));

  const groupMembers = await db
    .select({ membershipId: skillGroupMembers.membershipId, skillGroupId: skillGroupMembers.skillGroupId })
    .from(skillGroupMembers)
    .where(eq(skillGroupMembers.orgId, orgId));

  // Every open or pending conversation with an assignee, whoever it is: a member who left their groups (or an
  // admin who took one) still carries it, and it still counts as open.
  const loadRows = await db
    .select({ membershipId: conversations.assigneeMembershipId, load: sql<number>`count(*)::int`.mapWith(Number) })
    .from(conversations)
    .where(and(eq(conversations.orgId, orgId), inArray(conversations.status, ["open", "pending"]), isNotNull(conversations.assigneeMembershipId)))
    .groupBy(conversations.assigneeMembershipId);
  const loads = new Map(loadRows.map((r) => [r.membershipId!, r.load]));

  // The queue as routing drains it (engine.ts): open, nobody's, queued; its first in line is the oldest queued_at.
  // An assigned conversation keeps its queued_at, so the assignee test is what tells "waiting" apart.
  const queueRows = await db
    .select({
      skillGroupId: conversations.skillGroupId,
      queued: sql<number>`count(*)::int`.mapWith(Number),
      oldest: sql<string>`min(${conversations.queuedAt})`.mapWith((v: string | Date) => new Date(v)),
    })
    .from(conversations)
    .where(and(eq(conversations.orgId, orgId), eq(conversations.status, "open"), isNull(conversations.assigneeMembershipId), isNotNull(conversations.queuedAt)))
    .groupBy(conversations.skillGroupId);
  const queueOf = new Map(queueRows.map((r) => [r.skillGroupId, r]));

  const ids = [...new Set([...groupMembers.map((m) => m.membershipId), ...loads.keys()])];
  const people =
    ids.length === 0
      ? []
      : await db
          .select({ membershipId: memberships.id, name: users.name, email: users.email, presence: agentPresence.status })
          .from(memberships)
          .innerJoin(users, eq(users.id, memberships.userId))
          .leftJoin(agentPresence, eq(agentPresence.membershipId, memberships.id))
          .where(and(eq(memberships.orgId, orgId), inArray(memberships.id, ids)));

  const agents = people
    .map((p) => {
      const skillGroupIds = groupMembers.filter((m) => m.membershipId === p.membershipId).map((m) => m.skillGroupId);
      const caps = skillGroupIds.flatMap((id) => capOf.get(id) ?? []);
      return {
        membershipId: p.membershipId,
        name: p.name || p.email,
        // A member who never set a presence has no row: routing treats them as offline too.
        presence: p.presence ?? ("offline" as const),
        load: loads.get(p.membershipId) ?? 0,
        // Routing checks the cap of the group it assigns in; the smallest is the load past which some group stops giving them work.
        maxLoad: caps.length > 0 ? Math.min(...caps) : null,
        skillGroupIds,
      };
    })
    .sort((a, b) => a.name.localeCompare(b.name) || a.membershipId.localeCompare(b.membershipId));

  const online = new Set(agents.filter((a) => a.presence === "online").map((a) => a.membershipId));
  const skillGroupList = groups.map((g) => {
    const queue = queueOf.get(g.id);
    return {
      skillGroupId: g.id,
      name: g.name,
      queued: queue?.queued ?? 0,
      oldestQueuedAt: queue ? queue.oldest.toISOString() : null,
      agentsOnline: groupMembers.filter((m) => m.skillGroupId === g.id && online.has(m.membershipId)).length,
    };
  });

  const assigned = loadRows.reduce((sum, r) => sum + r.load, 0);
  // Queued conversations whose group was deleted (skill_group_id null) are open all the same.
  const queued = queueRows.reduce((sum, r) => sum + r.queued, 0);
  return { at: now.toISOString(), openConversations: assigned + queued, agents, skillGroups: skillGroupList };
}
