import { json } from "@/lib/api/respond";
import { readJson, withOrg } from "@/lib/api/with-org";
import { setFaqsEnabled } from "@/lib/services/faqs";

export const POST = withOrg(async (req, { ctx }) => json(await setFaqsEnabled({ ctx, input: await readJson(req) })), {
  permission: "faqs.manage",
});
