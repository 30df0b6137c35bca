import { pathId } from "@/lib/api/path-id";
import { json } from "@/lib/api/respond";
import { readJson, withOrg } from "@/lib/api/with-org";
import { sendReply, type ReplyInput } from "@/lib/services/conversations";

type Params = { conversationId: string };

// POST only: GET of this path (if any) belongs to the conversations list/detail routes; the merger combines them.
export const POST = withOrg<Params>(
  async (req, { ctx, params }) => {
    const conversationId = pathId(params.conversationId, "conversations.errors.notFound");
    return json(await sendReply({ ctx, conversationId, input: (await readJson(req)) as ReplyInput }), 201);
  },
  { permission: "conversations.reply" },
);
