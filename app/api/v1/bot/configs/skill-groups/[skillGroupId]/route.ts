import { pathId } from "@/lib/api/path-id";
import { json } from "@/lib/api/respond";
import { readJson, withOrg } from "@/lib/api/with-org";
import { putBotConfig } from "@/lib/services/bot";

type Params = { skillGroupId: string };

export const PUT = withOrg<Params>(
  async (req, { ctx, params }) => json(await putBotConfig({ ctx, scope: { skillGroupId: pathId(params.skillGroupId, "skillGroups.errors.notFound") }, input: await readJson(req) })),
  { permission: "bot.manage" },
);
