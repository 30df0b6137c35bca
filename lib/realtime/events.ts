/**
 * What the dashboard is told live. An event is a signal with ids, not the data: the browser refetches what it
 * shows (through the same tenant-scoped reads as any page load), so an event can never carry more than its
 * receiver may read, and PostgreSQL's 8,000-byte NOTIFY limit is never near.
 */
export const REALTIME_EVENT_TYPES = [
  /** A conversation appeared (the first message of a new contact). */
  "conversation.created",
  /** Its status, assignee, skill group or labels changed (assigned, claimed, transferred, resolved, reopened). */
  "conversation.updated",
  /** A message was stored in it: inbound, an echo, or one of ours. */
  "message.created",
  /** One of our messages changed state: sent, failed, delivered or read (Meta's watermarks). */
  "message.status",
  /** A member's presence changed (online, away, offline). */
  "presence.changed",
  /** A private note was added to a conversation, or deleted (the thread refetches; notes never reach Meta). */
  "note.created",
  "note.deleted",
  /**
   * Something for one member (a mention, a conversation given to them): `membershipId` names them, and the hub
   * hands it to that member's streams only, whatever else their role may hear.
   */
  "notification.created",
] as const;

export type RealtimeEventType = (typeof REALTIME_EVENT_TYPES)[number];

export interface RealtimeEvent {
  type: RealtimeEventType;
  orgId: string;
  /** Set on conversation and message events: who may receive them is decided by the conversation's channel. */
  conversationId?: string;
  channelId?: string;
  /** The member the conversation is assigned to now (so that member's browser can pop it up). */
  assigneeMembershipId?: string | null;
  /** The member who had the conversation before (so their view lets it go). */
  previousAssigneeMembershipId?: string | null;
  /** The member whose presence changed; on "notification.created", the one member it is for. */
  membershipId?: string;
  /** Milliseconds since the epoch, when the change was committed by its writer. */
  at: number;
}

/**
 * Whether a member's stream may hear of an event that is personal: a notification reaches only the member it
 * is for, whatever else the member may read (supervisors included). Other events answer null: not personal,
 * the stream's usual scope decides.
 */
export function personalDelivery(event: RealtimeEvent, membershipId: string | null): boolean | null {
  if (event.type === "notification.created") return membershipId !== null && event.membershipId === membershipId;
  return null;
}

/** The PostgreSQL channel every app instance LISTENs on. */
export const REALTIME_CHANNEL = "md_realtime";

export function parseRealtimeEvent(payload: string): RealtimeEvent | null {
  try {
    const value = JSON.parse(payload) as Partial<RealtimeEvent> | null;
    if (!value || typeof value.orgId !== "string" || typeof value.at !== "number") return null;
    if (!REALTIME_EVENT_TYPES.includes(value.type as RealtimeEventType)) return null;
    return value as RealtimeEvent;
  } catch {
    return null;
  }
}
