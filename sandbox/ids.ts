/**
 * Identifier generation. Called on the Send API hot path, so message ids come from a counter plus a
 * per-process random prefix (unique and cheap) rather than from crypto for every call.
 */
import { randomBytes } from "node:crypto";

const processPrefix = randomBytes(6).toString("base64url");
let messageSeq = 0;

/** Meta's message ids look like "m_<opaque>" (older ones "mid.<ts>:<hex>"). */
export function newMessageId(): string {
  return `m_${processPrefix}${(++messageSeq).toString(36)}`;
}

/** Numeric ids (PSIDs, page ids, app ids) are 15-17 digit strings at Meta. */
export function newNumericId(prefixDigit: string): string {
  let digits = prefixDigit;
  const bytes = randomBytes(16);
  for (let i = 0; digits.length < 16; i++) digits += String(bytes[i] % 10);
  return digits;
}

/** Tokens are opaque; Meta's page/user tokens start with "EAA". */
export function newAccessToken(): string {
  return `EAA${randomBytes(24).toString("base64url")}`;
}

export function newOpaqueToken(bytes = 18): string {
  return randomBytes(bytes).toString("base64url");
}
