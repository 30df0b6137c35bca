import { json } from "@/lib/api/respond";
import { withOrg } from "@/lib/api/with-org";
import { conversationListSchema, listConversations } from "@/lib/services/conversations";

export const GET = withOrg(async (_req, { ctx, query }) => json(await listConversations({ ctx, input: query })), {
  permission: "conversations.read",
  query: conversationListSchema,
});
