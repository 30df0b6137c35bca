import { pathId } from "@/lib/api/path-id";
import { json } from "@/lib/api/respond";
import { readJson, withOrg } from "@/lib/api/with-org";
import { setConversationLabels } from "@/lib/services/labels";

type Params = { conversationId: string };

export const PUT = withOrg<Params>(
  async (req, { ctx, params }) => {
    const conversationId = pathId(params.conversationId, "conversations.errors.notFound");
    return json(await setConversationLabels({ ctx, conversationId, input: await readJson(req) }));
  },
  { permission: "conversations.reply" },
);
