import { z } from "zod";
import { ValidationError } from "@/lib/errors";

/** Parses input with a shared zod schema, turning failures into a ValidationError with per-field messages. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.infer<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const fieldErrors: Record<string, string[]> = {};
  for (const issue of result.error.issues) {
    const key = issue.path.join(".") || "_";
    (fieldErrors[key] ??= []).push(issue.message);
  }
  const first = result.error.issues[0];
  const where = first?.path.length ? `${first.path.join(".")}: ` : "";
  throw new ValidationError(`${where}${first?.message ?? "Invalid input."}`, fieldErrors);
}

/** What every refused NUL says (PostgreSQL text cannot store U+0000, so it would otherwise end in a 500). */
export const NUL_MESSAGE = "Text must not contain NUL characters.";

/**
 * The string every input field starts from: trimmed (unless `trim: false`, for secrets and passwords), at most
 * `max` characters, and never a NUL. Both checks abort, so a 1 MB value is refused by its length without
 * running the field's own checks (regexes, email syntax) on it. Chain `.min()`, `.regex()`, `.refine()` after.
 */
export function inputString(label: string, max: number, options: { trim?: boolean; requiredMessage?: string } = {}) {
  const base = z.string({ message: options.requiredMessage ?? `${label} is required.` });
  return (options.trim === false ? base : base.trim())
    .max(max, { message: `${label} must be at most ${max} characters.`, abort: true })
    .refine((value) => !value.includes("\u0000"), { message: NUL_MESSAGE, abort: true });
}

/**
 * For update schemas: at least one known field must be sent, since an update that writes nothing is a client
 * mistake (and unknown fields are dropped by zod, so `{ "nmae": "x" }` lands here too).
 */
export function atLeastOneField<T extends z.ZodObject>(schema: T, message = "Send at least one field to change.") {
  return schema.refine((value) => Object.values(value as Record<string, unknown>).some((field) => field !== undefined), { message });
}
