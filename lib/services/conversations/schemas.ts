import { z } from "zod";
import { pageQuerySchema } from "@/lib/pagination";
import { say } from "@/lib/validation";
import type { ReplyState } from "./constants";
import { ASSIGNEE_ME, ASSIGNEE_NONE, CONVERSATION_SEARCH_MAX, CONVERSATION_STATUSES, CONVERSATION_VIEWS } from "./constants";

export * from "./constants";

/** Conversations as the dashboard shows them . */

export interface ConversationSummary {
  id: string;
  channelId: string;
  channelName: string;
  contactId: string;
  psid: string;
  /** First and last name from the Messenger profile, when fetched; null otherwise (show the PSID). */
  contactName: string | null;
  profilePic: string | null;
  lastMessageAt: string | null;
  /** The last message's words (a text, a tapped button's or a card's title); null when it has none (a photo). */
  lastMessagePreview: string | null;
  /**
   * What the last message is, for the list to word it in the reader's language: text | postback | template |
   * optin | referral | reaction | image | video | audio | file | sticker | location | fallback | attachment.
   * Null for conversations whose last message predates it (the preview then holds a placeholder like "[attachment]").
   */
  lastMessageKind: string | null;
  createdAt: string;
  /** The desk (lib/services/routing): open (to answer), pending (waiting on the person) or resolved. */
  status: "open" | "pending" | "resolved";
  /** The skill group it is routed in (its channel's, unless transferred). */
  skillGroupId: string | null;
  /** The member (membership id) it is assigned to; null while queued or never opened. */
  assigneeMembershipId: string | null;
  /** When it last entered the queue: the wait time starts here. */
  queuedAt: string | null;
  /** The FAQ bot is answering it (not queued) until it hands over. */
  withBot: boolean;
}

/** The campaign a message belongs to (an opt-in, a "Notify Me" card, a referral by the campaign's link). */
export interface MessageCampaign {
  id: string;
  name: string;
  /** The ref of the campaign's m.me link. */
  ref: string;
}

export interface ConversationMessage {
  id: string;
  mid: string | null;
  direction: "inbound" | "outbound";
  /** text | attachments | postback | referral | reaction | optin */
  kind: string;
  text: string | null;
  attachments: { type: string; payload?: { url?: string; title?: string; coordinates?: { lat?: number; long?: number } } & Record<string, unknown> }[] | null;
  quickReplyPayload: string | null;
  postback: Record<string, unknown> | null;
  referral: Record<string, unknown> | null;
  reaction: Record<string, unknown> | null;
  /**
   * "webhook" (from the person), "standby" (from the person while another app controlled the thread),
   * "echo" (sent by the Page from elsewhere, e.g. the Page inbox), "app" (sent by us).
   */
  source: string;
  /** The campaign the message belongs to, resolved within the organisation; null when none (or unknown). */
  campaign: MessageCampaign | null;
  /** Meta's event time, epoch milliseconds. */
  timestamp: number;
  /** Outbound only: at or before the conversation's watermarks. */
  delivered: boolean;
  read: boolean;
  /** Our replies only (null otherwise): sending, sent or failed, with Meta's code and reason when failed. */
  sendStatus: "sending" | "sent" | "failed" | null;
  failureCode: number | null;
  failureReason: string | null;
  /** The tag a reply went out with (only HUMAN_AGENT exists); null for RESPONSE. */
  tag: string | null;
  /** The titles of the quick replies a reply offered. */
  quickReplyTitles: string[] | null;
}

export interface ConversationDetail extends ConversationSummary {
  contactLocale: string | null;
  deliveredWatermark: number | null;
  readWatermark: number | null;
  /** The latest messages, oldest first (event time). */
  messages: ConversationMessage[];
  /** True when older messages exist than the ones returned. */
  hasOlder: boolean;
  /** Private notes over the same span as `messages`, oldest first. */
  notes: ConversationNote[];
  /** Desk events (assigned, transferred, resolved...) over the same span, oldest first. */
  activities: TimelineActivity[];
  /** What the composer states and enforces: Meta's windows, the channel, who controls the thread. */
  reply: ReplyState;
}

/** A private note on the conversation: only the organisation's members see it; it never reaches Meta. */
export interface ConversationNote {
  id: string;
  /** As written, with mentions as `@[Name](membershipId)` tokens (see mentions.ts). */
  body: string;
  authorMembershipId: string | null;
  /** The author's name (or e-mail); null when the author left the organisation. */
  authorName: string | null;
  /** The members the note notified: those mentioned who may see the conversation. */
  mentionedMembershipIds: string[];
  createdAt: string;
}

/** One desk event of the timeline (lib/services/routing's activity), with the names the thread words it with. */
export interface TimelineActivity {
  id: string;
  kind: "opened" | "assigned" | "unassigned" | "claimed" | "transferred" | "resolved" | "reopened" | "status_changed" | "thread_control" | "bot_handover";
  actor: "member" | "system";
  actorName: string | null;
  fromName: string | null;
  toName: string | null;
  toSkillGroupName: string | null;
  fromStatus: "open" | "pending" | "resolved" | null;
  toStatus: "open" | "pending" | "resolved" | null;
  /** The transfer memo; "agent_offline" on a requeue because the agent went offline. */
  memo: string | null;
  at: string;
}

/** A member the @ picker offers: one who may see the conversation. */
export interface MentionableMember {
  membershipId: string;
  name: string;
  email: string;
}

/** A label as a conversation row shows it. */
export interface ConversationLabel {
  id: string;
  name: string;
  color: string;
}

