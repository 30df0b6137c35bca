import { NextResponse } from "next/server";
import { DomainError, isDatabaseUnavailable, RateLimitedError, ServiceUnavailableError } from "@/lib/errors";
import { logError } from "@/lib/log-error";

export interface ApiErrorBody {
  error: { code: string; message: string; details?: unknown };
}

/** The one HTTP mapping of errors: domain errors keep their status and message; anything else is a 500 that says nothing. */
export function errorResponse(error: unknown): NextResponse<ApiErrorBody> {
  if (isDatabaseUnavailable(error) && !(error instanceof ServiceUnavailableError)) {
    logError("database unreachable; answered 503", error, "warn");
    error = new ServiceUnavailableError();
  }
  if (error instanceof DomainError) {
    const retryAfter = error instanceof RateLimitedError || error instanceof ServiceUnavailableError ? error.retryAfterSeconds : undefined;
    const headers = retryAfter !== undefined ? { "Retry-After": String(retryAfter) } : undefined;
    const body: ApiErrorBody = { error: { code: error.code, message: error.message } };
    if (error.details !== undefined) body.error.details = error.details;
    return NextResponse.json(body, { status: error.status, headers });
  }
  logError("unhandled error in route handler", error);
  return NextResponse.json({ error: { code: "internal_error", message: "Something went wrong on our side." } }, { status: 500 });
}

export function json<T>(data: T, status = 200): NextResponse<T> {
  return NextResponse.json(data, { status });
}

export function noContent(): Response {
  return new Response(null, { status: 204 });
}
