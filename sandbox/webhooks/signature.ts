/** Meta's webhook signatures: HMAC of the exact body bytes with the app secret. */
import { createHmac } from "node:crypto";

export function signatureSha256(appSecret: string, rawBody: string | Buffer): string {
  return `sha256=${createHmac("sha256", appSecret).update(rawBody).digest("hex")}`;
}

/** The legacy X-Hub-Signature header (SHA-1), still sent by Meta next to the SHA-256 one. */
export function signatureSha1(appSecret: string, rawBody: string | Buffer): string {
  return `sha1=${createHmac("sha1", appSecret).update(rawBody).digest("hex")}`;
}
