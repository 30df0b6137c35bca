import { NextResponse } from "next/server";
import { clientIp } from "@/lib/http/client-ip";
import { healthRequestRefused } from "./health-rate-limit";

/** What both health endpoints share: never cached, and 429 with Retry-After past the per-address limit. */
export function healthJson(body: unknown, status = 200): NextResponse {
  return NextResponse.json(body, { status, headers: { "cache-control": "no-store" } });
}

export function refuseOverLimit(req: Request): NextResponse | null {
  const retryAfter = healthRequestRefused(clientIp(req.headers));
  if (retryAfter === null) return null;
  return NextResponse.json(
    { error: { code: "rate_limited", message: "Too many health checks from this address; try again later." } },
    { status: 429, headers: { "retry-after": String(retryAfter), "cache-control": "no-store" } },
  );
}
