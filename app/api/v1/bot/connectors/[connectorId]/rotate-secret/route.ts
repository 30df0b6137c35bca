import { pathId } from "@/lib/api/path-id";
import { json } from "@/lib/api/respond";
import { withOrg } from "@/lib/api/with-org";
import { rotateConnectorSecret } from "@/lib/services/bot-connectors";

export const POST = withOrg<{ connectorId: string }>(
  async (_req, { ctx, params }) => json(await rotateConnectorSecret({ ctx, connectorId: pathId(params.connectorId, "botConnectors.errors.notFound") })),
  { permission: "bot.manage" },
);
