import { pathId } from "@/lib/api/path-id";
import { json } from "@/lib/api/respond";
import { withOrg } from "@/lib/api/with-org";
import { retryReply } from "@/lib/services/conversations";

type Params = { conversationId: string; messageId: string };

export const POST = withOrg<Params>(
  async (_req, { ctx, params }) => {
    const conversationId = pathId(params.conversationId, "conversations.errors.notFound");
    const messageId = pathId(params.messageId, "conversations.errors.messageNotFound");
    return json(await retryReply({ ctx, conversationId, messageId }));
  },
  { permission: "conversations.reply" },
);
