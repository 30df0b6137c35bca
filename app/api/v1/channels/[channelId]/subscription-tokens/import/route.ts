import { pathId } from "@/lib/api/path-id";
import { json } from "@/lib/api/respond";
import { withOrg } from "@/lib/api/with-org";
import { requestSubscriptionTokenImport } from "@/lib/services/permissions";

// Accepted, not done: the import runs in the background and its result lands in the audit log.
export const POST = withOrg<{ channelId: string }>(
  async (_req, { ctx, params }) => json(await requestSubscriptionTokenImport({ ctx, channelId: pathId(params.channelId, "channels.errors.notFound") }), 202),
  { permission: "campaigns.manage" },
);
