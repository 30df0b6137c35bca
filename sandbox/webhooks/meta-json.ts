/**
 * Serialises a webhook payload the way Meta does: JSON with every non-ASCII character escaped as \uXXXX
 * (UTF-16 code units, so emoji become surrogate pairs) and "/" escaped as "\/". The signature is computed
 * over these exact bytes, so a receiver that re-serialises the parsed JSON gets a different signature:
 * that is precisely the mistake this emulation is meant to catch.
 */
export function toMetaJson(value: unknown): string {
  return JSON.stringify(value).replace(/[\u007f-\uffff]|\//g, (ch) =>
    ch === "/" ? "\\/" : `\\u${ch.charCodeAt(0).toString(16).padStart(4, "0")}`,
  );
}
