import { and, eq, inArray } from "drizzle-orm";
import { getDb } from "@/db/client";
import { agentPresence, memberships, skillGroupMembers, skillGroups, users } from "@/db/schema";
import { DomainError } from "@/lib/errors";
import { can, requirePermission, type OrgContext } from "@/lib/tenancy/context";
import { getConversationInOrg, isInGroup, loadRoutingSettings, loadsOf, requireDeskAccess } from "./queries";
import type { ConversationStatus, PresenceStatus } from "./schemas";

export interface DeskAgent {
  membershipId: string;
  name: string;
  presence: PresenceStatus;
  /** Open and pending conversations assigned to them, across every group. */
  load: number;
  skillGroupIds: string[];
}

/** What the conversation header needs for the desk's actions: who has it, who could, and what the member may do. */
export interface DeskState {
  conversationId: string;
  status: ConversationStatus;
  skillGroupId: string | null;
  assignee: { membershipId: string; name: string } | null;
  queued: boolean;
  /** Every skill group of the organisation (transfer targets), with its cap. */
  skillGroups: { id: string; name: string; cap: number }[];
  /** Members of any skill group, with presence and load (assign and transfer targets). */
  agents: DeskAgent[];
  /** The actions the member may take now; the verbs check again. */
  can: { claim: boolean; assign: boolean; transfer: boolean; resolve: boolean; reopen: boolean; pending: boolean };
}

/** The desk state of one conversation the member may read (another organisation's, or outside their scope: not found). */
export async function getDeskState({ ctx, conversationId }: { ctx: OrgContext; conversationId: string }): Promise<DeskState> {
  requirePermission(ctx, "conversations.read");
  const db = await getDb();
  const c = await getConversationInOrg(db, ctx, conversationId);
  let mayWork = can(ctx, "conversations.reply");
  try {
    await requireDeskAccess(db, ctx, c);
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    if (!can(ctx, "conversations.readAll")) throw error;
    mayWork = false;
  }
  const groups = await db.select({ id: skillGroups.id, name: skillGroups.name }).from(skillGroups).where(eq(skillGroups.orgId, ctx.org.id)).orderBy(skillGroups.name);
  const caps = await Promise.all(groups.map(async (g) => ({ ...g, cap: (await loadRoutingSettings(db, g.id)).maxOpenPerAgent })));
  const groupMembers = await db
    .select({ membershipId: skillGroupMembers.membershipId, skillGroupId: skillGroupMembers.skillGroupId })
    .from(skillGroupMembers)
    .where(eq(skillGroupMembers.orgId, ctx.org.id));
  const ids = [...new Set([...groupMembers.map((m) => m.membershipId), ...(c.assigneeMembershipId ? [c.assigneeMembershipId] : [])])];
  const people =
    ids.length === 0
      ? []
      : await db
          .select({ membershipId: memberships.id, name: users.name, email: users.email, presence: agentPresence.status })
          .from(memberships)
          .innerJoin(users, eq(users.id, memberships.userId))
          .leftJoin(agentPresence, eq(agentPresence.membershipId, memberships.id))
          .where(and(eq(memberships.orgId, ctx.org.id), inArray(memberships.id, ids)));
  const loads = await loadsOf(db, ctx.org.id, ids);
  const nameOf = (p: { name: string | null; email: string }) => p.name || p.email;
  const agents = people
    .map((p) => ({
      membershipId: p.membershipId,
      name: nameOf(p),
      presence: p.presence ?? "offline",
      load: loads.get(p.membershipId) ?? 0,
      skillGroupIds: groupMembers.filter((m) => m.membershipId === p.membershipId).map((m) => m.skillGroupId),
    }))
    .filter((a) => a.skillGroupIds.length > 0)
    .sort((a, b) => a.name.localeCompare(b.name));
  const assignee = c.assigneeMembershipId ? people.find((p) => p.membershipId === c.assigneeMembershipId) : undefined;
  const me = ctx.membershipId;
  const queued = c.status === "open" && !c.assigneeMembershipId && c.queuedAt !== null;
  const supervisor = can(ctx, "conversations.assign");
  const inGroup = me ? await isInGroup(db, c.skillGroupId, me) : false;
  const unresolved = c.status !== "resolved";
  return {
    conversationId: c.id,
    status: c.status,
    skillGroupId: c.skillGroupId,
    assignee: assignee ? { membershipId: assignee.membershipId, name: nameOf(assignee) } : null,
    queued,
    skillGroups: caps,
    agents,
    can: {
      claim: mayWork && !!me && queued && (supervisor || inGroup),
      assign: supervisor && unresolved && !!c.skillGroupId,
      transfer: mayWork && unresolved && groups.length > 0,
      resolve: mayWork && unresolved,
      reopen: mayWork && c.status === "resolved",
      pending: mayWork && c.status === "open",
    },
  };
}
