import { createHmac, timingSafeEqual } from "node:crypto";

/**
 * Meta signs every webhook POST with `X-Hub-Signature-256: sha256=<hex HMAC-SHA256(app secret, raw body)>`.
 * The HMAC must be computed over the exact bytes received (Meta escapes unicode; re-serialising breaks it),
 * and compared in constant time. No secret (a Facebook Login channel with the platform app unconfigured) matches nothing.
 */
export function signatureMatches(rawBody: Uint8Array, header: string | null | undefined, appSecret: string | null): boolean {
  if (!appSecret || !header?.startsWith("sha256=")) return false;
  const received = Buffer.from(header.slice("sha256=".length), "hex");
  const expected = createHmac("sha256", appSecret).update(rawBody).digest();
  return received.length === expected.length && timingSafeEqual(received, expected);
}

export function signBody(rawBody: Uint8Array | string, appSecret: string): string {
  return `sha256=${createHmac("sha256", appSecret).update(rawBody).digest("hex")}`;
}
