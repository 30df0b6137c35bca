import { json } from "@/lib/api/respond";
import { readJson, withOrg } from "@/lib/api/with-org";
import { FAQ_IMPORT_BODY_BYTES, importFaqs } from "@/lib/services/faqs";

export const POST = withOrg(async (req, { ctx }) => json(await importFaqs({ ctx, input: await readJson(req, { maxBytes: FAQ_IMPORT_BODY_BYTES }) })), {
  permission: "faqs.manage",
});
