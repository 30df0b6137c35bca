import { contactAttributesPatchSchema, contactAttributesSchema, contactPanelSchema } from "@/lib/services/contacts/schemas";
import { assignInputSchema, deskConversationSchema, presenceInputSchema, presenceSchema, transferInputSchema } from "@/lib/services/routing/schemas";
import { contactPermissionSchema } from "@/lib/services/permissions/schemas";
import { named, pageOf, type ApiOperation } from "./define";

const tags = ["Agent desk"];
const conversationId = { conversationId: "The conversation's id." };
const deskConversation = named(
  "DeskConversation",
  deskConversationSchema.meta({
    examples: [
      {
        id: "0190a1b2-7c3d-7e4f-8a9b-0c1d2e3f4a5b",
        status: "open",
        skillGroupId: "0190a1b2-0000-7000-8000-000000000001",
        assigneeMembershipId: "0190a1b2-0000-7000-8000-0000000000a1",
        queuedAt: "2026-12-01T09:00:00.000Z",
        assignedAt: "2026-12-01T09:01:12.000Z",
        resolvedAt: null,
      },
    ],
  }),
);
const presence = named(
  "Presence",
  presenceSchema.meta({ examples: [{ membershipId: "0190a1b2-0000-7000-8000-0000000000a1", status: "online", changedBy: "manual", lastActivityAt: "2026-12-01T09:05:00.000Z" }] }),
);
const acting =
  "An API key acts for the member who created it (its role is the key's): a claim gives the conversation to that member. ";

function deskVerb(operationId: string, verb: string, summary: string, description: string, conflict?: string): ApiOperation {
  return {
    operationId,
    method: "POST",
    path: `/conversations/{conversationId}/${verb}`,
    summary,
    description,
    tags,
    permission: "conversations.reply",
    pathParams: conversationId,
    response: { status: 200, description: "The conversation after the change.", body: deskConversation },
    ...(conflict ? { conflict } : {}),
  };
}

export const deskOperations: ApiOperation[] = [
  deskVerb(
    "claimConversation",
    "claim",
    "Claim a queued conversation",
    acting + "Only from the queues of the member's skill groups (any queue with `conversations.assign`), within the group's cap.",
    "The conversation is no longer waiting in the queue (someone claimed it first), or the member already has as many open conversations as the group allows.",
  ),
  {
    operationId: "assignConversation",
    method: "POST",
    path: "/conversations/{conversationId}/assign",
    summary: "Assign a conversation to an agent",
    description: "Supervisors give a conversation (queued or someone else's) to an agent of its skill group, within the group's cap. The agent gets a notification.",
    tags,
    permission: "conversations.assign",
    pathParams: conversationId,
    body: named("AssignConversation", assignInputSchema.meta({ examples: [{ membershipId: "0190a1b2-0000-7000-8000-0000000000a1" }] })),
    response: { status: 200, description: "The conversation after the change.", body: deskConversation },
    conflict: "The conversation is resolved, or the agent already has as many open conversations as the group allows.",
  },
  {
    operationId: "transferConversation",
    method: "POST",
    path: "/conversations/{conversationId}/transfer",
    summary: "Transfer a conversation",
    description:
      "To an agent (`membershipId`, of the target group) or to a skill group's queue (`skillGroupId`, routing picks an agent), with a memo the receiver sees in their notification.",
    tags,
    permission: "conversations.reply",
    pathParams: conversationId,
    body: named(
      "TransferConversation",
      transferInputSchema.meta({
        examples: [
          { skillGroupId: "0190a1b2-0000-7000-8000-000000000002", memo: "Asks for a refund of order A-1042." },
          { membershipId: "0190a1b2-0000-7000-8000-0000000000a2", memo: "Speaks Cantonese." },
        ],
      }),
    ),
    response: { status: 200, description: "The conversation after the change.", body: deskConversation },
    conflict: "The conversation is resolved (reopen it first), or the agent already has as many open conversations as the group allows.",
  },
  deskVerb("resolveConversation", "resolve", "Resolve a conversation", "Marks it done; resolving a resolved conversation changes nothing. The person's next message reopens it."),
  deskVerb("reopenConversation", "reopen", "Reopen a resolved conversation", "It re-enters its skill group's queue and is routed (to its last agent first, when sticky).", "The conversation is not resolved."),
  deskVerb(
    "setConversationPending",
    "pending",
    "Mark a conversation pending",
    "The agent waits on the person: it stays theirs, and opens again when the person writes. Pending again changes nothing.",
    "The conversation is resolved.",
  ),
  {
    operationId: "getPresence",
    method: "GET",
    path: "/presence",
    summary: "Get the key's member's presence",
    description: acting + "Offline until the member first sets a presence.",
    tags,
    permission: "conversations.read",
    response: { status: 200, description: "The member's presence.", body: presence },
  },
  {
    operationId: "setPresence",
    method: "PUT",
    path: "/presence",
    summary: "Set the key's member's presence",
    description: acting + "Online takes conversations (the member's queues are drained into their room); away keeps what they have and takes nothing new; offline hands their open conversations back to the queue where the group says so.",
    tags,
    permission: "conversations.reply",
    body: named("SetPresence", presenceInputSchema.meta({ examples: [{ status: "online" }] })),
    response: { status: 200, description: "The member's presence after the change.", body: presence },
  },
  {
    operationId: "getConversationContact",
    method: "GET",
    path: "/conversations/{conversationId}/contact",
    summary: "Get the contact of a conversation",
    description: "The profile, first and last seen, attributes, the conversation's labels, the person's \"Notify Me\" subscriptions and the conversation's past cycles.",
    tags,
    permission: "conversations.read",
    pathParams: conversationId,
    response: { status: 200, description: "The contact panel.", body: named("ContactPanel", contactPanelSchema) },
  },
  {
    operationId: "updateContactAttributes",
    method: "PATCH",
    path: "/contacts/{contactId}/attributes",
    summary: "Set or remove a contact's attributes",
    description: "Each change names a key and its new value, or null to remove it; attributes not named stay. Names have 1 to 40 characters, values at most 500; at most 50 attributes.",
    tags,
    permission: "conversations.reply",
    pathParams: { contactId: "The contact's id (`contact.id` of the conversation's contact)." },
    body: named("ContactAttributesPatch", contactAttributesPatchSchema.meta({ examples: [{ attributes: [{ key: "order", value: "A-1042" }, { key: "tier", value: null }] }] })),
    response: { status: 200, description: "The contact's attributes after the change.", body: named("ContactAttributes", contactAttributesSchema) },
  },
  {
    operationId: "listContactPermissions",
    method: "GET",
    path: "/contacts/{contactId}/permissions",
    summary: "List a contact's permissions to message",
    description:
      "Every permission the person gave the Page to message them outside the 24-hour window, newest opt-in first: One-Time Notification tokens (kind otn, topic = the campaign's name), recurring-notification topics and Marketing Messages subscriptions, with status (active, used, stopped, expired) and expiry. Tokens themselves are never returned. At most 100 of each kind; `nextCursor` is always null.",
    tags,
    permission: "conversations.read",
    pathParams: { contactId: "The contact's id (`contact.id` of the conversation's contact)." },
    response: { status: 200, description: "The contact's permissions to message.", body: pageOf(named("ContactPermission", contactPermissionSchema)) },
  },
];
