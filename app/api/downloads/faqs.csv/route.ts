import { attachmentDisposition } from "@/lib/api/content-disposition";
import { withOrg } from "@/lib/api/with-org";
import { exportFaqsCsv } from "@/lib/services/faqs";

/** The whole knowledge base as CSV, for a spreadsheet (the import takes it back). */
export const GET = withOrg(
  async (_req, { ctx }) =>
    new Response(await exportFaqsCsv({ ctx }), { headers: { "content-type": "text/csv; charset=utf-8", "content-disposition": attachmentDisposition(ctx.org.name, "-faqs.csv") } }),
  { permission: "faqs.read" },
);
