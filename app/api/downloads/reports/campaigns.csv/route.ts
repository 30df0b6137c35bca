import { attachmentDisposition } from "@/lib/api/content-disposition";
import { withOrg } from "@/lib/api/with-org";
import { campaignReportCsv, campaignReportCsvQuerySchema, getCampaignReport } from "@/lib/services/reports";

/** One table of the campaign report as CSV, named after the organisation, the table and the range. */
export const GET = withOrg(
  async (_req, { ctx, query }) => {
    const { table, ...input } = query;
    const report = await getCampaignReport({ ctx, input });
    const suffix = `-campaigns-${table}-${report.range.from}-${report.range.to}.csv`;
    return new Response(`\uFEFF${campaignReportCsv(report, table)}`, { headers: { "content-type": "text/csv; charset=utf-8", "content-disposition": attachmentDisposition(ctx.org.name, suffix) } });
  },
  { permission: "reports.read", query: campaignReportCsvQuerySchema },
);
