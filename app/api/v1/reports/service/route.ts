import { json } from "@/lib/api/respond";
import { withOrg } from "@/lib/api/with-org";
import { getServiceReport, serviceReportQuerySchema } from "@/lib/services/reports";

export const GET = withOrg(async (_req, { ctx, query }) => json(await getServiceReport({ ctx, input: query })), { permission: "reports.service", query: serviceReportQuerySchema });
