"use server";

import { searchCannedReplies } from "@/lib/services/canned-replies";
import { addConversationNote, deleteConversationNote, listMentionableMembers } from "@/lib/services/conversations";
import { orgAction } from "@/lib/tenancy/action";

/** The composer's "/" menu: the canned replies for this conversation, filled in, best match first. */
export async function searchCannedRepliesAction(orgSlug: string, conversationId: string, q: string) {
  return orgAction(orgSlug, "conversations.reply", (ctx) => searchCannedReplies({ ctx, conversationId, q }));
}

/** The note composer's @ picker: members who may see this conversation. */
export async function listMentionableMembersAction(orgSlug: string, conversationId: string, q: string) {
  return orgAction(orgSlug, "conversations.reply", (ctx) => listMentionableMembers({ ctx, conversationId, q }));
}

export async function addConversationNoteAction(orgSlug: string, conversationId: string, body: string) {
  return orgAction(orgSlug, "conversations.reply", (ctx) => addConversationNote({ ctx, conversationId, input: { body } }));
}

export async function deleteConversationNoteAction(orgSlug: string, conversationId: string, noteId: string) {
  return orgAction(orgSlug, "conversations.reply", async (ctx) => {
    await deleteConversationNote({ ctx, conversationId, noteId });
    return null;
  });
}
