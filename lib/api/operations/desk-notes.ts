import { cannedReplyInputSchema, cannedReplyListQuerySchema, cannedReplySchema, cannedReplyUpdateSchema } from "@/lib/services/canned-replies/schemas";
import { conversationNoteSchema, noteInputSchema } from "@/lib/services/conversations";
import { named, pageOf, type ApiOperation } from "./define";

const cannedReplyComponent = named("CannedReply", cannedReplySchema);
const noteComponent = named("ConversationNote", conversationNoteSchema);
const cannedReplyId = { cannedReplyId: "The canned reply's id." };
const conversationId = { conversationId: "The conversation's id. One the key's member may not see (another skill group's channel) answers 404." };
const shortcutTaken = "Another canned reply of the same scope (the organisation, or the skill group) has this shortcut, regardless of case.";
const variables = "`content` may hold the variables {first_name}, {last_name} (the person), {agent_name} (the replying member) and {page_name} (the Page), filled in when an agent inserts it; other {words} stay as written.";

/** Canned replies and private notes: the agent desk's saved answers and its internal notes. */
export const deskNoteOperations: ApiOperation[] = [
  {
    operationId: "listCannedReplies",
    method: "GET",
    path: "/canned-replies",
    summary: "List canned replies",
    description: `The organisation-wide replies first, then each skill group's, by shortcut. Filter with \`q\` and \`skill_group_id\`. ${variables}`,
    tags: ["Canned replies"],
    permission: "conversations.reply",
    query: cannedReplyListQuerySchema,
    response: { status: 200, description: "Every matching canned reply on one page (`nextCursor` is always null).", body: pageOf(cannedReplyComponent) },
  },
  {
    operationId: "createCannedReply",
    method: "POST",
    path: "/canned-replies",
    summary: "Create a canned reply",
    description: `For the whole organisation (\`skillGroupId\` null or absent) or one skill group. The shortcut is one word (a leading "/" is dropped). ${variables}`,
    tags: ["Canned replies"],
    permission: "cannedReplies.manage",
    body: named("CreateCannedReply", cannedReplyInputSchema),
    response: { status: 201, description: "The new canned reply.", body: cannedReplyComponent },
    conflict: shortcutTaken,
  },
  {
    operationId: "updateCannedReply",
    method: "PATCH",
    path: "/canned-replies/{cannedReplyId}",
    summary: "Change a canned reply",
    description: "Changes only the fields sent (shortcut, content, scope); send at least one.",
    tags: ["Canned replies"],
    permission: "cannedReplies.manage",
    pathParams: cannedReplyId,
    body: named("UpdateCannedReply", cannedReplyUpdateSchema),
    response: { status: 200, description: "The canned reply after the change.", body: cannedReplyComponent },
    conflict: shortcutTaken,
  },
  {
    operationId: "deleteCannedReply",
    method: "DELETE",
    path: "/canned-replies/{cannedReplyId}",
    summary: "Delete a canned reply",
    tags: ["Canned replies"],
    permission: "cannedReplies.manage",
    pathParams: cannedReplyId,
    response: { status: 204, description: "Deleted." },
  },
  {
    operationId: "listConversationNotes",
    method: "GET",
    path: "/conversations/{conversationId}/notes",
    summary: "List a conversation's private notes",
    description: "Oldest first (the latest 500). Notes are internal: the person never sees them.",
    tags: ["Conversations"],
    permission: "conversations.read",
    pathParams: conversationId,
    response: { status: 200, description: "The notes on one page (`nextCursor` is always null).", body: pageOf(noteComponent) },
  },
  {
    operationId: "addConversationNote",
    method: "POST",
    path: "/conversations/{conversationId}/notes",
    summary: "Add a private note",
    description:
      "Stored for the team, never sent to the person. Mention a member as `@[Name](memberId)`: each mentioned member who may see the conversation is notified; " +
      "mentions of anyone else are ignored (and listed in no field), so the answer never tells who exists.",
    tags: ["Conversations"],
    permission: "conversations.reply",
    pathParams: conversationId,
    body: named("AddConversationNote", noteInputSchema),
    response: { status: 201, description: "The note, with the members it notified.", body: noteComponent },
  },
];
