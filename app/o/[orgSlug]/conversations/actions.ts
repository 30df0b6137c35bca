"use server";

import {
  changeThreadControl,
  getConversation,
  listConversations,
  retryReply,
  sendReply,
  sendSenderAction,
  uploadAttachment,
  type ConversationListInput,
  type ReplyInput,
  type SenderAction,
} from "@/lib/services/conversations";
import { orgAction } from "@/lib/tenancy/action";

/** Polled by the conversation list (react-query). */
export async function listConversationsAction(orgSlug: string, input: ConversationListInput) {
  return orgAction(orgSlug, "conversations.read", (ctx) => listConversations({ ctx, input }));
}

/** Polled by the conversation view (react-query). */
export async function getConversationAction(orgSlug: string, conversationId: string) {
  return orgAction(orgSlug, "conversations.read", (ctx) => getConversation({ ctx, conversationId }));
}

// The composer (reply, retry, files, typing and seen, Conversation Routing). Each goes through orgAction:
// session, membership and permission first, so a request without them never reaches a verb or writes.

export async function sendReplyAction(orgSlug: string, conversationId: string, input: ReplyInput) {
  return orgAction(orgSlug, "conversations.reply", (ctx) => sendReply({ ctx, conversationId, input }));
}

export async function retryReplyAction(orgSlug: string, conversationId: string, messageId: string) {
  return orgAction(orgSlug, "conversations.reply", (ctx) => retryReply({ ctx, conversationId, messageId }));
}

/** The file arrives as multipart form data (field "file"); limits are the composer's (ATTACHMENT_RULES). */
export async function uploadAttachmentAction(orgSlug: string, conversationId: string, form: FormData) {
  return orgAction(orgSlug, "conversations.reply", async (ctx) => {
    const file = form.get("file");
    const upload = file instanceof File ? { name: file.name, contentType: file.type, data: new Uint8Array(await file.arrayBuffer()) } : null;
    return uploadAttachment({ ctx, conversationId, file: upload });
  });
}

export async function senderActionAction(orgSlug: string, conversationId: string, action: SenderAction) {
  return orgAction(orgSlug, "conversations.reply", (ctx) => sendSenderAction({ ctx, conversationId, action }));
}

export async function threadControlAction(orgSlug: string, conversationId: string, action: "take" | "pass") {
  return orgAction(orgSlug, "conversations.reply", (ctx) => changeThreadControl({ ctx, conversationId, input: { action } }));
}
