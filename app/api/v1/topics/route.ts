import { json } from "@/lib/api/respond";
import { readJson, withOrg } from "@/lib/api/with-org";
import { createTopic, listTopics, topicListQuerySchema } from "@/lib/services/topics";

// A Page keeps a handful of topics: one page, nextCursor always null.
export const GET = withOrg(async (_req, { ctx, query }) => json({ data: await listTopics({ ctx, query }), nextCursor: null }), {
  permission: "campaigns.read",
  query: topicListQuerySchema,
});

export const POST = withOrg(async (req, { ctx }) => json(await createTopic({ ctx, input: await readJson(req) }), 201), { permission: "campaigns.manage" });
