import { pathId } from "@/lib/api/path-id";
import { json } from "@/lib/api/respond";
import { withOrg } from "@/lib/api/with-org";
import { getTopicShare } from "@/lib/services/topics";

export const GET = withOrg<{ topicId: string }>(async (_req, { ctx, params }) => json(await getTopicShare({ ctx, topicId: pathId(params.topicId, "topics.errors.notFound") })), {
  permission: "campaigns.read",
});
