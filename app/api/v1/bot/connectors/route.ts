import { json } from "@/lib/api/respond";
import { unpaged } from "@/lib/api/unpaged";
import { readJson, withOrg } from "@/lib/api/with-org";
import { createConnector, listConnectors } from "@/lib/services/bot-connectors";

export const GET = withOrg(async (_req, { ctx }) => json(unpaged(await listConnectors({ ctx }))), { permission: "bot.manage" });

export const POST = withOrg(async (req, { ctx }) => json(await createConnector({ ctx, input: await readJson(req) }), 201), { permission: "bot.manage" });
