import { memberNotifications } from "@/db/schema";
import type { Tx } from "@/db/client";
import type { RealtimeEvent } from "@/lib/realtime";
import { NOTIFICATION_EXCERPT_MAX, type NotificationKind } from "./constants";

export interface NotificationInput {
  orgId: string;
  membershipId: string;
  kind: NotificationKind;
  conversationId?: string | null;
  noteId?: string | null;
  /** The channel a notification is about (channel_reconnect_needed). */
  channelId?: string | null;
  actorMembershipId?: string | null;
  excerpt?: string | null;
}

/**
 * Writes notifications inside the caller's transaction (the change that caused them) and returns the
 * "notification.created" events to publish after the commit, each heard only by its member.
 */
export async function notifyMembers(tx: Tx, list: NotificationInput[], at = Date.now()): Promise<RealtimeEvent[]> {
  if (list.length === 0) return [];
  await tx.insert(memberNotifications).values(
    list.map((n) => ({
      orgId: n.orgId,
      membershipId: n.membershipId,
      kind: n.kind,
      conversationId: n.conversationId ?? null,
      noteId: n.noteId ?? null,
      channelId: n.channelId ?? null,
      actorMembershipId: n.actorMembershipId ?? null,
      excerpt: n.excerpt ? excerptOf(n.excerpt) : null,
    })),
  );
  return list.map((n) => ({ type: "notification.created", orgId: n.orgId, membershipId: n.membershipId, ...(n.conversationId ? { conversationId: n.conversationId } : {}), at }));
}

export function excerptOf(text: string): string {
  const flat = text.replace(/\s+/g, " ").trim();
  return flat.length > NOTIFICATION_EXCERPT_MAX ? `${flat.slice(0, NOTIFICATION_EXCERPT_MAX - 1)}…` : flat;
}
