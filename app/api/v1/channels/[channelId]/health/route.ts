import { pathId } from "@/lib/api/path-id";
import { json } from "@/lib/api/respond";
import { withOrg } from "@/lib/api/with-org";
import { getChannelHealth } from "@/lib/services/channels";

export const GET = withOrg<{ channelId: string }>(
  async (_req, { ctx, params }) => json(await getChannelHealth({ ctx, channelId: pathId(params.channelId, "channels.errors.notFound") })),
  { permission: "channels.read" },
);
