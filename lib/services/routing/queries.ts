import { and, desc, eq, inArray, sql } from "drizzle-orm";
import type { DbOrTx, Tx } from "@/db/client";
import { conversationActivities, conversations, memberships, skillGroupMembers, skillGroupRouting } from "@/db/schema";
import { ForbiddenError, NotFoundError } from "@/lib/errors";
import { notifyMembers, type NotificationInput } from "@/lib/services/notifications";
import { can, type OrgContext } from "@/lib/tenancy/context";
import type { ActivityKind, ConversationEvent } from "./events";
import { DEFAULT_ROUTING_SETTINGS, type ConversationStatus, type RoutingSettings } from "./schemas";

export type ConversationRow = typeof conversations.$inferSelect;
export type StoredRoutingSettings = RoutingSettings & { roundRobinLastMembershipId: string | null };

/** The group's routing settings, or the defaults when it has never been configured. */
export async function loadRoutingSettings(db: DbOrTx, skillGroupId: string): Promise<StoredRoutingSettings> {
  const [row] = await db.select().from(skillGroupRouting).where(eq(skillGroupRouting.skillGroupId, skillGroupId));
  if (!row) return { ...DEFAULT_ROUTING_SETTINGS, roundRobinLastMembershipId: null };
  return {
    autoAssign: row.autoAssign,
    strategy: row.strategy,
    maxOpenPerAgent: row.maxOpenPerAgent,
    sticky: row.sticky,
    queueMessageEnabled: row.queueMessageEnabled,
    queueMessage: row.queueMessage,
    workingHoursEnabled: row.workingHoursEnabled,
    timeZone: row.timeZone,
    workingHours: row.workingHours,
    offlineReplyEnabled: row.offlineReplyEnabled,
    offlineReply: row.offlineReply,
    onAgentOffline: row.onAgentOffline,
    roundRobinLastMembershipId: row.roundRobinLastMembershipId,
  };
}

/** Fetch-or-throw within the tenant (another organisation's conversation is NotFound), optionally locking the row. */
export async function getConversationInOrg(tx: DbOrTx, ctx: OrgContext, conversationId: string, lock = false): Promise<ConversationRow> {
  if (!/^[0-9a-f-]{36}$/i.test(conversationId)) throw new NotFoundError("routing.errors.conversationNotFound");
  const query = tx.select().from(conversations).where(and(eq(conversations.orgId, ctx.org.id), eq(conversations.id, conversationId)));
  const [row] = lock ? await query.for("update") : await query;
  if (!row) throw new NotFoundError("routing.errors.conversationNotFound");
  return row;
}

/** The skill groups a member belongs to. */
export async function groupsOf(db: DbOrTx, orgId: string, membershipId: string): Promise<string[]> {
  const rows = await db
    .select({ id: skillGroupMembers.skillGroupId })
    .from(skillGroupMembers)
    .where(and(eq(skillGroupMembers.orgId, orgId), eq(skillGroupMembers.membershipId, membershipId)));
  return rows.map((r) => r.id);
}

export async function isInGroup(db: DbOrTx, skillGroupId: string | null, membershipId: string): Promise<boolean> {
  if (!skillGroupId) return false;
  const [row] = await db
    .select({ id: skillGroupMembers.membershipId })
    .from(skillGroupMembers)
    .where(and(eq(skillGroupMembers.skillGroupId, skillGroupId), eq(skillGroupMembers.membershipId, membershipId)));
  return !!row;
}

/**
 * Whether the actor may work on the conversation: supervisors (`conversations.assign`) always; others when it
 * is theirs or in one of their skill groups. Outside that it reads as not found, as the conversation list does.
 */
export async function requireDeskAccess(db: DbOrTx, ctx: OrgContext, conversation: ConversationRow): Promise<void> {
  if (can(ctx, "conversations.assign")) return;
  if (!can(ctx, "conversations.reply")) throw new ForbiddenError();
  const me = ctx.membershipId;
  if (me && (conversation.assigneeMembershipId === me || (await isInGroup(db, conversation.skillGroupId, me)))) return;
  throw new NotFoundError("routing.errors.conversationNotFound");
}

/** A membership of the organisation, or NotFound. */
export async function requireMembership(db: DbOrTx, orgId: string, membershipId: string): Promise<void> {
  const [row] = await db.select({ id: memberships.id }).from(memberships).where(and(eq(memberships.orgId, orgId), eq(memberships.id, membershipId)));
  if (!row) throw new NotFoundError("routing.errors.memberNotFound");
}

