import { pathId } from "@/lib/api/path-id";
import { json, noContent } from "@/lib/api/respond";
import { readJson, withOrg } from "@/lib/api/with-org";
import { deleteChannel, getChannel, updateChannel } from "@/lib/services/channels";

type Params = { channelId: string };

export const GET = withOrg<Params>(async (_req, { ctx, params }) => json(await getChannel({ ctx, channelId: pathId(params.channelId, "channels.errors.notFound") })), {
  permission: "channels.read",
});

export const PATCH = withOrg<Params>(
  async (req, { ctx, params }) => {
    const channelId = pathId(params.channelId, "channels.errors.notFound");
    return json(await updateChannel({ ctx, channelId, input: await readJson(req) }));
  },
  { permission: "channels.manage" },
);

export const DELETE = withOrg<Params>(
  async (_req, { ctx, params }) => {
    await deleteChannel({ ctx, channelId: pathId(params.channelId, "channels.errors.notFound") });
    return noContent();
  },
  { permission: "channels.manage" },
);
