export * from "./schemas";
export { conversationGetSchema, getConversation } from "./get-conversation";
export { getMessageImage } from "./get-message-image";
export { conversationListSchema, type ConversationListInput, listConversations } from "./list-conversations";
