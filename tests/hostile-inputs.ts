/**
 * Inputs an attacker (or a careless client) sends instead of a valid body or query: a NUL in every string,
 * a 1 MB value in every field, the wrong type in every field, and bodies that are not objects at all. The
 * contract test sends each to every operation; none may answer 5xx.
 */
import { z } from "zod";
import type { ApiOperation } from "@/lib/api/operations/define";

export const NUL_TEXT = "bad\u0000value";
export const ONE_MEGABYTE = "x".repeat(1024 * 1024);
const WRONG_TYPE = { not: "a string" };

export interface HostileInput {
  name: string;
  body?: unknown;
  query?: Record<string, string>;
}

type Path = (string | number)[];

function getAt(value: unknown, path: Path): unknown {
  return path.reduce<unknown>((node, key) => (node && typeof node === "object" ? (node as Record<string, unknown>)[key] : undefined), value);
}

/**
 * 1 MB that keeps the valid value's shape where it can (a 1 MB local part still makes a syntactically valid
 * email), so the length cap is what must refuse it, not the field's other checks.
 */
function oneMegabyteLike(valid: unknown): string {
  return typeof valid === "string" ? valid.replace(/^\s*/, (space) => space + ONE_MEGABYTE) : ONE_MEGABYTE;
}

function setAt(value: unknown, path: Path, leaf: unknown): unknown {
  if (path.length === 0) return leaf;
  const [head, ...rest] = path;
  if (Array.isArray(value)) return value.map((item, index) => (String(index) === String(head) ? setAt(item, rest, leaf) : item));
  const copy: Record<string, unknown> = { ...(value as Record<string, unknown>) };
  copy[head] = setAt(copy[head], rest, leaf);
  return copy;
}

/** Every string leaf of a valid body, nested ones included (`content.text`). */
function stringLeaves(value: unknown, path: Path = []): Path[] {
  if (typeof value === "string") return [path];
  if (value && typeof value === "object") return Object.entries(value).flatMap(([key, child]) => stringLeaves(child, [...path, key]));
  return [];
}

/** The top-level fields the body schema declares, sent or not in the valid body. */
function declaredFields(schema: z.ZodType): string[] {
  return schema instanceof z.ZodObject ? Object.keys(schema.shape) : [];
}

export function hostileBodies(operation: ApiOperation, validBody: unknown): HostileInput[] {
  const base = validBody && typeof validBody === "object" ? validBody : {};
  const fields = new Set([...declaredFields(operation.body!.schema), ...stringLeaves(base).map((p) => p.join("."))]);
  const inputs: HostileInput[] = [
    { name: "an empty object", body: {} },
    { name: "only unknown fields", body: { nmae: "typo", unknownField: 1 } },
    { name: "null", body: null },
    { name: "an array", body: [base] },
    { name: "a string", body: "hello" },
  ];
  for (const field of fields) {
    const path = field.split(".");
    inputs.push(
      { name: `a NUL in ${field}`, body: setAt(base, path, NUL_TEXT) },
      { name: `1 MB in ${field}`, body: setAt(base, path, oneMegabyteLike(getAt(base, path))) },
      { name: `an object as ${field}`, body: setAt(base, path, WRONG_TYPE) },
    );
  }
  return inputs;
}

export function hostileQueries(operation: ApiOperation): HostileInput[] {
  return Object.keys(operation.query!.shape).flatMap((param) => [
    { name: `a NUL in ${param}`, query: { [param]: NUL_TEXT } },
    { name: `1 MB in ${param}`, query: { [param]: ONE_MEGABYTE } },
  ]);
}
