/** Member notifications, browser-safe (no zod). */

export const NOTIFICATION_KINDS = ["mention", "assigned", "transferred", "channel_reconnect_needed"] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

/** How many of the newest notifications the bell lists. */
export const NOTIFICATION_LIST_LIMIT = 50;
/** The longest excerpt stored (a transfer memo, a note's first words). */
export const NOTIFICATION_EXCERPT_MAX = 200;

export interface MemberNotification {
  id: string;
  kind: NotificationKind;
  conversationId: string | null;
  /** The channel a "reconnect needed" notification is about, and its name. */
  channelId: string | null;
  channelName: string | null;
  /** Who the conversation is with (name, or PSID when the profile is unknown); null without a conversation. */
  contactLabel: string | null;
  /** The member who caused it (assigned, transferred, mentioned); null for the system (automatic routing). */
  actorName: string | null;
  /** The transfer memo or the note's first words. */
  excerpt: string | null;
  readAt: string | null;
  createdAt: string;
}

export interface NotificationList {
  items: MemberNotification[];
  /** Unread across all of the member's notifications, not only the listed ones. */
  unread: number;
}
