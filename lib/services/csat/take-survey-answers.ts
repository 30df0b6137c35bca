import { and, asc, eq, inArray, isNotNull } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { channelCsatSettings, conversations, csatSurveys, messages } from "@/db/schema";
import { publishRealtime } from "@/lib/realtime";
import { CSAT_COMMENT_WINDOW_MS, CSAT_NO_THANKS_PAYLOAD, CSAT_RATING_PAYLOAD_PREFIX, CSAT_RATING_WINDOW_MS, type CsatLanguage } from "./constants";
import { surveyMessage } from "./survey-messages";
import { csatText } from "./texts";

/** One thing the person wrote or tapped (webhook processing's inbound turns: a message or a postback). */
export interface InboundTurn {
  conversationId: string;
  /** The inbound message's mid (or its webhook event's id). */
  key: string;
  text: string | null;
  quickReplyPayload: string | null;
  postbackPayload: string | null;
  timestamp: number;
}

/**
 * Inside webhook processing's transaction, before the desk opens what the person wrote to: the answers to a
 * survey waiting in a resolved conversation. A rating (the quick reply 1..5, or the digit typed) is recorded
 * and the comment prompt stored; then "No thanks", or the next text within 10 minutes of the rating as the
 * comment, ends it with the thanks. Answers are kept in the thread but neither reopen the conversation nor
 * reach the bot (their keys are returned). Anything else (another question, a rating out of range, a comment
 * too late) ends the survey's wait and goes on as today: it reopens the conversation.
 * The stored prompt and thanks are sent after the commit (`replies`: the conversations to send to).
 */
export async function takeSurveyAnswers(tx: Tx, scope: { orgId: string; channelId: string }, turns: InboundTurn[]): Promise<{ answered: Set<string>; replies: string[] }> {
  const answered = new Set<string>();
  const ids = [...new Set(turns.map((t) => t.conversationId))].sort();
  if (ids.length === 0) return { answered, replies: [] };
  const waiting = await tx
    .select({ survey: csatSurveys, status: conversations.status })
    .from(csatSurveys)
    .innerJoin(conversations, eq(conversations.id, csatSurveys.conversationId))
    .where(and(eq(csatSurveys.orgId, scope.orgId), eq(csatSurveys.channelId, scope.channelId), inArray(csatSurveys.conversationId, ids), isNotNull(csatSurveys.awaiting)))
    .orderBy(asc(csatSurveys.conversationId))
    .for("update", { of: csatSurveys });
  if (waiting.length === 0) return { answered, replies: [] };
  const [setting] = await tx.select({ texts: channelCsatSettings.texts }).from(channelCsatSettings).where(eq(channelCsatSettings.channelId, scope.channelId));
  const replies = new Set<string>();
  const now = Date.now();
  for (const { survey, status } of waiting) {
    let awaiting = status === "resolved" ? survey.awaiting : null;
    const changes: Partial<typeof csatSurveys.$inferInsert> = {};
    const toStore: (typeof messages.$inferInsert)[] = [];
    const at = (timestamp: number) => ({ orgId: scope.orgId, channelId: scope.channelId, conversationId: survey.conversationId, surveyId: survey.id, timestamp });
    const say = (key: "commentPrompt" | "thanks") => csatText(setting?.texts, survey.language as CsatLanguage, key);
    let ratedAt = survey.ratedAt?.getTime() ?? null;
    for (const turn of turns.filter((t) => t.conversationId === survey.conversationId).sort((a, b) => a.timestamp - b.timestamp)) {
      if (awaiting === "rating") {
        const rating = ratingOf(turn);
        if (rating !== null && survey.askedAt && turn.timestamp - survey.askedAt.getTime() < CSAT_RATING_WINDOW_MS) {
          Object.assign(changes, { status: "rated", rating, ratedAt: new Date(turn.timestamp), awaiting: "comment" });
          ratedAt = turn.timestamp;
          awaiting = "comment";
          toStore.push(surveyMessage(at(Math.max(now, turn.timestamp + 1)), "comment", say("commentPrompt"), csatText(setting?.texts, survey.language as CsatLanguage, "noThanks")));
          answered.add(turn.key);
          continue;
        }
      } else if (awaiting === "comment" && ratedAt !== null && turn.timestamp - ratedAt <= CSAT_COMMENT_WINDOW_MS) {
        const noThanks = turn.quickReplyPayload === CSAT_NO_THANKS_PAYLOAD;
        const comment = !noThanks && turn.postbackPayload === null && !turn.quickReplyPayload?.startsWith(CSAT_RATING_PAYLOAD_PREFIX) ? turn.text?.trim() : undefined;
        if (noThanks || comment) {
          Object.assign(changes, noThanks ? { awaiting: null } : { awaiting: null, comment: comment!.slice(0, 2000), commentedAt: new Date(turn.timestamp) });
          awaiting = null;
          toStore.push(surveyMessage(at(Math.max(now, turn.timestamp + 1)), "thanks", say("thanks")));
          answered.add(turn.key);
          continue;
        }
      }
      // Not an answer: the person moved on, and the survey stops waiting (this message goes on as any other).
      if (awaiting !== null) {
        awaiting = null;
        changes.awaiting = null;
      }
    }
    if (awaiting === null && survey.awaiting !== null) changes.awaiting = null;
    if (Object.keys(changes).length > 0) await tx.update(csatSurveys).set({ ...changes, updatedAt: new Date() }).where(eq(csatSurveys.id, survey.id));
    if (toStore.length > 0) {
      const stored = await tx.insert(messages).values(toStore).onConflictDoNothing().returning({ id: messages.id });
      if (stored.length > 0) replies.add(survey.conversationId);
    }
  }
  if (replies.size > 0) await publishRealtime(tx, [...replies].map((conversationId) => ({ type: "message.created" as const, orgId: scope.orgId, channelId: scope.channelId, conversationId, at: now })));
  return { answered, replies: [...replies] };
}

/** 1..5 from the survey's quick reply, or the digit typed on its own; anything else (0, 6, "4 stars") is no rating. */
function ratingOf(turn: InboundTurn): number | null {
  const payload = turn.quickReplyPayload;
  const raw = payload?.startsWith(CSAT_RATING_PAYLOAD_PREFIX) ? payload.slice(CSAT_RATING_PAYLOAD_PREFIX.length) : payload ? null : (turn.text?.trim() ?? null);
  if (raw === null || !/^[1-5]$/.test(raw)) return null;
  return Number(raw);
}
