/**
 * Conversations: list, detail and message images.
 * The domain's import path for everything outside it (the browser imports ./schemas only, if at all).
 */
export * from "./schemas";
export { conversationGetSchema, getConversation } from "./get-conversation";
export { getMessageImage } from "./get-message-image";
export { listConversationChannelIds } from "./list-conversation-channel-ids";
export { countConversationViews } from "./count-conversation-views";
export { listConversations } from "./list-conversations";
