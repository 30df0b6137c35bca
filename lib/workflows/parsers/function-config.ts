import { parseCron } from "./cron";
import { parseDuration } from "./duration";
import { ExpressionError, UnsupportedFeatureError, CronError } from "../workflow-errors";
import { compileExpression } from "./expression";

/** A synced function as the executor uses it, after the feature check. */
export interface FunctionSpec {
  id: string;
  name: string;
  /** Serve endpoint including `?fnId=...&stepId=step`. */
  url: string;
  triggers: Array<{ event: string; expression?: string } | { cron: string }>;
  /** Total attempts per step (Inngest's `retries` + 1). */
  maxAttempts: number;
  concurrency: { limit: number; key?: string } | null;
  idempotency: string | null;
  cancel: Array<{ event: string; if?: string; timeoutMs?: number }>;
  /** `priority.run`: CEL over the triggering event, seconds the run moves ahead in the queue (engine/priority.ts). */
  priority: string | null;
}

const DEFAULT_RETRIES = 3;
/** Keys the executor implements; any other key in a config is refused, never ignored. */
const SUPPORTED_KEYS = new Set(["id", "name", "triggers", "steps", "idempotency", "cancel", "concurrency", "priority"]);
const REFUSED_FEATURES: Record<string, string> = {
  batchEvents: "batchEvents",
  rateLimit: "rateLimit",
  throttle: "throttle",
  singleton: "singleton",
  debounce: "debounce",
  timeouts: "timeouts",
};

/** Validates one raw config from a sync; throws UnsupportedFeatureError for anything not implemented. */
export function toFunctionSpec(raw: Record<string, unknown>): FunctionSpec {
  const id = String(raw.id ?? "");
  if (!id) throw new UnsupportedFeatureError("(no id)", "a config without an id");
  for (const [key, value] of Object.entries(raw)) {
    if (value === undefined || value === null) continue;
    if (!SUPPORTED_KEYS.has(key)) throw new UnsupportedFeatureError(id, REFUSED_FEATURES[key] ?? `the option "${key}"`);
  }
  const check = <T>(feature: string, fn: () => T): T => {
    try {
      return fn();
    } catch (error) {
      if (error instanceof ExpressionError || error instanceof CronError) throw new UnsupportedFeatureError(id, `${feature} (${error.message})`);
      throw error;
    }
  };

  const steps = (raw.steps ?? {}) as Record<string, { runtime?: { type?: string; url?: string }; retries?: { attempts?: number } }>;
  const step = steps.step ?? Object.values(steps)[0];
  if (!step?.runtime?.url) throw new UnsupportedFeatureError(id, "a config without an HTTP step runtime");
  if (step.runtime.type && step.runtime.type !== "http") throw new UnsupportedFeatureError(id, `the "${step.runtime.type}" runtime (connect)`);
  const retries = step.retries?.attempts ?? DEFAULT_RETRIES;

  const triggers: FunctionSpec["triggers"] = [];
  for (const trigger of (raw.triggers ?? []) as Array<Record<string, string | undefined>>) {
    if (trigger.cron) {
      if (trigger.jitter) throw new UnsupportedFeatureError(id, "cron jitter");
      check("a cron trigger", () => parseCron(trigger.cron!));
      triggers.push({ cron: trigger.cron });
    } else if (trigger.event) {
      if (trigger.expression) check("a trigger expression", () => compileExpression(trigger.expression!));
      triggers.push({ event: trigger.event, ...(trigger.expression ? { expression: trigger.expression } : {}) });
    } else throw new UnsupportedFeatureError(id, "a trigger that is neither an event nor a cron");
  }

  let concurrency: FunctionSpec["concurrency"] = null;
  const rawConcurrency = raw.concurrency as number | { limit: number; key?: string; scope?: string } | Array<{ limit: number; key?: string; scope?: string }> | undefined;
  if (rawConcurrency !== undefined && rawConcurrency !== null) {
    const list = typeof rawConcurrency === "number" ? [{ limit: rawConcurrency }] : Array.isArray(rawConcurrency) ? rawConcurrency : [rawConcurrency];
    if (list.length > 1) throw new UnsupportedFeatureError(id, "more than one concurrency limit");
    const only = list[0]!;
    if (only.scope && only.scope !== "fn") throw new UnsupportedFeatureError(id, `concurrency scope "${only.scope}"`);
    if (only.key) check("a concurrency key", () => compileExpression(only.key!));
    // Inngest treats 0 as "no limit".
    if (only.limit > 0) concurrency = { limit: only.limit, ...(only.key ? { key: only.key } : {}) };
  }

  const idempotency = typeof raw.idempotency === "string" && raw.idempotency ? raw.idempotency : null;
  if (idempotency) check("an idempotency key", () => compileExpression(idempotency));

  const cancel = ((raw.cancel ?? []) as Array<{ event: string; if?: string; timeout?: string }>).map((c) => {
    if (c.if) check("a cancelOn expression", () => compileExpression(c.if!));
    const timeoutMs = c.timeout ? parseDuration(c.timeout) : undefined;
    if (timeoutMs === null) throw new UnsupportedFeatureError(id, `cancelOn timeout "${c.timeout}"`);
    return { event: c.event, ...(c.if ? { if: c.if } : {}), ...(timeoutMs ? { timeoutMs } : {}) };
  });

  let priority: string | null = null;
  if (raw.priority !== undefined && raw.priority !== null) {
    const { run, ...rest } = raw.priority as { run?: unknown };
    if (Object.keys(rest).length) throw new UnsupportedFeatureError(id, `the priority option "${Object.keys(rest)[0]}"`);
    if (run !== undefined && run !== null && run !== "") {
      if (typeof run !== "string") throw new UnsupportedFeatureError(id, "a priority.run that is not an expression");
      check("a priority expression", () => compileExpression(run));
      priority = run;
    }
  }

  return { id, name: String(raw.name ?? id), url: step.runtime.url, triggers, maxAttempts: retries + 1, concurrency, idempotency, cancel, priority };
}

/** True when a trigger's event name (which may end in `*`) matches. */
export function eventNameMatches(pattern: string, name: string): boolean {
  return pattern.endsWith("*") ? name.startsWith(pattern.slice(0, -1)) : pattern === name;
}
