/** Parses a parameter that Graph accepts either as JSON or (form-encoded) as a JSON string. */
export function jsonParam(value: unknown): unknown {
  if (typeof value !== "string") return value;
  try {
    return JSON.parse(value);
  } catch {
    return value;
  }
}
