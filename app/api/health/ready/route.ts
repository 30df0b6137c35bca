import { cachedReadiness } from "@/lib/observability/health";
import { healthJson, refuseOverLimit } from "@/lib/observability/health-response";
import { withRequestLog } from "@/lib/observability/request-log";

/**
 * GET /api/health/ready: 200 when this instance may take traffic, 503 when not, with each check's state and
 * time (database, migrations, workflow executor; lib/observability/health.ts). Public and rate-limited per
 * address; the answer is shared for a second, so probes cost the database one query a second at most.
 */
export const GET = withRequestLog(async (req: Request) => {
  const refused = refuseOverLimit(req);
  if (refused) return refused;
  const { ready, checks } = await cachedReadiness();
  return healthJson({ status: ready ? "ready" : "not_ready", checks }, ready ? 200 : 503);
});
