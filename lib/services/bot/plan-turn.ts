import type { conversationBotStates, FaqAnswer } from "@/db/schema";
import { BOT_PAYLOAD, type BotLanguage, type BotMessage, type ConnectorReply, type FaqMatch, type MatchResult } from "./contract";
import { handoverAskOf } from "./handover-phrases";
import type { BotConfigRow } from "./resolve-config";
import { botText, type BotTextKey } from "./texts";
import type { BotTurn } from "./claim-conversations";

export type HandoverReason = "user_request" | "misses" | "keyword" | "menu" | "connector" | "connector_failed" | "human_first";
type State = typeof conversationBotStates.$inferSelect;
export type BotEventInput = { kind: "answered" | "suggested" | "unanswered" | "helpful" | "unhelpful" | "handover" | "message_taken"; faqId?: string | null; score?: number | null; question?: string | null; handoverReason?: HandoverReason };

/** What the bot does for one turn: its messages, the state's changes, the analytics events, and whether the desk gets the conversation now. */
export interface TurnPlan {
  messages: BotMessage[];
  state: Partial<Pick<State, "misses" | "disclosedAt" | "lastFaqId" | "awaiting" | "language" | "status" | "handedOverAt" | "handoverReason">>;
  events: BotEventInput[];
  /** Enter the skill group's queue with this reason (after the messages are stored). */
  handover: HandoverReason | null;
}

export interface TurnDeps {
  /** The matcher, with the configuration's thresholds. */
  match(text: string): Promise<MatchResult>;
  /** An enabled entry of the organisation that applies to the conversation, by id (a tapped suggestion). */
  entry(faqId: string): Promise<FaqMatch | null>;
  /** The skill group's working hours now; `opensAt` worded in `language`. */
  hours(language: BotLanguage): Promise<{ within: boolean; opensAt: string | null }>;
  /** human_first: whether the queue is short now (then, within hours, the desk takes the conversation back). */
  queueIsShort(): Promise<boolean>;
  detectLanguage(text: string): BotLanguage;
  /** The external engine's answer for this turn; only asked when the configuration's engine is external. */
  askExternal(language: BotLanguage): Promise<{ reply: ConnectorReply; fallback: "builtin" | "queue" }>;
}

const QUICK_REPLY_TITLE_MAX = 20;
const title = (text: string) => (text.length > QUICK_REPLY_TITLE_MAX ? `${text.slice(0, QUICK_REPLY_TITLE_MAX - 1)}…` : text);

/**
 * Decides the bot's turn. Order matters: a request for a human (the menu or quick-reply payload, the phrases
 * of both languages, the organisation's keywords) always wins, so nobody is trapped; then a message taken
 * outside working hours; then helpful votes and tapped suggestions; then the question itself (built-in
 * matcher, or the external engine with its fallback).
 */
