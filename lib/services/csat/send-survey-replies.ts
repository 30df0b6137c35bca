import { sendBotMessages } from "@/lib/services/bot";

/**
 * Sends the survey's stored comment prompt and thanks (webhook processing stored them with the answers), as
 * the bot's messages go: RESPONSE inside the 24-hour window, each once (a retry sends only what is still "sending").
 */
export async function sendSurveyReplies({ orgId, conversationIds }: { orgId: string; conversationIds: string[] }): Promise<{ sent: number; failed: number }> {
  return sendBotMessages({ orgId, conversationIds });
}
