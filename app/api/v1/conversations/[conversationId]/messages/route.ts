import { pathId } from "@/lib/api/path-id";
import { json } from "@/lib/api/respond";
import { withOrg } from "@/lib/api/with-org";
import { conversationMessagesQuerySchema, listConversationMessages } from "@/lib/services/conversations";

type Params = { conversationId: string };

export const GET = withOrg<Params>(
  async (_req, { ctx, params, query }) =>
    json(await listConversationMessages({ ctx, conversationId: pathId(params.conversationId, "conversations.errors.notFound"), input: query })),
  { permission: "conversations.read", query: conversationMessagesQuerySchema },
);