/** A row of the inbox: the summary with what the list shows beside it. */
export interface ConversationListItem extends ConversationSummary {
  /** The assignee's name (their email when they have none); null when nobody's. */
  assigneeName: string | null;
  labels: ConversationLabel[];
  /** With a search: the words around the latest message that matched (null when only the contact's name did). */
  matchSnippet: string | null;
}

/** The inbox's tab counts, under the same filters as the list. */
export interface ConversationViewCounts {
  mine: number;
  unassigned: number;
  all: number;
}

const uuidFilter = (key: Parameters<typeof say>[0]) => z.uuid({ error: say(key) });

/** The inbox's filters (the list and the counts); the view, the paging and the search are the list's own. */
export const conversationFiltersSchema = z.object({
  status: z
    .enum(CONVERSATION_STATUSES, { error: say("conversations.errors.status", { statuses: CONVERSATION_STATUSES.join(", ") }) })
    .optional()
    .describe("Only conversations in this desk status.")
    .meta({ examples: ["open"] }),
  channelId: uuidFilter("validation.channelId").optional().describe("Only this channel's conversations.").meta({ examples: ["0194f0c2-7a10-7c3e-9b1d-2f3a4b5c6d7e"] }),
  skillGroupId: uuidFilter("conversations.errors.skillGroupId")
    .optional()
    .describe("Only conversations routed in this skill group.")
    .meta({ examples: ["0194f0c2-7a10-7c3e-9b1d-2f3a4b5c6d7f"] }),
  assigneeMembershipId: z
    .string()
    .refine((value) => value === ASSIGNEE_ME || value === ASSIGNEE_NONE || z.uuid().safeParse(value).success, { error: say("conversations.errors.assignee") })
    .optional()
    .describe("Only conversations assigned to this member (a Member `id`), `me` (the key's creator) or `none` (nobody).")
    .meta({ examples: ["me"] }),
  labelId: uuidFilter("conversations.errors.labelId").optional().describe("Only conversations carrying this label.").meta({ examples: ["0194f0c2-7a10-7c3e-9b1d-2f3a4b5c6d80"] }),
  q: z
    .string()
    .trim()
    .max(CONVERSATION_SEARCH_MAX, { error: say("validation.tooLong", { field: "q", max: CONVERSATION_SEARCH_MAX }), abort: true })
    .refine((value) => !value.includes("\u0000"), { error: say("validation.nul"), abort: true })
    .describe("Words in a message or in the contact's name, in any case (Chinese or English).")
    .meta({ examples: ["退款"] })
    .optional()
    // An empty search is no search.
    .transform((v) => v || undefined),
});

export const conversationListSchema = pageQuerySchema.extend({
  view: z
    .enum(CONVERSATION_VIEWS, { error: say("conversations.errors.view", { views: CONVERSATION_VIEWS.join(", ") }) })
    .default("all")
    .describe("`mine` (assigned to me), `unassigned` (the queues I may claim from) or `all` (everything I may see).")
    .meta({ examples: ["unassigned"] }),
  ...conversationFiltersSchema.shape,
});
export type ConversationListInput = z.input<typeof conversationListSchema>;
export type ConversationFiltersInput = z.input<typeof conversationFiltersSchema>;

/** The API's form of an inbox row (GET /conversations, GET /conversations/{id}); the same shape as ConversationListItem. */
export const conversationSchema = z.object({
  id: z.uuid(),
  channelId: z.uuid(),
  channelName: z.string(),
  contactId: z.uuid(),
  psid: z.string().describe("The person's Page-scoped id."),
  contactName: z.string().nullable().describe("From the Messenger profile; null until fetched."),
  profilePic: z.string().nullable(),
  lastMessageAt: z.iso.datetime().nullable(),
  lastMessagePreview: z.string().nullable(),
  lastMessageKind: z.string().nullable(),
  createdAt: z.iso.datetime(),
  status: z.enum(CONVERSATION_STATUSES),
  skillGroupId: z.uuid().nullable(),
  assigneeMembershipId: z.uuid().nullable().describe("The member (a Member `id`) it is assigned to; null while queued."),
  assigneeName: z.string().nullable(),
  queuedAt: z.iso.datetime().nullable().describe("When it last entered the queue (the wait starts here)."),
  withBot: z.boolean().describe("The FAQ bot is answering it (it is not in the queue) until it hands over to the skill group."),
  labels: z.array(z.object({ id: z.uuid(), name: z.string(), color: z.string() })),
  matchSnippet: z.string().nullable().describe("With `q`: the words around the latest message that matched; null otherwise."),
});
// The published shape and the service's type stay one.
const conversationSchemaMatches: z.infer<typeof conversationSchema> extends ConversationListItem ? (ConversationListItem extends z.infer<typeof conversationSchema> ? true : never) : never = true;
void conversationSchemaMatches;

export const conversationMessageSchema = z.object({
  id: z.uuid(),
  mid: z.string().nullable().describe("Meta's message id."),
  direction: z.enum(["inbound", "outbound"]),
  kind: z.string().describe("text | attachments | postback | referral | reaction | optin"),
  text: z.string().nullable(),
  attachments: z.array(z.object({ type: z.string(), payload: z.record(z.string(), z.unknown()).optional() })).nullable(),
  quickReplyPayload: z.string().nullable(),
  postback: z.record(z.string(), z.unknown()).nullable(),
  referral: z.record(z.string(), z.unknown()).nullable(),
  reaction: z.record(z.string(), z.unknown()).nullable(),
  source: z.string().describe("webhook (from the person), echo (sent by the Page elsewhere) or app (sent by Messenger Desk)."),
  campaign: z.object({ id: z.uuid(), name: z.string(), ref: z.string() }).nullable(),
  timestamp: z.number().int().describe("Meta's event time, epoch milliseconds."),
  delivered: z.boolean(),
  read: z.boolean(),
});
