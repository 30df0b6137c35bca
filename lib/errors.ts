/**
 * Domain errors. Services throw these; each transport maps them once (lib/api/respond.ts for HTTP,
 * lib/tenancy/action.ts for server actions). Anything else is an internal error whose message never leaks.
 */
export type ErrorCode =
  | "bad_request"
  | "validation_failed"
  | "unauthorized"
  | "forbidden"
  | "not_found"
  | "conflict"
  | "rate_limited"
  | "internal_error"
  | "unavailable";

export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly status: number,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

export class ValidationError extends DomainError {
  constructor(message: string, readonly fieldErrors: Record<string, string[]> = {}) {
    super("validation_failed", 422, message, { fieldErrors });
  }
}
export class BadRequestError extends DomainError {
  constructor(message: string) {
    super("bad_request", 400, message);
  }
}
export class UnauthorizedError extends DomainError {
  constructor(message = "Authentication required.") {
    super("unauthorized", 401, message);
  }
}
export class ForbiddenError extends DomainError {
  constructor(message = "You do not have permission to do this.") {
    super("forbidden", 403, message);
  }
}
export class NotFoundError extends DomainError {
  constructor(resource = "Resource") {
    super("not_found", 404, `${resource} not found.`);
  }
}
export class ConflictError extends DomainError {
  constructor(message: string) {
    super("conflict", 409, message);
  }
}
export class RateLimitedError extends DomainError {
  constructor(message: string, readonly retryAfterSeconds: number) {
    super("rate_limited", 429, message, { retryAfterSeconds });
  }
}

/** True when a PostgreSQL unique-constraint violation (23505) caused `error`, optionally on a named constraint. */
export function isUniqueViolation(error: unknown, constraint?: string): boolean {
  for (let e = error as { code?: string; constraint_name?: string; constraint?: string; cause?: unknown } | undefined; e; e = e.cause as typeof e) {
    if (e.code === "23505") return !constraint || e.constraint_name === constraint || e.constraint === constraint;
  }
  return false;
}

/** The database (or another service we depend on) cannot be reached; the client should retry shortly. */
export class ServiceUnavailableError extends DomainError {
  constructor(
    message = "The service is temporarily unavailable. Try again in a moment.",
    readonly retryAfterSeconds = 5,
  ) {
    super("unavailable", 503, message, { retryAfterSeconds });
  }
}

// postgres.js connection failures, the socket's own errors, and PostgreSQL's "connection exception" (08),
// "operator intervention" (57: shutdown, cannot connect now, statement timeout) and "insufficient
// resources" (53) classes: the database is unreachable or cannot answer now, not the request at fault.
const UNAVAILABLE_CODES = new Set(["CONNECT_TIMEOUT", "CONNECTION_CLOSED", "CONNECTION_ENDED", "CONNECTION_DESTROYED", "ECONNREFUSED", "ECONNRESET", "ETIMEDOUT", "EHOSTUNREACH", "ENETUNREACH", "ENOTFOUND", "EPIPE", "EAI_AGAIN"]);

/** True when `error` (or its cause: drizzle wraps the driver's error) means the database is unreachable. */
export function isDatabaseUnavailable(error: unknown): boolean {
  for (let e = error as { code?: unknown; cause?: unknown } | undefined, depth = 0; e && depth < 5; e = e.cause as typeof e, depth++) {
    if (e instanceof ServiceUnavailableError) return true;
    const code = typeof e.code === "string" ? e.code : "";
    if (UNAVAILABLE_CODES.has(code) || /^(08|53|57P)/.test(code) || code === "57014") return true;
  }
  return false;
}