export async function planTurn(input: { state: State; config: BotConfigRow; turn: BotTurn }, deps: TurnDeps): Promise<TurnPlan> {
  const { state, config, turn } = input;
  const payload = turn.postbackPayload ?? turn.quickReplyPayload;
  const language: BotLanguage = turn.text && !payload ? deps.detectLanguage(turn.text) : (state.language ?? (turn.text ? deps.detectLanguage(turn.text) : "en"));
  const say = (key: BotTextKey, vars?: Record<string, string>) => botText(config.texts, language, key, vars);
  const plan: TurnPlan = { messages: [], state: { language }, events: [], handover: null };
  if (!state.disclosedAt) {
    plan.messages.push({ kind: "text", text: say("disclosure") });
    plan.state.disclosedAt = new Date();
  }
  const talkToHuman = { title: title(say("talkToHuman")), payload: BOT_PAYLOAD.talkToHuman };

  const handOver = async (reason: HandoverReason, acknowledge = true): Promise<TurnPlan> => {
    const hours = await deps.hours(language);
    if (!hours.within && state.awaiting !== "message") {
      // Nobody is there to take it: say when agents are back and take a message first.
      plan.messages.push({ kind: "text", text: say("outsideHours", { opensAt: hours.opensAt ?? (language === "zh-CN" ? "稍后" : "later") }) });
      Object.assign(plan.state, { awaiting: "message", handoverReason: reason });
      return plan;
    }
    if (acknowledge) plan.messages.push({ kind: "text", text: say("handoverAck") });
    Object.assign(plan.state, { status: "handed_over", handedOverAt: new Date(), handoverReason: reason, awaiting: null });
    plan.events.push({ kind: "handover", handoverReason: reason });
    plan.handover = reason;
    return plan;
  };

  // A request for a person, in any form.
  if (payload === BOT_PAYLOAD.talkToHuman) return handOver(turn.postbackPayload ? "menu" : "user_request");
  const ask = payload ? null : handoverAskOf(turn.text, config.handoverKeywords);
  if (ask) return handOver(ask);

  // Outside working hours, the message after "leave a message" is the message: kept, then queued for the morning.
  if (state.awaiting === "message") {
    plan.events.push({ kind: "message_taken", question: turn.text });
    plan.messages.push({ kind: "text", text: say("messageTaken") });
    Object.assign(plan.state, { status: "handed_over", handedOverAt: new Date(), awaiting: null });
    const reason = (state.handoverReason ?? "user_request") as HandoverReason;
    plan.events.push({ kind: "handover", handoverReason: reason });
    plan.handover = reason;
    return plan;
  }

  // human_first: within working hours with a short queue the desk serves the person again.
  if (config.mode === "human_first" && (await deps.hours(language)).within && (await deps.queueIsShort())) return handOver("human_first");

  const missed = async (nextMisses: number): Promise<boolean> => {
    plan.state.misses = nextMisses;
    return config.mode !== "bot_only" && nextMisses >= config.maxMisses;
  };

  if (payload === BOT_PAYLOAD.helpfulYes) {
    if (state.awaiting === "feedback") {
      plan.events.push({ kind: "helpful", faqId: state.lastFaqId });
      Object.assign(plan.state, { misses: 0, awaiting: null });
    }
    return plan;
  }
  if (payload === BOT_PAYLOAD.helpfulNo) {
    if (state.awaiting !== "feedback") return plan;
    plan.events.push({ kind: "unhelpful", faqId: state.lastFaqId });
    plan.state.awaiting = null;
    if (await missed(state.misses + 1)) return handOver("misses");
    // Related entries of the one that did not help, else the way to a person.
    const last = state.lastFaqId ? await deps.entry(state.lastFaqId) : null;
    const related = last ? (await deps.match(last.question)).suggestions.filter((s) => s.faqId !== last.faqId).slice(0, 3) : [];
    plan.messages.push(suggestions(related, related.length > 0 ? say("suggestPrompt") : say("dontKnow"), talkToHuman));
    return plan;
  }
  if (payload?.startsWith(BOT_PAYLOAD.faqPrefix)) {
    const entry = await deps.entry(payload.slice(BOT_PAYLOAD.faqPrefix.length));
    if (entry) return answer(plan, entry, say);
  }
  // A button of the organisation's own (Get Started, an FAQ answer's postback, a campaign's): not a question to
  // match, nor a miss. The bot only introduces itself if it has not yet.
  if (turn.postbackPayload && !turn.postbackPayload.startsWith("MD_BOT_")) return plan;

  if (config.engine === "external" && config.connectorId) {
    const { reply, fallback } = await deps.askExternal(language);
    if (reply.ok) {
      plan.messages.push(...reply.messages);
      if (reply.handover) return handOver("connector", false);
      return plan;
    }
    if (fallback === "queue") return handOver("connector_failed");
  }

  if (!turn.text) {
    // A sticker or a photo: nothing to match; say so without counting it against the knowledge base.
    plan.messages.push({ kind: "text", text: say("dontKnow"), quickReplies: [talkToHuman] });
    return plan;
  }
  const result = await deps.match(turn.text);
  if (result.decision === "answer" && result.best) {
    plan.events.push({ kind: "answered", faqId: result.best.faqId, score: result.best.score, question: turn.text });
    return answer(plan, result.best, say);
  }
  if (result.decision === "suggest" && result.suggestions.length > 0) {
    plan.events.push({ kind: "suggested", faqId: result.best?.faqId ?? null, score: result.best?.score ?? null, question: turn.text });
    plan.messages.push(suggestions(result.suggestions.slice(0, 3), say("suggestPrompt"), talkToHuman));
    plan.state.awaiting = null;
    return plan;
  }
  plan.events.push({ kind: "unanswered", faqId: result.best?.faqId ?? null, score: result.best?.score ?? null, question: turn.text });
  plan.state.awaiting = null;
  if (await missed(state.misses + 1)) return handOver("misses");
  plan.messages.push({ kind: "text", text: say("dontKnow"), quickReplies: [talkToHuman] });
  return plan;
}

function suggestions(list: FaqMatch[], prompt: string, talkToHuman: { title: string; payload: string }): BotMessage {
  return { kind: "text", text: prompt, quickReplies: [...list.map((s) => ({ title: title(s.question), payload: `${BOT_PAYLOAD.faqPrefix}${s.faqId}` })), talkToHuman] };
}

/** The entry's answer as Messenger messages, then "was this helpful?" with yes / no. */
function answer(plan: TurnPlan, entry: FaqMatch, say: (key: BotTextKey) => string): TurnPlan {
  plan.messages.push(...answerMessages(entry.answer));
  plan.messages.push({
    kind: "text",
    text: say("helpfulPrompt"),
    quickReplies: [
      { title: title(say("helpfulYes")), payload: BOT_PAYLOAD.helpfulYes },
      { title: title(say("helpfulNo")), payload: BOT_PAYLOAD.helpfulNo },
    ],
  });
  Object.assign(plan.state, { lastFaqId: entry.faqId, awaiting: "feedback" });
  return plan;
}

export function answerMessages(answer: FaqAnswer): BotMessage[] {
  switch (answer.kind) {
    case "text":
      return [{ kind: "text", text: answer.text }];
    case "image":
      return [{ kind: "image", imageUrl: answer.imageUrl }, ...(answer.text ? [{ kind: "text" as const, text: answer.text }] : [])];
    case "buttons":
      return [{ kind: "buttons", text: answer.text, buttons: answer.buttons.slice(0, 3) }];
    case "quick_replies":
      return [{ kind: "text", text: answer.text, quickReplies: answer.quickReplies.slice(0, 13).map((q) => ({ title: title(q.title), payload: q.payload })) }];
  }
}
