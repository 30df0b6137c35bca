import type { ConversationMessage, ConversationNote, TimelineActivity } from "@/lib/services/conversations/schemas";

export type TimelineItem =
  | { kind: "message"; key: string; at: number; message: ConversationMessage }
  | { kind: "activity"; key: string; at: number; activity: TimelineActivity }
  | { kind: "note"; key: string; at: number; note: ConversationNote };

/** At the same millisecond: the message first (it caused the reopening), then the desk's event, then a note. */
const ORDER = { message: 0, activity: 1, note: 2 } as const;

/**
 * The thread in time order: messages (at Meta's event time), desk events and private notes (when written).
 * Each list comes oldest first; equal times keep their lists' order.
 */
export function timelineItems(messages: readonly ConversationMessage[], notes: readonly ConversationNote[] = [], activities: readonly TimelineActivity[] = []): TimelineItem[] {
  const items: TimelineItem[] = [
    ...messages.map((message): TimelineItem => ({ kind: "message", key: `m:${message.id}`, at: message.timestamp, message })),
    ...activities.map((activity): TimelineItem => ({ kind: "activity", key: `a:${activity.id}`, at: Date.parse(activity.at), activity })),
    ...notes.map((note): TimelineItem => ({ kind: "note", key: `n:${note.id}`, at: Date.parse(note.createdAt), note })),
  ];
  // Array.prototype.sort is stable: within a kind, the list's own order stays.
  return items.sort((a, b) => a.at - b.at || ORDER[a.kind] - ORDER[b.kind]);
}
