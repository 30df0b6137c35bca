/**
 * Conversations: list, detail (with its private notes and desk events), message images, private notes.
 * The domain's import path for everything outside it (the browser imports ./schemas only, if at all).
 */
export * from "./schemas";
export { addConversationNote } from "./add-conversation-note";
export { deleteConversationNote } from "./delete-conversation-note";
export { listConversationNotes } from "./list-conversation-notes";
export { listMentionableMembers } from "./list-mentionable-members";
export { conversationNoteSchema, noteInputSchema, NOTE_BODY_MAX } from "./note-schemas";
/** Fetch-or-throw a conversation within the actor's scope (other domains' verbs on one conversation). */
export { getConversationInOrg as getConversationInScope } from "./queries";
export { conversationGetSchema, getConversation } from "./get-conversation";
export { getConversationSummary } from "./get-conversation-summary";
export { getMessageImage } from "./get-message-image";
export { conversationMessagesQuerySchema, listConversationMessages } from "./list-conversation-messages";
export { listConversationChannelIds } from "./list-conversation-channel-ids";
export { countConversationViews } from "./count-conversation-views";
export { listConversations } from "./list-conversations";
export { REPLY_METADATA_PREFIX, replySchema, retryReply, sendReply, type ReplyInput, type SentReply } from "./send-reply";
export { uploadAttachment, type AttachmentUpload } from "./upload-attachment";
export { SENDER_ACTIONS, sendSenderAction, type SenderAction } from "./send-sender-action";
export { changeThreadControl, passThreadControl, takeThreadControl, threadControlSchema, type ThreadControlInput, type ThreadControlState } from "./thread-control";
export { attachmentUploadInputSchema, attachmentUploadSchema, sentReplySchema, threadControlStateSchema } from "./reply-schemas";
