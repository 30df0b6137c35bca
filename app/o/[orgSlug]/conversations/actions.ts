"use server";

import {
  changeThreadControl,
  countConversationViews,
  getConversation,
  listConversations,
  retryReply,
  sendReply,
  sendSenderAction,
  type ConversationFiltersInput,
  type ConversationListInput,
  type ReplyInput,
  type SenderAction,
} from "@/lib/services/conversations";
import { listLabels, setConversationLabels } from "@/lib/services/labels";
import { getContactPanel, updateContactAttributes } from "@/lib/services/contacts";
import { unsubscribeContact } from "@/lib/services/permissions";
import {
  assignConversation,
  claimConversation,
  getDeskState,
  publishDeskEvents,
  reopenConversation,
  resolveConversation,
  setConversationPending,
  transferConversation,
  type DeskEvent,
} from "@/lib/services/routing";
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

/** The label picker's choices: every label of the organisation. */
export async function listLabelsAction(orgSlug: string) {
  return orgAction(orgSlug, "conversations.read", (ctx) => listLabels({ ctx }));
}

/** The label picker: replaces the conversation's labels (those of the organisation, on a conversation the member may see). */
export async function setConversationLabelsAction(orgSlug: string, conversationId: string, labelIds: string[]) {
  return orgAction(orgSlug, "conversations.reply", (ctx) => setConversationLabels({ ctx, conversationId, input: { labelIds } }));
}

// ——— The desk: claim, assign, transfer, resolve, reopen, pending; the contact panel. Each verb's events are
// published once it has committed, so other dashboards (and the receiver's pop-up) hear of it.

/** The header's desk state: who has it, who could, what the member may do. */
export async function getDeskStateAction(orgSlug: string, conversationId: string) {
  return orgAction(orgSlug, "conversations.read", (ctx) => getDeskState({ ctx, conversationId }));
}

async function desk<T extends { events: DeskEvent[] }>(result: Promise<T>): Promise<Omit<T, "events">> {
  const { events, ...rest } = await result;
  await publishDeskEvents(events);
  return rest;
}

export async function claimConversationAction(orgSlug: string, conversationId: string) {
  return orgAction(orgSlug, "conversations.reply", (ctx) => desk(claimConversation({ ctx, conversationId })));
}

export async function assignConversationAction(orgSlug: string, conversationId: string, input: { membershipId: string }) {
  return orgAction(orgSlug, "conversations.assign", (ctx) => desk(assignConversation({ ctx, conversationId, input })));
}

export async function transferConversationAction(orgSlug: string, conversationId: string, input: { skillGroupId?: string; membershipId?: string; memo?: string }) {
  return orgAction(orgSlug, "conversations.reply", (ctx) => desk(transferConversation({ ctx, conversationId, input })));
}

export async function resolveConversationAction(orgSlug: string, conversationId: string) {
  return orgAction(orgSlug, "conversations.reply", (ctx) => desk(resolveConversation({ ctx, conversationId })));
}

export async function reopenConversationAction(orgSlug: string, conversationId: string) {
  return orgAction(orgSlug, "conversations.reply", (ctx) => desk(reopenConversation({ ctx, conversationId })));
}

export async function setConversationPendingAction(orgSlug: string, conversationId: string) {
  return orgAction(orgSlug, "conversations.reply", (ctx) => desk(setConversationPending({ ctx, conversationId })));
}

export async function getContactPanelAction(orgSlug: string, conversationId: string) {
  return orgAction(orgSlug, "conversations.read", (ctx) => getContactPanel({ ctx, conversationId }));
}

/** "Unsubscribe from marketing" in the contact panel (after a confirmation). */
export async function unsubscribeContactAction(orgSlug: string, contactId: string) {
  return orgAction(orgSlug, "conversations.reply", (ctx) => unsubscribeContact({ ctx, contactId }));
}

export async function updateContactAttributesAction(orgSlug: string, contactId: string, input: { attributes: { key: string; value: string | null }[] }) {
  return orgAction(orgSlug, "conversations.reply", (ctx) => updateContactAttributes({ ctx, contactId, input }));
}

// The composer (reply, retry, files, typing and seen, Conversation Routing). Each goes through orgAction:
// session, membership and permission first, so a request without them never reaches a verb or writes.

export async function sendReplyAction(orgSlug: string, conversationId: string, input: ReplyInput) {
  return orgAction(orgSlug, "conversations.reply", (ctx) => sendReply({ ctx, conversationId, input }));
}

export async function retryReplyAction(orgSlug: string, conversationId: string, messageId: string) {
  return orgAction(orgSlug, "conversations.reply", (ctx) => retryReply({ ctx, conversationId, messageId }));
}

export async function senderActionAction(orgSlug: string, conversationId: string, action: SenderAction) {
  return orgAction(orgSlug, "conversations.reply", (ctx) => sendSenderAction({ ctx, conversationId, action }));
}

export async function threadControlAction(orgSlug: string, conversationId: string, action: "take" | "pass") {
  return orgAction(orgSlug, "conversations.reply", (ctx) => changeThreadControl({ ctx, conversationId, input: { action } }));
}
