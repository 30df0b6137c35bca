import { json } from "@/lib/api/respond";
import { unpaged } from "@/lib/api/unpaged";
import { withOrg } from "@/lib/api/with-org";
import { listBotConfigs } from "@/lib/services/bot";

export const GET = withOrg(async (_req, { ctx }) => json(unpaged(await listBotConfigs({ ctx }))), { permission: "bot.manage" });
