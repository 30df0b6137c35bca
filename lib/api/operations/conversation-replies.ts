import { attachmentUploadInputSchema, attachmentUploadSchema, replySchema, sentReplySchema, threadControlSchema, threadControlStateSchema } from "@/lib/services/conversations";
import { named, type ApiOperation } from "./define";

const conversationId = { conversationId: "The conversation's id." };
const sentReply = named("SentReply", sentReplySchema);
const windowRule =
  "Meta's rule applies at the moment of sending: within 24 hours of the person's last message the reply goes out as RESPONSE; from 24 hours to 7 days only with the HUMAN_AGENT tag, only when the channel has Meta's Human Agent permission and only for replies written by a person (an API key acting on its own is not one); after 7 days, or before the person ever wrote, nothing may be sent. No other message tag exists (the rest were retired in 2026).";

/** API v1: replying in a conversation (items 5 and 8 of the agent desk). */
export const conversationReplyOperations: ApiOperation[] = [
  {
    operationId: "sendConversationMessage",
    method: "POST",
    path: "/conversations/{conversationId}/messages",
    summary: "Reply to the person of a conversation",
    description: `A text (up to 2,000 characters) or one uploaded file (\`attachment.uploadId\` from the upload operation), with up to 13 quick replies (titles of at most 20 characters). ${windowRule} A refused reply answers 409 with the rule in words, and Meta is not called. A reply Meta refuses is kept with \`sendStatus\` "failed", Meta's code and reason, and can be retried.`,
    tags: ["Conversations"],
    permission: "conversations.reply",
    pathParams: conversationId,
    body: named("SendConversationMessage", replySchema),
    response: { status: 201, description: "The reply, sent or failed (with Meta's reason).", body: sentReply },
    conflict: "Meta's messaging window refuses the reply now, another app controls the thread (Conversation Routing), or the channel is disabled.",
  },
  {
    operationId: "uploadConversationAttachment",
    method: "POST",
    path: "/conversations/{conversationId}/attachments",
    summary: "Upload a file for a reply",
    description:
      "Uploads the file to Meta's Attachment Upload API for the conversation's Page, once: the same bytes again answer the same upload (`reused: true`) without calling Meta. Photos (JPEG, PNG, GIF, WebP) up to 8 MB; videos (MP4), audio and files (PDF, Office, text, CSV, ZIP) up to 25 MB (Meta's limit).",
    tags: ["Conversations"],
    permission: "conversations.reply",
    pathParams: conversationId,
    body: named("UploadConversationAttachment", attachmentUploadInputSchema),
    response: { status: 201, description: "The upload, to send as a reply's `attachment.uploadId`.", body: named("AttachmentUpload", attachmentUploadSchema) },
    conflict: "The channel is disabled or deleted.",
  },
  {
    operationId: "retryConversationMessage",
    method: "POST",
    path: "/conversations/{conversationId}/messages/{messageId}/retry",
    summary: "Send a failed reply again",
    description: `Under the rule that applies now. ${windowRule}`,
    tags: ["Conversations"],
    permission: "conversations.reply",
    pathParams: { ...conversationId, messageId: "The reply's id (`id` of a SentReply)." },
    response: { status: 200, description: "The reply after the new attempt.", body: sentReply },
    conflict: "The reply has not failed (it is sending or sent), or the rule refuses it now.",
  },
  {
    operationId: "changeConversationThreadControl",
    method: "POST",
    path: "/conversations/{conversationId}/thread-control",
    summary: "Take the thread back, or pass it to Meta's Page Inbox",
    description:
      "Conversation Routing. `take` calls take_thread_control (only the Page's primary app may); `pass` calls pass_thread_control with Meta's Page Inbox (263902037430900) as the target. While another app controls the thread, replies are refused with 409.",
    tags: ["Conversations"],
    permission: "conversations.reply",
    pathParams: conversationId,
    body: named("ChangeThreadControl", threadControlSchema),
    response: { status: 200, description: "Who controls the thread now.", body: named("ThreadControl", threadControlStateSchema) },
    conflict: "There is nothing to take or pass (our record already says so), or Meta refused (not the primary app, routing off), said in words.",
  },
];
