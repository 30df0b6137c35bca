/** Conversations: values the browser needs too (no zod here). */

/**
 * The inbox's views: `mine` (assigned to me), `unassigned` (the queue: open, nobody's, in the skill groups I may
 * claim from; every queue for members with `conversations.assign`) and `all` (everything I may see).
 */
export const CONVERSATION_VIEWS = ["mine", "unassigned", "all"] as const;
export type ConversationView = (typeof CONVERSATION_VIEWS)[number];

export const CONVERSATION_STATUSES = ["open", "pending", "resolved"] as const;
export type ConversationStatusValue = (typeof CONVERSATION_STATUSES)[number];

/** The assignee filter's words besides a member id: the actor, or nobody. */
export const ASSIGNEE_ME = "me";
export const ASSIGNEE_NONE = "none";

/** The longest search the inbox takes (characters). */
export const CONVERSATION_SEARCH_MAX = 100;

/** Mentions in notes: the note composer and the thread use them. */
export * from "./mentions";
