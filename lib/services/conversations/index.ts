/**
 * Conversations: list, detail and message images.
 * The domain's import path for everything outside it (the browser imports ./schemas only, if at all).
 */
export * from "./schemas";
export { conversationGetSchema, getConversation } from "./get-conversation";
export { getConversationSummary } from "./get-conversation-summary";
export { getMessageImage } from "./get-message-image";
export { conversationMessagesQuerySchema, listConversationMessages } from "./list-conversation-messages";
export { listConversationChannelIds } from "./list-conversation-channel-ids";
export { countConversationViews } from "./count-conversation-views";
export { listConversations } from "./list-conversations";
