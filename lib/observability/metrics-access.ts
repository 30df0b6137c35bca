import { timingSafeEqual } from "node:crypto";

export type MetricsAccess = "disabled" | "refused" | "allowed";

/**
 * /api/metrics is off (404) until METRICS_TOKEN is configured; then a scraper sends it as
 * `Authorization: Bearer <token>` (Prometheus: `authorization: { credentials: <token> }`). Compared in
 * constant time.
 */
export function metricsAccess(authorization: string | null, token = process.env.METRICS_TOKEN?.trim()): MetricsAccess {
  if (!token) return "disabled";
  const match = /^Bearer\s+(\S+)$/i.exec(authorization ?? "");
  if (!match) return "refused";
  const given = Buffer.from(match[1]);
  const expected = Buffer.from(token);
  return given.length === expected.length && timingSafeEqual(given, expected) ? "allowed" : "refused";
}
