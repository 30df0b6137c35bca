import { pathId } from "@/lib/api/path-id";
import { json, noContent } from "@/lib/api/respond";
import { readJson, withOrg } from "@/lib/api/with-org";
import { deleteFaq, getFaq, updateFaq } from "@/lib/services/faqs";

type Params = { faqId: string };

export const GET = withOrg<Params>(async (_req, { ctx, params }) => json(await getFaq({ ctx, faqId: pathId(params.faqId, "faqs.errors.notFound") })), {
  permission: "faqs.read",
});

export const PATCH = withOrg<Params>(
  async (req, { ctx, params }) => {
    const faqId = pathId(params.faqId, "faqs.errors.notFound");
    return json(await updateFaq({ ctx, faqId, input: await readJson(req) }));
  },
  { permission: "faqs.manage" },
);

export const DELETE = withOrg<Params>(
  async (_req, { ctx, params }) => {
    await deleteFaq({ ctx, faqId: pathId(params.faqId, "faqs.errors.notFound") });
    return noContent();
  },
  { permission: "faqs.manage" },
);
