import { pathId } from "@/lib/api/path-id";
import { json } from "@/lib/api/respond";
import { unpaged } from "@/lib/api/unpaged";
import { readJson, withOrg } from "@/lib/api/with-org";
import { addConversationNote, listConversationNotes } from "@/lib/services/conversations";

type Params = { conversationId: string };

export const GET = withOrg<Params>(
  async (_req, { ctx, params }) => json(unpaged(await listConversationNotes({ ctx, conversationId: pathId(params.conversationId, "conversations.errors.notFound") }))),
  { permission: "conversations.read" },
);

export const POST = withOrg<Params>(
  async (req, { ctx, params }) => {
    const conversationId = pathId(params.conversationId, "conversations.errors.notFound");
    return json(await addConversationNote({ ctx, conversationId, input: await readJson(req) }), 201);
  },
  { permission: "conversations.reply" },
);
