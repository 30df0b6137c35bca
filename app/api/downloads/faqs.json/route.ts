import { attachmentDisposition } from "@/lib/api/content-disposition";
import { withOrg } from "@/lib/api/with-org";
import { exportFaqsJson } from "@/lib/services/faqs";

/** The whole knowledge base as JSON: every answer kind whole (the import takes it back). */
export const GET = withOrg(
  async (_req, { ctx }) =>
    new Response(await exportFaqsJson({ ctx }), { headers: { "content-type": "application/json; charset=utf-8", "content-disposition": attachmentDisposition(ctx.org.name, "-faqs.json") } }),
  { permission: "faqs.read" },
);
