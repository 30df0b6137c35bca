import { json } from "@/lib/api/respond";
import { unpaged } from "@/lib/api/unpaged";
import { readJson, withOrg } from "@/lib/api/with-org";
import { cannedReplyListQuerySchema, createCannedReply, listCannedReplies } from "@/lib/services/canned-replies";

export const GET = withOrg(async (_req, { ctx, query }) => json(unpaged(await listCannedReplies({ ctx, input: query }))), {
  permission: "conversations.reply",
  query: cannedReplyListQuerySchema,
});

export const POST = withOrg(async (req, { ctx }) => json(await createCannedReply({ ctx, input: await readJson(req) }), 201), {
  permission: "cannedReplies.manage",
});
