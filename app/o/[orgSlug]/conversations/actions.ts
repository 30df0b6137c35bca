"use server";

import { getConversation, listConversations, type ConversationListInput } from "@/lib/services/conversations";
import { orgAction } from "@/lib/tenancy/action";

/** Polled by the conversation list (react-query). */
export async function listConversationsAction(orgSlug: string, input: ConversationListInput) {
  return orgAction(orgSlug, "conversations.read", (ctx) => listConversations({ ctx, input }));
}

/** Polled by the conversation view (react-query). */
export async function getConversationAction(orgSlug: string, conversationId: string) {
  return orgAction(orgSlug, "conversations.read", (ctx) => getConversation({ ctx, conversationId }));
}
