import { json } from "@/lib/api/respond";
import { readJson, withOrg } from "@/lib/api/with-org";
import { listFaqSynonyms, saveFaqSynonyms } from "@/lib/services/faqs";

export const GET = withOrg(async (_req, { ctx }) => json(await listFaqSynonyms({ ctx })), { permission: "faqs.read" });

export const PUT = withOrg(async (req, { ctx }) => json(await saveFaqSynonyms({ ctx, input: await readJson(req) })), { permission: "faqs.manage" });
