// The bot in the conversation (issue 15). Other domains import from here.
export { BOT_PAYLOAD, type BotLanguage, type BotMessage, type ConnectorReply, type ConnectorRequest, type FaqMatch, type MatchResult } from "./contract";
export { claimForBot, type BotTurn } from "./claim-conversations";
export { runBotTurns } from "./run-bot-turns";
export { sendBotMessages } from "./send-bot-messages";
export { sendRoutingReplies } from "./send-routing-replies";
export { handoverAskOf } from "./handover-phrases";
export { DEFAULT_BOT_TEXTS } from "./texts";
export * from "./schemas";
export { listBotConfigs } from "./list-bot-configs";
export { putBotConfig } from "./put-bot-config";
export { getBotSettings } from "./get-bot-settings";
