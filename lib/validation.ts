import { z } from "zod";
import { ValidationError } from "@/lib/errors";
import { englishMessage, type LocalizableMessage, type MessageKey, type MessageVars } from "@/lib/i18n/translate";

/**
 * A zod `error` option that words an issue from the catalogs: the issue's message is the key's English (what
 * the API says), and the key and values ride on the issue, so parseInput hands them to the dashboard to
 * translate. Zod copies every own property of an issue into the result after asking for its message, which
 * is what lets the stamp through (lib/validation.test.ts checks it, should a zod upgrade change that).
 */
export function say(key: MessageKey, vars?: MessageVars) {
  return (issue: object): string => {
    Object.assign(issue, { messageKey: key, ...(vars ? { messageVars: vars } : {}) });
    return englishMessage(key, vars);
  };
}

type StampedIssue = z.core.$ZodIssue & { messageKey?: MessageKey; messageVars?: MessageVars };

/** An issue as a message the dashboard can translate: its own key when the schema worded it, else one from its code. */
export function localizableIssue(issue: StampedIssue): LocalizableMessage {
  if (issue.messageKey) return { message: issue.message, messageKey: issue.messageKey, ...(issue.messageVars ? { messageVars: issue.messageVars } : {}) };
  return { message: issue.message, ...issueKey(issue) };
}

/** A key for an issue the schema did not word itself, from zod's issue code; its English stays zod's. */
function issueKey(issue: z.core.$ZodIssue): Pick<LocalizableMessage, "messageKey" | "messageVars"> {
  const field = issue.path.join(".") || "input";
  switch (issue.code) {
    case "too_small":
      return { messageKey: "validation.issue.tooSmall", messageVars: { field, min: Number(issue.minimum) } };
    case "too_big":
      return { messageKey: "validation.issue.tooBig", messageVars: { field, max: Number(issue.maximum) } };
    case "invalid_format":
      return { messageKey: "validation.issue.invalidFormat", messageVars: { field } };
    case "invalid_type":
      return { messageKey: "validation.issue.invalidType", messageVars: { field } };
    case "invalid_value":
      return { messageKey: "validation.issue.invalidValue", messageVars: { field } };
    default:
      return {};
  }
}

/** Parses input with a shared zod schema, turning failures into a ValidationError with per-field messages. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.infer<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const fieldMessages: Record<string, LocalizableMessage[]> = {};
  for (const issue of result.error.issues as StampedIssue[]) {
    const key = issue.path.join(".") || "_";
    (fieldMessages[key] ??= []).push(localizableIssue(issue));
  }
  const first = result.error.issues[0] as StampedIssue | undefined;
  if (!first) throw new ValidationError({ message: englishMessage("validation.invalidInput"), messageKey: "validation.invalidInput" }, fieldMessages);
  // The API's summary names the field ("name: Name is required."); the dashboard shows the message under the field.
  const where = first.path.length ? `${first.path.join(".")}: ` : "";
  throw new ValidationError({ ...localizableIssue(first), message: `${where}${first.message}` }, fieldMessages);
}

/** What every refused NUL says (PostgreSQL text cannot store U+0000, so it would otherwise end in a 500). */
export const NUL_MESSAGE = englishMessage("validation.nul");

/** A field's label for {field}: a catalog key, rendered in the reader's language. */
export type FieldLabel = MessageKey;
const labelVar = (label: FieldLabel) => ({ key: label });

/**
 * The string every input field starts from: trimmed (unless `trim: false`, for secrets and passwords), at most
 * `max` characters, and never a NUL. Both checks abort, so a 1 MB value is refused by its length without
 * running the field's own checks (regexes, email syntax) on it. Chain `.min()`, `.regex()`, `.refine()` after.
 * `requiredLabel` words the "is required" message when it differs from the length one ("Your name is required.").
 */
export function inputString(label: FieldLabel, max: number, options: { trim?: boolean; requiredLabel?: FieldLabel } = {}) {
  const field = labelVar(label);
  const base = z.string({ error: say("validation.required", { field: labelVar(options.requiredLabel ?? label) }) });
  return (options.trim === false ? base : base.trim())
    .max(max, { error: say("validation.tooLong", { field, max }), abort: true })
    .refine((value) => !value.includes("\u0000"), { error: say("validation.nul"), abort: true });
}

/** The "is required" check of a field that must not be empty: `inputString(label, max).min(1, required(label))`. */
export function required(label: FieldLabel) {
  return { error: say("validation.required", { field: labelVar(label) }) };
}

/**
 * For update schemas: at least one known field must be sent, since an update that writes nothing is a client
 * mistake (and unknown fields are dropped by zod, so `{ "nmae": "x" }` lands here too).
 */
export function atLeastOneField<T extends z.ZodObject>(schema: T, key: MessageKey = "validation.atLeastOneField") {
  return schema.refine((value) => Object.values(value as Record<string, unknown>).some((field) => field !== undefined), { error: say(key) });
}
