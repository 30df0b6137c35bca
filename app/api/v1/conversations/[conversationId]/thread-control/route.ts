import { pathId } from "@/lib/api/path-id";
import { json } from "@/lib/api/respond";
import { readJson, withOrg } from "@/lib/api/with-org";
import { changeThreadControl, type ThreadControlInput } from "@/lib/services/conversations";

type Params = { conversationId: string };

export const POST = withOrg<Params>(
  async (req, { ctx, params }) => {
    const conversationId = pathId(params.conversationId, "conversations.errors.notFound");
    return json(await changeThreadControl({ ctx, conversationId, input: (await readJson(req)) as ThreadControlInput }));
  },
  { permission: "conversations.reply" },
);
