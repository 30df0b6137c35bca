import { pathId } from "@/lib/api/path-id";
import { json } from "@/lib/api/respond";
import { withOrg } from "@/lib/api/with-org";
import { disconnectChannel } from "@/lib/services/channels";

export const POST = withOrg<{ channelId: string }>(
  async (_req, { ctx, params }) => json(await disconnectChannel({ ctx, channelId: pathId(params.channelId, "channels.errors.notFound") })),
  { permission: "channels.manage" },
);
