import pino, { type DestinationStream, type Logger } from "pino";
import pinoPretty from "pino-pretty";
import { describeError } from "@/lib/log-error";
import { currentRequestContext } from "./request-context";

/**
 * The server's one logger: JSON lines on stdout (level, time, message, and the request id and organisation
 * id of the request being served, when there is one). `LOG_LEVEL` sets the level (default info); in
 * development the lines are pretty-printed instead.
 *
 * What never goes in: tokens, secrets, message contents. Callers log ids and counts, errors go through
 * describeError (the `err` and `error` fields are reduced to it, whatever is passed), and the redact list
 * below catches the usual names should one slip in anyway.
 */
const REDACT = [
  "token",
  "accessToken",
  "access_token",
  "pageToken",
  "appSecret",
  "secret",
  "password",
  "authorization",
  "cookie",
  "text",
  "body",
  "payload",
  "*.token",
  "*.accessToken",
  "*.access_token",
  "*.pageToken",
  "*.appSecret",
  "*.secret",
  "*.password",
  "*.authorization",
  "*.cookie",
  "*.text",
  "*.body",
  "*.payload",
];

type Sink = (line: string) => void;
// Process-wide, like the database handle: every bundle layer that loads this module shares one logger.
const slot = globalThis as unknown as { __messengerDeskLogger?: Logger; __messengerDeskLogSink?: Sink };

function level(): string {
  const configured = process.env.LOG_LEVEL?.trim().toLowerCase();
  if (configured && ["fatal", "error", "warn", "info", "debug", "trace", "silent"].includes(configured)) return configured;
  // Test runs print only errors; a test that reads the log captures it (captureLogOutput).
  return process.env.NODE_ENV === "test" || process.env.VITEST ? "error" : "info";
}

function destination(): DestinationStream {
  if (process.env.NODE_ENV === "development" && !process.env.VITEST) {
    // pino-pretty as a stream in this thread: pino's worker-thread transports do not survive Next's bundling.
    const stream = pinoPretty({ colorize: true, sync: true, translateTime: "SYS:HH:MM:ss.l", ignore: "pid,hostname" });
    return { write: (line: string) => (slot.__messengerDeskLogSink ? slot.__messengerDeskLogSink(line) : stream.write(line)) };
  }
  return { write: (line: string) => void (slot.__messengerDeskLogSink ? slot.__messengerDeskLogSink(line) : process.stdout.write(line)) };
}

function createLogger(): Logger {
  return pino(
    {
      level: level(),
      base: undefined,
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
      redact: { paths: REDACT, censor: "[redacted]" },
      serializers: { err: describeError, error: describeError },
      mixin: () => {
        const context = currentRequestContext();
        if (!context) return {};
        return context.orgId ? { requestId: context.requestId, orgId: context.orgId } : { requestId: context.requestId };
      },
    },
    destination(),
  );
}

export function logger(): Logger {
  return (slot.__messengerDeskLogger ??= createLogger());
}

export type LogLevel = "debug" | "info" | "warn" | "error";
export type ComponentLogger = Record<LogLevel, (message: string, fields?: Record<string, unknown>) => void>;

/**
 * A logger whose lines carry `component` (workflows, webhook, email...), so an operator can filter by it.
 * Each call goes to the process logger (not a pino child fixed at creation), so a level change reaches it.
 */
export function componentLogger(component: string): ComponentLogger {
  const at = (level: LogLevel) => (message: string, fields?: Record<string, unknown>) => logger()[level]({ component, ...fields }, message);
  return { debug: at("debug"), info: at("info"), warn: at("warn"), error: at("error") };
}

/**
 * Tests: every line the logger writes while capturing, at `captureLevel` and up, instead of stdout. Returns
 * the lines so far and a function that stops capturing and restores the level.
 */
export function captureLogOutput(captureLevel = "debug"): { lines: string[]; text(): string; stop(): void } {
  const log = logger();
  const previousLevel = log.level;
  const lines: string[] = [];
  slot.__messengerDeskLogSink = (line) => void lines.push(line);
  log.level = captureLevel;
  return {
    lines,
    text: () => lines.join(""),
    stop: () => {
      slot.__messengerDeskLogSink = undefined;
      log.level = previousLevel;
    },
  };
}
