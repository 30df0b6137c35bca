import { pathId } from "@/lib/api/path-id";
import { json } from "@/lib/api/respond";
import { withOrg } from "@/lib/api/with-org";
import { testConnector } from "@/lib/services/bot-connectors";

// A failed call is a finding about the bot, not an error of the request: 200 with ok:false and the reason.
export const POST = withOrg<{ connectorId: string }>(
  async (_req, { ctx, params }) => json(await testConnector({ ctx, connectorId: pathId(params.connectorId, "botConnectors.errors.notFound") })),
  { permission: "bot.manage" },
);
