import { attachmentDisposition } from "@/lib/api/content-disposition";
import { withOrg } from "@/lib/api/with-org";
import { getServiceReport, serviceReportCsv, serviceReportCsvQuerySchema } from "@/lib/services/reports";

/** One table of the service report as CSV, named after the organisation, the table and the range. */
export const GET = withOrg(
  async (_req, { ctx, query }) => {
    const { table, ...input } = query;
    const report = await getServiceReport({ ctx, input, only: table });
    const suffix = `-service-${table}-${report.range.from}-${report.range.to}.csv`;
    return new Response(`\uFEFF${serviceReportCsv(report, table)}`, { headers: { "content-type": "text/csv; charset=utf-8", "content-disposition": attachmentDisposition(ctx.org.name, suffix) } });
  },
  { permission: "reports.service", query: serviceReportCsvQuerySchema },
);
