/**
 * Conversations: list, detail and message images.
 * The domain's import path for everything outside it (the browser imports ./schemas only, if at all).
 */
export * from "./schemas";
export { conversationGetSchema, getConversation } from "./get-conversation";
export { getMessageImage } from "./get-message-image";
export { listConversationChannelIds } from "./list-conversation-channel-ids";
export { conversationListSchema, type ConversationListInput, listConversations } from "./list-conversations";
export { REPLY_METADATA_PREFIX, replySchema, retryReply, sendReply, type ReplyInput, type SentReply } from "./send-reply";
export { uploadAttachment, type AttachmentUpload } from "./upload-attachment";
export { SENDER_ACTIONS, sendSenderAction, type SenderAction } from "./send-sender-action";
export { changeThreadControl, passThreadControl, takeThreadControl, threadControlSchema, type ThreadControlInput, type ThreadControlState } from "./thread-control";
export { attachmentUploadInputSchema, attachmentUploadSchema, sentReplySchema, threadControlStateSchema } from "./reply-schemas";
