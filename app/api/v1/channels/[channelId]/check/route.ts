import { pathId } from "@/lib/api/path-id";
import { json } from "@/lib/api/respond";
import { withOrg } from "@/lib/api/with-org";
import { checkChannelConnection } from "@/lib/services/channels";

// A failed check is a finding, not an error of the request: it answers 200 with ok:false and the failed step.
export const POST = withOrg<{ channelId: string }>(
  async (_req, { ctx, params }) => json(await checkChannelConnection({ ctx, channelId: pathId(params.channelId, "channels.errors.notFound") })),
  { permission: "channels.manage" },
);
