import { conversationListSchema, conversationMessageSchema, conversationMessagesQuerySchema, conversationSchema } from "@/lib/services/conversations";
import { conversationLabelsInputSchema, labelChipSchema, labelInputSchema, labelSchema, labelUpdateSchema } from "@/lib/services/labels/schemas";
import { z } from "zod";
import { named, pageOf, type ApiOperation } from "./define";

const conversation = named("Conversation", conversationSchema);
const label = named("Label", labelSchema);
const conversationId = { conversationId: "The conversation's id." };
const labelId = { labelId: "The label's id." };
const scope = "A key whose role cannot read every channel (agent) sees only the channels of its creator's skill groups; other conversations answer 404.";
const nameTaken = "Another label of the organisation has this name (compared regardless of case).";

export const conversationOperations: ApiOperation[] = [
  {
    operationId: "listConversations",
    method: "GET",
    path: "/conversations",
    summary: "List conversations (the inbox)",
    description: `Most recent activity first, in one view, under the filters given (all of them combine). ${scope}`,
    tags: ["Conversations"],
    permission: "conversations.read",
    query: conversationListSchema,
    response: { status: 200, description: "One page of conversations.", body: pageOf(conversation) },
  },
  {
    operationId: "getConversation",
    method: "GET",
    path: "/conversations/{conversationId}",
    summary: "Get a conversation",
    description: `Its contact, channel, desk status, assignee and labels; the messages are listConversationMessages. ${scope}`,
    tags: ["Conversations"],
    permission: "conversations.read",
    pathParams: conversationId,
    response: { status: 200, description: "The conversation.", body: conversation },
  },
  {
    operationId: "listConversationMessages",
    method: "GET",
    path: "/conversations/{conversationId}/messages",
    summary: "List a conversation's messages",
    description: "Newest first by Meta's event time: the first page is the latest messages, each next page older ones.",
    tags: ["Conversations"],
    permission: "conversations.read",
    pathParams: conversationId,
    query: conversationMessagesQuerySchema,
    response: { status: 200, description: "One page of messages.", body: pageOf(named("ConversationMessage", conversationMessageSchema)) },
  },
  {
    operationId: "setConversationLabels",
    method: "PUT",
    path: "/conversations/{conversationId}/labels",
    summary: "Set a conversation's labels",
    description: "Replaces the whole set. Every id must be one of the organisation's labels (otherwise 404 and nothing changes).",
    tags: ["Conversations"],
    permission: "conversations.reply",
    pathParams: conversationId,
    body: named("SetConversationLabels", conversationLabelsInputSchema),
    response: { status: 200, description: "The labels the conversation carries now, by name.", body: named("ConversationLabels", z.array(labelChipSchema)) },
  },
  {
    operationId: "listLabels",
    method: "GET",
    path: "/labels",
    summary: "List labels",
    description: "Every label of the organisation on one page, by name.",
    tags: ["Labels"],
    permission: "conversations.read",
    response: { status: 200, description: "The labels (`nextCursor` is always null).", body: pageOf(label) },
  },
  {
    operationId: "createLabel",
    method: "POST",
    path: "/labels",
    summary: "Create a label",
    tags: ["Labels"],
    permission: "labels.manage",
    body: named("CreateLabel", labelInputSchema),
    response: { status: 201, description: "The new label.", body: label },
    conflict: nameTaken,
  },
  {
    operationId: "updateLabel",
    method: "PATCH",
    path: "/labels/{labelId}",
    summary: "Rename, recolour or describe a label",
    description: "Changes only the fields sent; send at least one.",
    tags: ["Labels"],
    permission: "labels.manage",
    pathParams: labelId,
    body: named("UpdateLabel", labelUpdateSchema),
    response: { status: 200, description: "The label after the change.", body: label },
    conflict: nameTaken,
  },
  {
    operationId: "deleteLabel",
    method: "DELETE",
    path: "/labels/{labelId}",
    summary: "Delete a label",
    description: "It is taken off every conversation that carries it.",
    tags: ["Labels"],
    permission: "labels.manage",
    pathParams: labelId,
    response: { status: 204, description: "Deleted." },
  },
];
