/** Conversations as the dashboard shows them. */
import type { ReplyState } from "./constants";

export * from "./constants";

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
  /** What the composer states and enforces: Meta's windows, the channel, who controls the thread. */
  reply: ReplyState;
}
