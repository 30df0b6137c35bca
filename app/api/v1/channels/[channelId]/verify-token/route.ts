import { pathId } from "@/lib/api/path-id";
import { json } from "@/lib/api/respond";
import { withOrg } from "@/lib/api/with-org";
import { regenerateVerifyToken } from "@/lib/services/channels";

// The one answer that carries a verify token: the new one, which the integrator must hand to Meta.
export const POST = withOrg<{ channelId: string }>(
  async (_req, { ctx, params }) => json(await regenerateVerifyToken({ ctx, channelId: pathId(params.channelId, "channels.errors.notFound") })),
  { permission: "channels.manage" },
);
