import { pathId } from "@/lib/api/path-id";
import { json } from "@/lib/api/respond";
import { readJson, withOrg } from "@/lib/api/with-org";
import { requestTopicOptin } from "@/lib/services/topics";

export const POST = withOrg<{ topicId: string }>(
  async (req, { ctx, params }) => {
    const topicId = pathId(params.topicId, "topics.errors.notFound");
    return json(await requestTopicOptin({ ctx, topicId, input: await readJson(req) }));
  },
  { permission: "campaigns.manage" },
);
