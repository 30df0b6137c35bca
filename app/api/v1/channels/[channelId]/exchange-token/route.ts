import { pathId } from "@/lib/api/path-id";
import { json } from "@/lib/api/respond";
import { readJson, withOrg } from "@/lib/api/with-org";
import { exchangeChannelToken } from "@/lib/services/channels";
import { channelTokenExchangeSchema } from "@/lib/services/channels/schemas";
import { parseInput } from "@/lib/validation";

export const POST = withOrg<{ channelId: string }>(
  async (req, { ctx, params }) => {
    const channelId = pathId(params.channelId, "channels.errors.notFound");
    const { shortLivedToken } = parseInput(channelTokenExchangeSchema, await readJson(req));
    return json(await exchangeChannelToken({ ctx, channelId, shortLivedToken }));
  },
  { permission: "channels.manage" },
);
