import { messages } from "@/db/schema";
import { CSAT_NO_THANKS_PAYLOAD, CSAT_RATING_PAYLOAD_PREFIX } from "./constants";

type Step = "question" | "comment" | "thanks";

/**
 * A survey message stored as the bot's messages are (outbound, "sending", sent as RESPONSE by sendBotMessages).
 * Its provisional mid names the survey and the step, so a retried step stores nothing new; the echo of the
 * sent message confirms this row instead of adding one (webhook processing, "bot:" mids).
 */
export function surveyMessage(
  at: { orgId: string; channelId: string; conversationId: string; surveyId: string; timestamp: number },
  step: Step,
  text: string,
  noThanks?: string,
): typeof messages.$inferInsert {
  const quickReplies =
    step === "question"
      ? [1, 2, 3, 4, 5].map((n) => ({ content_type: "text", title: String(n), payload: `${CSAT_RATING_PAYLOAD_PREFIX}${n}` }))
      : step === "comment"
        ? [{ content_type: "text", title: noThanks ?? "No thanks", payload: CSAT_NO_THANKS_PAYLOAD }]
        : null;
  return {
    orgId: at.orgId,
    channelId: at.channelId,
    conversationId: at.conversationId,
    mid: `bot:csat-${step}:${at.surveyId}`,
    direction: "outbound",
    kind: "text",
    text,
    quickReplies,
    source: "bot",
    sendStatus: "sending",
    messagingType: "RESPONSE",
    timestamp: at.timestamp,
  };
}
