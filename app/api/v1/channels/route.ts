import { json } from "@/lib/api/respond";
import { readJson, withOrg } from "@/lib/api/with-org";
import { pageQuerySchema } from "@/lib/pagination";
import { listChannels, createChannel } from "@/lib/services/channels";

export const GET = withOrg(async (_req, { ctx, query }) => json(await listChannels({ ctx, input: query })), {
  permission: "channels.read",
  query: pageQuerySchema,
});

export const POST = withOrg(async (req, { ctx }) => json(await createChannel({ ctx, input: await readJson(req) }), 201), {
  permission: "channels.manage",
});
