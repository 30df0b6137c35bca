import { pathId } from "@/lib/api/path-id";
import { json, noContent } from "@/lib/api/respond";
import { readJson, withOrg } from "@/lib/api/with-org";
import { deleteTopic, getTopic, updateTopic } from "@/lib/services/topics";

type Params = { topicId: string };

export const GET = withOrg<Params>(async (_req, { ctx, params }) => json(await getTopic({ ctx, topicId: pathId(params.topicId, "topics.errors.notFound") })), { permission: "campaigns.read" });

export const PATCH = withOrg<Params>(
  async (req, { ctx, params }) => {
    const topicId = pathId(params.topicId, "topics.errors.notFound");
    return json(await updateTopic({ ctx, topicId, input: await readJson(req) }));
  },
  { permission: "campaigns.manage" },
);

export const DELETE = withOrg<Params>(
  async (_req, { ctx, params }) => {
    await deleteTopic({ ctx, topicId: pathId(params.topicId, "topics.errors.notFound") });
    return noContent();
  },
  { permission: "campaigns.manage" },
);
