import { pathId } from "@/lib/api/path-id";
import { json } from "@/lib/api/respond";
import { readJson, withOrg } from "@/lib/api/with-org";
import { putBotConfig } from "@/lib/services/bot";

type Params = { channelId: string };

export const PUT = withOrg<Params>(
  async (req, { ctx, params }) => json(await putBotConfig({ ctx, scope: { channelId: pathId(params.channelId, "channels.errors.notFound") }, input: await readJson(req) })),
  { permission: "bot.manage" },
);
