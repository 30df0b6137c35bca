import { pathId } from "@/lib/api/path-id";
import { json } from "@/lib/api/respond";
import { readJson, withOrg } from "@/lib/api/with-org";
import { conversationMessagesQuerySchema, listConversationMessages, sendReply, type ReplyInput } from "@/lib/services/conversations";

type Params = { conversationId: string };

export const GET = withOrg<Params>(
  async (_req, { ctx, params, query }) =>
    json(await listConversationMessages({ ctx, conversationId: pathId(params.conversationId, "conversations.errors.notFound"), input: query })),
  { permission: "conversations.read", query: conversationMessagesQuerySchema },
);

/** A reply: 201 with its state (sent, or failed with Meta's reason); 409 with the rule when Meta's windows refuse it (no Graph call). */
export const POST = withOrg<Params>(
  async (req, { ctx, params }) => {
    const conversationId = pathId(params.conversationId, "conversations.errors.notFound");
    return json(await sendReply({ ctx, conversationId, input: (await readJson(req)) as ReplyInput }), 201);
  },
  { permission: "conversations.reply" },
);
