import { NextResponse } from "next/server";
import { collectDatabaseGauges } from "@/lib/observability/database-gauges";
import { metricsAccess } from "@/lib/observability/metrics-access";
import { metrics } from "@/lib/observability/metrics";
import { withRequestLog } from "@/lib/observability/request-log";
import { updateSendRateGauges } from "@/lib/observability/send-api-metrics";

/**
 * GET /api/metrics: this process's metrics in Prometheus' text format (docs/operations.md). 404 unless
 * METRICS_TOKEN is configured, 401 without it; the database gauges are read at scrape time.
 */
export const GET = withRequestLog(async (req: Request) => {
  const access = metricsAccess(req.headers.get("authorization"));
  if (access === "disabled") return NextResponse.json({ error: { code: "not_found", message: "Not found." } }, { status: 404 });
  if (access === "refused") {
    return NextResponse.json(
      { error: { code: "unauthorized", message: "Send the configured METRICS_TOKEN as a bearer token." } },
      { status: 401, headers: { "www-authenticate": 'Bearer realm="metrics"' } },
    );
  }
  await collectDatabaseGauges();
  updateSendRateGauges();
  const { registry } = metrics();
  return new Response(await registry.metrics(), { headers: { "content-type": registry.contentType, "cache-control": "no-store" } });
});
