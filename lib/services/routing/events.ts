import type { RealtimeEvent } from "@/lib/realtime";
import type { ConversationStatus, PresenceStatus } from "./schemas";

/**
 * What a desk verb changed, returned to its caller so the live-event bus can publish it after the commit
 * (never before: a rolled-back change must not be announced). One entry per conversation activity written,
 * and one per presence change.
 */
export type ConversationEvent = {
  type: "conversation.changed";
  orgId: string;
  conversationId: string;
  /** The activity recorded: opened, assigned, unassigned, claimed, transferred, resolved, reopened, status_changed. */
  kind: ActivityKind;
  skillGroupId: string | null;
  status: ConversationStatus;
  assigneeMembershipId: string | null;
  /** The assignee before the change (to tell the agent who lost it). */
  previousAssigneeMembershipId: string | null;
  /** Set when the change wrote the new assignee a notification (assigned or transferred to them by someone else). */
  notifiedMembershipId?: string;
};

export type PresenceEvent = {
  type: "presence.changed";
  orgId: string;
  membershipId: string;
  status: PresenceStatus;
};

export type DeskEvent = ConversationEvent | PresenceEvent;

export type ActivityKind = "opened" | "assigned" | "unassigned" | "claimed" | "transferred" | "resolved" | "reopened" | "status_changed" | "thread_control" | "bot_handover";

/** The live-event bus's form of desk events: ids and the assignee, so open dashboards refetch and pop up. */
export function toRealtimeEvents(events: readonly DeskEvent[], at = Date.now()): RealtimeEvent[] {
  return events.flatMap((event): RealtimeEvent[] =>
    event.type === "presence.changed"
      ? [{ type: "presence.changed", orgId: event.orgId, membershipId: event.membershipId, at }]
      : [
          { type: "conversation.updated", orgId: event.orgId, conversationId: event.conversationId, assigneeMembershipId: event.assigneeMembershipId, previousAssigneeMembershipId: event.previousAssigneeMembershipId, at },
          // Heard only by the member it is for (lib/realtime personalDelivery): their bell and pop-up.
          ...(event.notifiedMembershipId ? [{ type: "notification.created" as const, orgId: event.orgId, membershipId: event.notifiedMembershipId, conversationId: event.conversationId, at }] : []),
        ],
  );
}
