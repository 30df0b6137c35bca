import { healthJson, refuseOverLimit } from "@/lib/observability/health-response";
import { withRequestLog } from "@/lib/observability/request-log";

/**
 * GET /api/health/live: the process answers. Touches nothing else (no database), so an orchestrator restarts
 * the process only when it is really stuck. Public and rate-limited per address (docs/operations.md).
 */
export const GET = withRequestLog(async (req: Request) => refuseOverLimit(req) ?? healthJson({ status: "ok", uptimeSeconds: Math.round(process.uptime()) }));
