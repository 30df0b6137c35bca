/** Conversations as the dashboard shows them (read-only). */

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
  lastMessagePreview: string | null;
  createdAt: string;
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
  /** "webhook" (from the person), "echo" (sent by the Page from elsewhere), "app" (sent by us). */
  source: string;
  /** Meta's event time, epoch milliseconds. */
  timestamp: number;
  /** Outbound only: at or before the conversation's watermarks. */
  delivered: boolean;
  read: boolean;
}

export interface ConversationDetail extends ConversationSummary {
  contactLocale: string | null;
  deliveredWatermark: number | null;
  readWatermark: number | null;
  /** The latest messages, oldest first (event time). */
  messages: ConversationMessage[];
  /** True when older messages exist than the ones returned. */
  hasOlder: boolean;
}
