import { sql } from "drizzle-orm";
import { boolean, index, integer, jsonb, pgEnum, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { createdAt, id, updatedAt } from "./columns";
import { conversationStatusEnum, conversations } from "./messaging";
import { memberships, organizations, skillGroups } from "./tenancy";

export const routingStrategyEnum = pgEnum("routing_strategy", ["least_busy", "round_robin"]);
export const agentOfflinePolicyEnum = pgEnum("agent_offline_policy", ["keep", "requeue"]);

/** One range of a weekday's working hours, "HH:MM" local time; `end` <= `start` runs past midnight. */
export interface WorkingHoursRange {
  start: string;
  end: string;
}
/** Working hours per weekday (0 Sunday .. 6 Saturday, as Date#getDay), in the settings' time zone. */
export type WeeklyHours = Partial<Record<"0" | "1" | "2" | "3" | "4" | "5" | "6", WorkingHoursRange[]>>;

/**
 * How a skill group's conversations reach its agents. Invariants: one row per skill group, written by the
 * routing settings verb (owners, admins; audited); a group without a row routes with the defaults of
 * lib/services/routing/schemas.ts. `maxOpenPerAgent` >= 1 caps an agent's load when this group assigns to them.
 * `roundRobinLastMembershipId` is the round-robin cursor, moved only under the group's routing lock.
 */
export const skillGroupRouting = pgTable("skill_group_routing", {
  skillGroupId: uuid()
    .primaryKey()
    .references(() => skillGroups.id, { onDelete: "cascade" }),
  orgId: uuid().notNull().references(() => organizations.id, { onDelete: "cascade" }),
  autoAssign: boolean().notNull().default(true),
  strategy: routingStrategyEnum().notNull().default("least_busy"),
  maxOpenPerAgent: integer().notNull().default(5),
  sticky: boolean().notNull().default(true),
  /** Sent to a person whose conversation waits in the queue; may hold {position}. */
  queueMessageEnabled: boolean().notNull().default(false),
  queueMessage: text().notNull().default(""),
  /** Off: always within working hours. */
  workingHoursEnabled: boolean().notNull().default(false),
  /** IANA time zone of `workingHours`. */
  timeZone: text().notNull().default("UTC"),
  workingHours: jsonb().$type<WeeklyHours>().notNull().default({}),
  /** Sent to a person who writes outside working hours. */
  offlineReplyEnabled: boolean().notNull().default(false),
  offlineReply: text().notNull().default(""),
  /** What happens to an agent's open conversations when they go offline. */
  onAgentOffline: agentOfflinePolicyEnum().notNull().default("requeue"),
  roundRobinLastMembershipId: uuid().references(() => memberships.id, { onDelete: "set null" }),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
});

export const presenceStatusEnum = pgEnum("presence_status", ["online", "away", "offline"]);
export const presenceSourceEnum = pgEnum("presence_source", ["manual", "activity"]);

/**
 * Whether a member takes conversations now. Invariants: one row per membership (a member without one is
 * offline); only `online` members are auto-assigned. The row is the member's routing lock: every assignment
 * to the member locks it first (FOR UPDATE), so their load is counted and raised by one transaction at a time.
 * `changedBy` activity: set by the activity heartbeat or the idle sweep, which never override a manual away/offline.
 */
export const agentPresence = pgTable(
  "agent_presence",
  {
    membershipId: uuid()
      .primaryKey()
      .references(() => memberships.id, { onDelete: "cascade" }),
    orgId: uuid().notNull().references(() => organizations.id, { onDelete: "cascade" }),
    status: presenceStatusEnum().notNull().default("offline"),
    changedBy: presenceSourceEnum().notNull().default("manual"),
    statusChangedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    lastActivityAt: timestamp({ withTimezone: true }),
    /** When the member was last given a conversation: least-busy's tie-break (longest without one first). */
    lastAssignedAt: timestamp({ withTimezone: true }),
    updatedAt: updatedAt(),
  },
  (t) => [index("agent_presence_org_status_idx").on(t.orgId, t.status), index("agent_presence_idle_idx").on(t.lastActivityAt).where(sql`${t.status} = 'online'`)],
);

export const conversationActivityKindEnum = pgEnum("conversation_activity_kind", [
  "opened",
  "assigned",
  "unassigned",
  "claimed",
  "transferred",
  "resolved",
  "reopened",
  "status_changed",
  /** Conversation Routing: the thread passed to or taken from another app (memo: the other app's id). */
  "thread_control",
  /** The bot handed the conversation to the skill group's queue (memo: the reason, as bot_handover_reason). */
  "bot_handover",
]);
export const activityActorEnum = pgEnum("conversation_activity_actor", ["member", "system"]);

/**
 * A conversation's timeline of desk events, append-only, for the timeline and reports. Invariants: written
 * in the transaction that makes the change; `actorMembershipId` set when a member acted (null for the
 * system: routing, webhook, presence); from/to hold the assignee, skill group or status before and after.
 */
export const conversationActivities = pgTable(
  "conversation_activities",
  {
    id: id(),
    orgId: uuid().notNull().references(() => organizations.id, { onDelete: "cascade" }),
    conversationId: uuid().notNull().references(() => conversations.id, { onDelete: "cascade" }),
    kind: conversationActivityKindEnum().notNull(),
    actorType: activityActorEnum().notNull(),
    actorMembershipId: uuid().references(() => memberships.id, { onDelete: "set null" }),
    fromMembershipId: uuid().references(() => memberships.id, { onDelete: "set null" }),
    toMembershipId: uuid().references(() => memberships.id, { onDelete: "set null" }),
    fromSkillGroupId: uuid().references(() => skillGroups.id, { onDelete: "set null" }),
    toSkillGroupId: uuid().references(() => skillGroups.id, { onDelete: "set null" }),
    fromStatus: conversationStatusEnum(),
    toStatus: conversationStatusEnum(),
    memo: text(),
    createdAt: createdAt(),
  },
  (t) => [index("conversation_activities_conversation_idx").on(t.conversationId, t.createdAt), index("conversation_activities_org_time_idx").on(t.orgId, t.createdAt)],
);
