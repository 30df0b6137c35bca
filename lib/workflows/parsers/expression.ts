import { celEnv, celFunc, CelScalar, isCelError, isCelList, isCelMap, isCelUint, parse, plan, type CelInput, type CelResult, type CelValue } from "@bufbuild/cel";
import { strings } from "@bufbuild/cel/ext";
import { ExpressionError } from "../workflow-errors";
import { checkNames, FIELD_OR_NULL, readMissingFieldsAsNull, VARIABLES } from "./expression-syntax";
import { jsonCelValue } from "./json-cel-map";

/**
 * The CEL expressions of trigger `if`s, waitForEvent/cancelOn matches, concurrency and idempotency keys,
 * evaluated by @bufbuild/cel (the CEL standard library, macros such as `has()`, `exists()`, `size()`, and
 * the strings extension: `lowerAscii()`, `split()`, `indexOf()`…). Variables: `event` and `async`.
 *
 * Two rules are ours, kept from our first evaluator because Inngest behaves so: a missing field reads as
 * null (`event.data.missing == null` holds; CEL alone would answer an error), and an expression that ends
 * in an error (a comparison of a number with a string) does not match and yields no key, never a throw.
 * Syntax errors, unknown functions and unknown variables are ExpressionErrors at sync.
 */
export interface CompiledExpression {
  readonly source: string;
  readonly evaluate: (variables: Record<string, unknown>) => unknown;
}

const fieldOrNull = celFunc(FIELD_OR_NULL, [CelScalar.DYN, CelScalar.STRING], CelScalar.DYN, (target, field) =>
  isCelMap(target) ? (target.get(field) ?? null) : null,
);
const env = celEnv({ variables: { event: CelScalar.DYN, async: CelScalar.DYN }, funcs: [...strings, fieldOrNull] });

/** What an evaluation that failed returns, so callers can tell it from a null result. */
const FAILED = Symbol("expression failed");

/** Expressions come from our own functions, so few are distinct; the bound only guards against leaks. */
const CACHE_LIMIT = 500;
const cache = new Map<string, CompiledExpression>();

export function compileExpression(source: string): CompiledExpression {
  const cached = cache.get(source);
  if (cached) return cached;
  let run: (bindings: Record<(typeof VARIABLES)[number], CelInput>) => CelResult;
  try {
    const parsed = parse(source);
    checkNames(parsed.expr, env);
    readMissingFieldsAsNull(parsed.expr);
    run = plan(env, parsed);
  } catch (error) {
    throw new ExpressionError(firstLine(error), source);
  }
  const compiled: CompiledExpression = {
    source,
    evaluate(variables) {
      try {
        const result = run({ event: jsonCelValue(variables.event ?? null), async: jsonCelValue(variables.async ?? null) });
        return isCelError(result) ? FAILED : result;
      } catch {
        // A value CEL cannot represent (a Date, a class instance) fails the evaluation, not the caller.
        return FAILED;
      }
    },
  };
  if (cache.size >= CACHE_LIMIT) cache.delete(cache.keys().next().value!);
  cache.set(source, compiled);
  return compiled;
}

/** True when the expression holds; an absent expression always holds. */
export function matches(source: string | undefined | null, variables: Record<string, unknown>): boolean {
  if (!source) return true;
  return compileExpression(source).evaluate(variables) === true;
}

/** Evaluates a key expression (concurrency, idempotency) to a string; null when it yields nothing. */
export function evaluateKey(source: string, variables: Record<string, unknown>): string | null {
  const value = compileExpression(source).evaluate(variables);
  if (value === FAILED || value === null || value === undefined) return null;
  const plain = toPlain(value as CelValue);
  return typeof plain === "string" ? plain : JSON.stringify(plain);
}

/** Inngest's bounds of a priority factor, in seconds (its default account range). */
export const PRIORITY_FACTOR_MAX = 600;

/**
 * A `priority.run` expression's factor, as Inngest computes it: an int, clamped to ±600 s; any other result (a
 * double, a string, null, an evaluation error) counts as 0, the run queued without priority (Inngest logs the
 * error and carries on). JSON numbers reach CEL as doubles here, so a whole one (`event.data.priority`) counts
 * as the int it spells, as the docs' own example expects; a fraction does not.
 */
export function evaluatePriority(source: string | null | undefined, variables: Record<string, unknown>): number {
  if (!source) return 0;
  const value = compileExpression(source).evaluate(variables);
  const whole = typeof value === "bigint" ? Number(value) : typeof value === "number" && Number.isInteger(value) ? value : null;
  if (whole === null) return 0;
  return Math.max(-PRIORITY_FACTOR_MAX, Math.min(PRIORITY_FACTOR_MAX, whole));
}

/** A CEL value as JSON would hold it (ints and uints as numbers, maps as objects). */
function toPlain(value: CelValue): unknown {
  if (typeof value === "bigint") return Number(value);
  if (isCelUint(value)) return Number(value.value);
  if (isCelList(value)) return Array.from(value, toPlain);
  if (isCelMap(value)) return Object.fromEntries(Array.from(value, ([key, item]) => [String(isCelUint(key) ? key.value : key), toPlain(item)]));
  return value;
}

/** The parser's first line, its `<input>:1:5:` position spelled out. */
function firstLine(error: unknown): string {
  const line = (error instanceof Error ? error.message : String(error)).split("\n")[0]!;
  return line.replace(/^<input>:(\d+):(\d+): /, "Syntax error at $1:$2: ");
}
