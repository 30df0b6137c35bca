import { json } from "@/lib/api/respond";
import { unpaged } from "@/lib/api/unpaged";
import { readJson, withOrg } from "@/lib/api/with-org";
import { createFaq, faqListQuerySchema, listFaqs } from "@/lib/services/faqs";

export const GET = withOrg(async (_req, { ctx, query }) => json(unpaged(await listFaqs({ ctx, input: query }))), {
  permission: "faqs.read",
  query: faqListQuerySchema,
});

export const POST = withOrg(async (req, { ctx }) => json(await createFaq({ ctx, input: await readJson(req) }), 201), {
  permission: "faqs.manage",
});
