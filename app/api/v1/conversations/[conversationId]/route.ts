import { pathId } from "@/lib/api/path-id";
import { json } from "@/lib/api/respond";
import { withOrg } from "@/lib/api/with-org";
import { getConversationSummary } from "@/lib/services/conversations";

type Params = { conversationId: string };

export const GET = withOrg<Params>(
  async (_req, { ctx, params }) => json(await getConversationSummary({ ctx, conversationId: pathId(params.conversationId, "conversations.errors.notFound") })),
  { permission: "conversations.read" },
);
