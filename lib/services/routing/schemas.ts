import { z } from "zod";
import { timeZoneSchema } from "@/lib/services/organizations/schemas";
import { inputString, say } from "@/lib/validation";

/** The agent desk's shapes and constants (client-safe). */

export const PRESENCE_STATUSES = ["online", "away", "offline"] as const;
export type PresenceStatus = (typeof PRESENCE_STATUSES)[number];
export const ROUTING_STRATEGIES = ["least_busy", "round_robin"] as const;
export type RoutingStrategy = (typeof ROUTING_STRATEGIES)[number];
export const AGENT_OFFLINE_POLICIES = ["keep", "requeue"] as const;
export const CONVERSATION_STATUSES = ["open", "pending", "resolved"] as const;
export type ConversationStatus = (typeof CONVERSATION_STATUSES)[number];

/** How long without activity before an online agent counts as away (the idle sweep's default). */
export const IDLE_AFTER_MS = 5 * 60_000;

const time = z.string().regex(/^(?:[01]\d|2[0-3]):[0-5]\d$|^24:00$/, { error: say("routing.errors.time") });
const range = z.object({ start: time, end: time });
export const weeklyHoursSchema = z.partialRecord(z.enum(["0", "1", "2", "3", "4", "5", "6"], { error: say("routing.errors.weekday") }), z.array(range).max(6));

export const routingSettingsSchema = z.object({
  autoAssign: z.boolean(),
  strategy: z.enum(ROUTING_STRATEGIES, { error: say("routing.errors.strategy") }),
  maxOpenPerAgent: z.number({ error: say("routing.errors.cap") }).int({ error: say("routing.errors.cap") }).min(1, { error: say("routing.errors.cap") }).max(100, { error: say("routing.errors.cap") }),
  sticky: z.boolean(),
  queueMessageEnabled: z.boolean(),
  /** May hold {position}, the person's place in the queue. */
  queueMessage: inputString("field.queueMessage", 640),
  workingHoursEnabled: z.boolean(),
  timeZone: timeZoneSchema,
  workingHours: weeklyHoursSchema,
  offlineReplyEnabled: z.boolean(),
  offlineReply: inputString("field.offlineReply", 640),
  onAgentOffline: z.enum(AGENT_OFFLINE_POLICIES, { error: say("routing.errors.offlinePolicy") }),
});
export type RoutingSettings = z.infer<typeof routingSettingsSchema>;
/** An update sends only the fields it changes. */
export const routingSettingsUpdateSchema = routingSettingsSchema.partial();

/** What a group without a settings row routes with. */
export const DEFAULT_ROUTING_SETTINGS: RoutingSettings = {
  autoAssign: true,
  strategy: "least_busy",
  maxOpenPerAgent: 5,
  sticky: true,
  queueMessageEnabled: false,
  queueMessage: "",
  workingHoursEnabled: false,
  timeZone: "UTC",
  workingHours: {},
  offlineReplyEnabled: false,
  offlineReply: "",
  onAgentOffline: "requeue",
};

export const presenceInputSchema = z.object({ status: z.enum(PRESENCE_STATUSES, { error: say("routing.errors.status") }) });
const idSchema = z.uuid({ error: say("routing.errors.id") });
export const assignInputSchema = z.object({ membershipId: idSchema });
export const transferInputSchema = z
  .object({ skillGroupId: idSchema.optional(), membershipId: idSchema.optional(), memo: inputString("field.memo", 500).optional() })
  .refine((v) => v.skillGroupId !== undefined || v.membershipId !== undefined, { error: say("routing.errors.transferTarget") });

export interface Presence {
  membershipId: string;
  status: PresenceStatus;
  changedBy: "manual" | "activity";
  lastActivityAt: string | null;
}

/** Where routing left a conversation, and what the person should be told (sending is the caller's). */
export interface RouteOutcome {
  conversationId: string;
  skillGroupId: string | null;
  /** assigned; queued (waits for an agent with room); outside_hours (queued, outside working hours); unrouted (no skill group). */
  outcome: "assigned" | "queued" | "outside_hours" | "unrouted";
  assigneeMembershipId: string | null;
  /** 1 for the next in line; null unless queued. */
  queuePosition: number | null;
  /** The reply the settings ask for: the queue message ({position} filled in) or the offline reply; null for none. */
  reply: { kind: "queue_message" | "offline_reply"; text: string } | null;
}

/** A conversation's desk state, as the verbs return it. */
export interface DeskConversation {
  id: string;
  status: ConversationStatus;
  skillGroupId: string | null;
  assigneeMembershipId: string | null;
  queuedAt: string | null;
  assignedAt: string | null;
  resolvedAt: string | null;
}

/** One entry of a conversation's desk timeline. */
export interface ConversationActivity {
  id: string;
  kind: "opened" | "assigned" | "unassigned" | "claimed" | "transferred" | "resolved" | "reopened" | "status_changed" | "thread_control" | "bot_handover";
  /** A member acted, or the system (routing, the webhook, presence). */
  actor: "member" | "system";
  actorMembershipId: string | null;
  fromMembershipId: string | null;
  toMembershipId: string | null;
  fromSkillGroupId: string | null;
  toSkillGroupId: string | null;
  fromStatus: ConversationStatus | null;
  toStatus: ConversationStatus | null;
  /** The transfer memo; "agent_offline" on a requeue because the agent went offline. */
  memo: string | null;
  at: string;
}

/** Answers of API v1 (the OpenAPI document publishes them). */
const isoTime = z.string().describe("ISO 8601 time");
export const deskConversationSchema = z.object({
  id: z.uuid(),
  status: z.enum(CONVERSATION_STATUSES),
  skillGroupId: z.uuid().nullable(),
  assigneeMembershipId: z.uuid().nullable().describe("The member it is assigned to; null while queued."),
  queuedAt: isoTime.nullable(),
  assignedAt: isoTime.nullable(),
  resolvedAt: isoTime.nullable(),
});
export const presenceSchema = z.object({
  membershipId: z.uuid(),
  status: z.enum(PRESENCE_STATUSES),
  changedBy: z.enum(["manual", "activity"]).describe("activity: set by the activity heartbeat or the idle sweep."),
  lastActivityAt: isoTime.nullable(),
});
