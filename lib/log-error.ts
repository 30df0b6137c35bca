import { logger } from "@/lib/observability/logger";

/**
 * The one way the server logs an error: its name, code and message, never the error object. Database
 * errors carry their query and parameters (postgres.js puts them on the error, drizzle wraps it in a
 * `Failed query: ... params: ...` message), and parameters are password hashes, tokens and webhook
 * payloads. So a database error is logged by its SQLSTATE code, constraint and the server's own message.
 */
const MAX_MESSAGE = 300;

interface DatabaseErrorFields {
  code?: unknown;
  constraint?: unknown;
  constraint_name?: unknown;
  table?: unknown;
  table_name?: unknown;
}

/** Drops what a message may carry of a query: drizzle's SQL text and everything after `params:`. */
export function redactMessage(message: string): string {
  let text = message.replace(/\n?params:[\s\S]*$/, "");
  if (text.startsWith("Failed query:")) text = "Failed query";
  return text.length > MAX_MESSAGE ? `${text.slice(0, MAX_MESSAGE)}…` : text;
}

/** One line describing `error`, safe to log. */
export function describeError(error: unknown): string {
  let current = error;
  // Drizzle's wrapper says only "Failed query"; the database's own error is its cause.
  for (let depth = 0; depth < 3 && current instanceof Error && current.cause instanceof Error && /^Failed query:/.test(current.message); depth++) {
    current = current.cause;
  }
  if (!(current instanceof Error)) return typeof current === "string" ? redactMessage(current) : `non-error value (${typeof current})`;
  const fields = current as Error & DatabaseErrorFields;
  const parts = [current.name];
  if (typeof fields.code === "string" || typeof fields.code === "number") parts.push(`code ${fields.code}`);
  const constraint = fields.constraint_name ?? fields.constraint;
  if (typeof constraint === "string") parts.push(`constraint ${constraint}`);
  const table = fields.table_name ?? fields.table;
  if (typeof table === "string") parts.push(`table ${table}`);
  return `${parts.join(", ")}: ${redactMessage(current.message)}`;
}

export function logError(context: string, error: unknown, level: "error" | "warn" = "error"): void {
  logger()[level]({ err: describeError(error) }, context);
}

/** A log argument with every error in it (top level, or an `err`/`error` field) reduced to describeError. */
function safeArg(arg: unknown): unknown {
  if (arg instanceof Error) return describeError(arg);
  if (arg && typeof arg === "object" && !Array.isArray(arg)) {
    const record = arg as Record<string, unknown>;
    if ("err" in record || "error" in record) {
      return Object.fromEntries(Object.entries(record).map(([key, value]) => [key, key === "err" || key === "error" ? describeError(value) : value]));
    }
  }
  return arg;
}

/** The SDK's (message, ...args) or (fields, message) as one safe log call; debug is dropped. */
function sdkLog(level: "info" | "warn" | "error") {
  return (...args: unknown[]) => {
    const safe = args.map(safeArg);
    const fields = safe.find((arg): arg is Record<string, unknown> => !!arg && typeof arg === "object" && !Array.isArray(arg)) ?? {};
    const words = safe.filter((arg) => typeof arg === "string" || typeof arg === "number").join(" ");
    logger()[level]({ component: "inngest-sdk", ...fields }, words);
  };
}

/** The logger for libraries that log error objects themselves (the Inngest SDK): every error reduced first. */
export const safeConsoleLogger = {
  info: sdkLog("info"),
  warn: sdkLog("warn"),
  error: sdkLog("error"),
  debug: () => {},
};
