import { json } from "@/lib/api/respond";
import { withOrg } from "@/lib/api/with-org";
import { campaignReportQuerySchema, getCampaignReport } from "@/lib/services/reports";

export const GET = withOrg(async (_req, { ctx, query }) => json(await getCampaignReport({ ctx, input: query })), { permission: "reports.read", query: campaignReportQuerySchema });
