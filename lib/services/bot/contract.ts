/**
 * What the FAQ bot's parts agree on: the knowledge base's matcher (lib/services/faqs), the bot in the
 * conversation (lib/services/bot), external bot connectors (lib/services/bot-connectors) and the Page's
 * Messenger profile (its "talk to a human" menu item). Types only, and the payload strings that travel through
 * Meta and come back in the webhook.
 */
import type { FaqAnswer, FaqButton } from "@/db/schema/bot";

export type BotLanguage = "zh-CN" | "en";

/**
 * Payloads of the bot's quick replies and buttons and of the persistent menu. Meta hands them back as the
 * person's next message (`quick_reply.payload`) or as a postback (`postback.payload`). All start with MD_BOT_
 * so that a payload of the organisation's own (a campaign's, an FAQ button's) is never taken for one of these.
 */
export const BOT_PAYLOAD = {
  /** "Yes, that helped" after an answer. */
  helpfulYes: "MD_BOT_HELPFUL_YES",
  /** "No" after an answer: the bot offers suggestions or a human. */
  helpfulNo: "MD_BOT_HELPFUL_NO",
  /** "Talk to a human" (转人工): a quick reply, the persistent menu's item, or an FAQ button. Hands over at once. */
  talkToHuman: "MD_BOT_HUMAN",
  /** A suggested question tapped: followed by the FAQ entry's id. */
  faqPrefix: "MD_BOT_FAQ:",
} as const;

/** One message the bot (built-in or external) sends; always within the 24-hour window, as RESPONSE. */
export type BotMessage =
  | { kind: "text"; text: string; quickReplies?: { title: string; payload: string }[] }
  | { kind: "image"; imageUrl: string }
  | { kind: "buttons"; text: string; buttons: FaqButton[] };

/** An entry the matcher found, with its score (higher is closer; comparable with the thresholds). */
export interface FaqMatch {
  faqId: string;
  question: string;
  language: BotLanguage;
  answer: FaqAnswer;
  score: number;
}

/**
 * The matcher's verdict on one question: answer `best` (score at or above the answer threshold), suggest up
 * to three entries (best at or above the suggest threshold), or say it does not know. `language` is the
 * question's (by its script), for the bot's own words.
 */
export interface MatchResult {
  decision: "answer" | "suggest" | "unknown";
  best: FaqMatch | null;
  suggestions: FaqMatch[];
  language: BotLanguage;
}

/** What we POST to an organisation's own bot for each message the person writes (JSON, signed; see bot-connectors). */
export interface ConnectorRequest {
  /** Unique per message: the bot may use it to ignore a repeat. */
  id: string;
  conversationId: string;
  channel: { id: string; pageId: string };
  contact: { psid: string; name: string | null; locale: string | null };
  message: { text: string | null; quickReplyPayload: string | null; postbackPayload: string | null; timestamp: number };
  language: BotLanguage;
}

/** An external bot's answer, or why there was none (then the connector's fallback applies). */
export type ConnectorReply =
  | { ok: true; messages: BotMessage[]; handover: boolean; handoverNote: string | null }
  | { ok: false; error: "timeout" | "unreachable" | "bad_status" | "bad_body" | "disabled" };
