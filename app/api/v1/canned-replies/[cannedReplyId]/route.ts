import { pathId } from "@/lib/api/path-id";
import { json, noContent } from "@/lib/api/respond";
import { readJson, withOrg } from "@/lib/api/with-org";
import { deleteCannedReply, updateCannedReply } from "@/lib/services/canned-replies";

type Params = { cannedReplyId: string };

export const PATCH = withOrg<Params>(
  async (req, { ctx, params }) => {
    const cannedReplyId = pathId(params.cannedReplyId, "cannedReplies.errors.notFound");
    return json(await updateCannedReply({ ctx, cannedReplyId, input: await readJson(req) }));
  },
  { permission: "cannedReplies.manage" },
);

export const DELETE = withOrg<Params>(
  async (_req, { ctx, params }) => {
    await deleteCannedReply({ ctx, cannedReplyId: pathId(params.cannedReplyId, "cannedReplies.errors.notFound") });
    return noContent();
  },
  { permission: "cannedReplies.manage" },
);
