"use server";

import { countConversationViews, getConversation, listConversations, type ConversationFiltersInput, type ConversationListInput } from "@/lib/services/conversations";
import { setConversationLabels } from "@/lib/services/labels";
import { orgAction } from "@/lib/tenancy/action";

/** Polled by the conversation list (react-query). */
export async function listConversationsAction(orgSlug: string, input: ConversationListInput) {
  return orgAction(orgSlug, "conversations.read", (ctx) => listConversations({ ctx, input }));
}

/** The inbox tabs' counts under the list's filters (react-query, refetched with the list). */
export async function countConversationViewsAction(orgSlug: string, input: ConversationFiltersInput) {
  return orgAction(orgSlug, "conversations.read", (ctx) => countConversationViews({ ctx, input }));
}

/** Polled by the conversation view (react-query). */
export async function getConversationAction(orgSlug: string, conversationId: string) {
  return orgAction(orgSlug, "conversations.read", (ctx) => getConversation({ ctx, conversationId }));
}

/** The label picker: replaces the conversation's labels (those of the organisation, on a conversation the member may see). */
export async function setConversationLabelsAction(orgSlug: string, conversationId: string, labelIds: string[]) {
  return orgAction(orgSlug, "conversations.reply", (ctx) => setConversationLabels({ ctx, conversationId, input: { labelIds } }));
}
