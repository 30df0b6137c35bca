// The bot in the conversation (issue 15). Other domains import from here.
export { BOT_PAYLOAD, type BotLanguage, type BotMessage, type ConnectorReply, type ConnectorRequest, type FaqMatch, type MatchResult } from "./contract";
