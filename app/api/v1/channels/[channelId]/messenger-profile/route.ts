import { pathId } from "@/lib/api/path-id";
import { json } from "@/lib/api/respond";
import { readJson, withOrg } from "@/lib/api/with-org";
import { getMessengerProfile, saveMessengerProfile } from "@/lib/services/messenger-profile";

type Params = { channelId: string };
const idOf = (params: Params) => pathId(params.channelId, "channels.errors.notFound");

export const GET = withOrg<Params>(async (_req, { ctx, params }) => json(await getMessengerProfile({ ctx, channelId: idOf(params) })), { permission: "bot.manage" });

// Meta refusing the profile is a finding, not an error of the request: 200 with lastError, as saved.
export const PUT = withOrg<Params>(async (req, { ctx, params }) => json(await saveMessengerProfile({ ctx, channelId: idOf(params), input: await readJson(req) })), {
  permission: "bot.manage",
});
