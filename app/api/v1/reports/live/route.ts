import { json } from "@/lib/api/respond";
import { withOrg } from "@/lib/api/with-org";
import { getLiveOverview } from "@/lib/services/reports";

export const GET = withOrg(async (_req, { ctx }) => json(await getLiveOverview({ ctx })), { permission: "reports.service" });