/** Open and pending conversations assigned to each member (their load), across every skill group. */
export async function loadsOf(db: DbOrTx, orgId: string, membershipIds: string[]): Promise<Map<string, number>> {
  const loads = new Map(membershipIds.map((id) => [id, 0]));
  if (membershipIds.length === 0) return loads;
  const rows = await db
    .select({ id: conversations.assigneeMembershipId, load: sql<number>`count(*)::int` })
    .from(conversations)
    .where(and(eq(conversations.orgId, orgId), inArray(conversations.assigneeMembershipId, membershipIds), inArray(conversations.status, ["open", "pending"])))
    .groupBy(conversations.assigneeMembershipId);
  for (const row of rows) loads.set(row.id!, Number(row.load));
  return loads;
}

export interface ActivityInput {
  conversation: { id: string; orgId: string };
  kind: ActivityKind;
  /** The member who acted; null for the system. */
  actorMembershipId: string | null;
  actorIsMember?: boolean;
  from?: { membershipId?: string | null; skillGroupId?: string | null; status?: ConversationStatus | null };
  to: { membershipId: string | null; skillGroupId: string | null; status: ConversationStatus };
  memo?: string | null;
}

/**
 * Writes the activities (one statement) and returns the events the bus publishes after the commit. A
 * conversation assigned or transferred to a member by someone else (a supervisor, a colleague, routing)
 * also writes that member a notification, in the same transaction; taking it oneself (a claim, assigning
 * oneself) does not. Routing's assignment right after a transfer to a skill group is told as that transfer,
 * with its memo and its author.
 */
export async function recordActivities(tx: Tx, list: ActivityInput[]): Promise<ConversationEvent[]> {
  if (list.length === 0) return [];
  const notices = await noticesOf(tx, list);
  await tx.insert(conversationActivities).values(
    list.map((a) => ({
      orgId: a.conversation.orgId,
      conversationId: a.conversation.id,
      kind: a.kind,
      actorType: a.actorIsMember || a.actorMembershipId ? ("member" as const) : ("system" as const),
      actorMembershipId: a.actorMembershipId,
      fromMembershipId: a.from?.membershipId ?? null,
      toMembershipId: a.to.membershipId,
      fromSkillGroupId: a.from?.skillGroupId ?? null,
      toSkillGroupId: a.to.skillGroupId,
      fromStatus: a.from?.status ?? null,
      toStatus: a.to.status,
      memo: a.memo ?? null,
      // The moment it happened, not the transaction's start (now()): a transaction that waited for the skill
      // group's lock must not be dated before the one it waited for, or the timeline (and reports) misorder them.
      createdAt: sql`clock_timestamp()`,
    })),
  );
  await notifyMembers(tx, [...notices.values()]);
  return list.map((a) => ({
    ...(notices.get(a) ? { notifiedMembershipId: notices.get(a)!.membershipId } : {}),
    type: "conversation.changed",
    orgId: a.conversation.orgId,
    conversationId: a.conversation.id,
    kind: a.kind,
    skillGroupId: a.to.skillGroupId,
    status: a.to.status,
    assigneeMembershipId: a.to.membershipId,
    previousAssigneeMembershipId: a.from?.membershipId ?? null,
  }));
}

async function noticesOf(tx: Tx, list: ActivityInput[]): Promise<Map<ActivityInput, NotificationInput>> {
  const notices = new Map<ActivityInput, NotificationInput>();
  const due = list.filter((a) => (a.kind === "assigned" || a.kind === "transferred") && a.to.membershipId && a.to.membershipId !== a.actorMembershipId);
  const routed = due.filter((a) => a.kind === "assigned" && !a.actorMembershipId).map((a) => a.conversation.id);
  const lastTransfer = new Map<string, { memo: string | null; actorMembershipId: string | null }>();
  if (routed.length > 0) {
    const rows = await tx
      .selectDistinctOn([conversationActivities.conversationId], {
        conversationId: conversationActivities.conversationId,
        kind: conversationActivities.kind,
        toMembershipId: conversationActivities.toMembershipId,
        memo: conversationActivities.memo,
        actorMembershipId: conversationActivities.actorMembershipId,
      })
      .from(conversationActivities)
      .where(inArray(conversationActivities.conversationId, routed))
      .orderBy(conversationActivities.conversationId, desc(conversationActivities.createdAt), desc(conversationActivities.id));
    for (const row of rows) if (row.kind === "transferred" && !row.toMembershipId) lastTransfer.set(row.conversationId, row);
  }
  for (const a of due) {
    const transfer = a.kind === "assigned" && !a.actorMembershipId ? lastTransfer.get(a.conversation.id) : undefined;
    notices.set(a, {
      orgId: a.conversation.orgId,
      membershipId: a.to.membershipId!,
      kind: a.kind === "transferred" || transfer ? "transferred" : "assigned",
      conversationId: a.conversation.id,
      actorMembershipId: transfer ? transfer.actorMembershipId : a.actorMembershipId,
      excerpt: transfer ? transfer.memo : a.kind === "transferred" ? (a.memo ?? null) : null,
    });
  }
  return notices;
}
