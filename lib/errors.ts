import { englishMessage, type LocalizableMessage, type MessageKey, type MessageVars } from "@/lib/i18n/translate";

/**
 * Domain errors. Services throw these; each transport maps them once (lib/api/respond.ts for HTTP,
 * lib/tenancy/action.ts for server actions). Anything else is an internal error whose message never leaks.
 */
export type ErrorCode =
  | "bad_request"
  | "payload_too_large"
  | "validation_failed"
  | "unauthorized"
  | "forbidden"
  | "not_found"
  | "conflict"
  | "rate_limited"
  | "internal_error"
  | "unavailable";

/**
 * What a domain error says: a key of the message catalogs (lib/i18n/messages), with its values. The English
 * text is rendered from the English catalog, so the API's `message` has one source, and the dashboard
 * translates the same key (documenso's AppError carries a code the same way).
 */
export type ErrorMessage = MessageKey;

function localizable(key: ErrorMessage, vars?: MessageVars): LocalizableMessage {
  return { message: englishMessage(key, vars), messageKey: key, ...(vars ? { messageVars: vars } : {}) };
}

export class DomainError extends Error {
  readonly messageKey?: MessageKey;
  readonly messageVars?: MessageVars;

  constructor(
    readonly code: ErrorCode,
    readonly status: number,
    text: ErrorMessage | LocalizableMessage,
    vars?: MessageVars,
    readonly details?: unknown,
  ) {
    const said = typeof text === "string" ? localizable(text, vars) : text;
    super(said.message);
    this.name = new.target.name;
    this.messageKey = said.messageKey;
    this.messageVars = said.messageVars;
  }

  /** The message with its key, as the dashboard receives it. */
  get localizable(): LocalizableMessage {
    return { message: this.message, ...(this.messageKey ? { messageKey: this.messageKey } : {}), ...(this.messageVars ? { messageVars: this.messageVars } : {}) };
  }
}

/**
 * Refused input. `fieldMessages` holds each field's messages with their keys (the dashboard shows them under
 * the fields, translated); the API's `details.fieldErrors` keeps their English, as it always has.
 */
export class ValidationError extends DomainError {
  readonly fieldMessages: Record<string, LocalizableMessage[]>;

  constructor(summary: LocalizableMessage, fieldMessages: Record<string, LocalizableMessage[]> = {}) {
    const fieldErrors = Object.fromEntries(Object.entries(fieldMessages).map(([field, list]) => [field, list.map((m) => m.message)]));
    super("validation_failed", 422, summary, undefined, { fieldErrors });
    this.fieldMessages = fieldMessages;
  }

  /** The English messages of each field, as the API sends them in `details.fieldErrors`. */
  get fieldErrors(): Record<string, string[]> {
    return (this.details as { fieldErrors: Record<string, string[]> }).fieldErrors;
  }

  /** One field refused by a service after parsing (a past date, a token Meta refused): `field: message`, as parseInput words it. */
  static forField(field: string, key: ErrorMessage, vars?: MessageVars): ValidationError {
    const said = localizable(key, vars);
    return new ValidationError({ ...said, message: `${field}: ${said.message}` }, { [field]: [said] });
  }
}
export class BadRequestError extends DomainError {
  constructor(key: ErrorMessage, vars?: MessageVars) {
    super("bad_request", 400, key, vars);
  }
}
export class UnauthorizedError extends DomainError {
  constructor(key: ErrorMessage = "errors.unauthorized", vars?: MessageVars) {
    super("unauthorized", 401, key, vars);
  }
}
export class ForbiddenError extends DomainError {
  constructor(key: ErrorMessage = "errors.forbidden", vars?: MessageVars) {
    super("forbidden", 403, key, vars);
  }
}
export class NotFoundError extends DomainError {
  constructor(key: ErrorMessage = "errors.resourceNotFound", vars?: MessageVars) {
    super("not_found", 404, key, vars);
  }
}
export class ConflictError extends DomainError {
  constructor(key: ErrorMessage, vars?: MessageVars) {
    super("conflict", 409, key, vars);
  }
}
/** The request body is larger than the endpoint takes; the message may use {megabytes}. */
export class PayloadTooLargeError extends DomainError {
  constructor(key: ErrorMessage, vars?: MessageVars) {
    super("payload_too_large", 413, key, vars);
  }
}
/** Too many attempts; the message may use {minutes}, the wait rounded up to whole minutes. */
export class RateLimitedError extends DomainError {
  constructor(key: ErrorMessage, readonly retryAfterSeconds: number, vars?: MessageVars) {
    super("rate_limited", 429, key, { minutes: Math.ceil(retryAfterSeconds / 60), ...vars }, { retryAfterSeconds });
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
    key: ErrorMessage = "errors.unavailable",
    readonly retryAfterSeconds = 5,
  ) {
    super("unavailable", 503, key, undefined, { retryAfterSeconds });
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
