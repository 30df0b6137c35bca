import { pathId } from "@/lib/api/path-id";
import { json } from "@/lib/api/respond";
import { readJson, withOrg } from "@/lib/api/with-org";
import { getCsatSettings, updateCsatSettings } from "@/lib/services/csat";

type Params = { channelId: string };
const idOf = (params: Params) => pathId(params.channelId, "channels.errors.notFound");

export const GET = withOrg<Params>(async (_req, { ctx, params }) => json(await getCsatSettings({ ctx, channelId: idOf(params) })), { permission: "csat.manage" });

export const PUT = withOrg<Params>(async (req, { ctx, params }) => json(await updateCsatSettings({ ctx, channelId: idOf(params), input: await readJson(req) })), { permission: "csat.manage" });
