import { pathId } from "@/lib/api/path-id";
import { json, noContent } from "@/lib/api/respond";
import { readJson, withOrg } from "@/lib/api/with-org";
import { deleteConnector, getConnector, updateConnector } from "@/lib/services/bot-connectors";

type Params = { connectorId: string };
const idOf = (params: Params) => pathId(params.connectorId, "botConnectors.errors.notFound");

export const GET = withOrg<Params>(async (_req, { ctx, params }) => json(await getConnector({ ctx, connectorId: idOf(params) })), { permission: "bot.manage" });

export const PATCH = withOrg<Params>(async (req, { ctx, params }) => json(await updateConnector({ ctx, connectorId: idOf(params), input: await readJson(req) })), {
  permission: "bot.manage",
});

export const DELETE = withOrg<Params>(
  async (_req, { ctx, params }) => {
    await deleteConnector({ ctx, connectorId: idOf(params) });
    return noContent();
  },
  { permission: "bot.manage" },
);
