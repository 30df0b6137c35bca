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
  | "internal_error";

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
