import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";

/** A new connector secret: 32 random bytes, shown to the admin once (create, rotate) and sealed at rest. */
export function generateConnectorSecret(): string {
  return `mdbot_${randomBytes(32).toString("base64url")}`;
}

/** The signature header's value for a body: what the organisation's bot recomputes to know the call is ours. */
export function signConnectorBody(secret: string, rawBody: string): string {
  return `sha256=${createHmac("sha256", secret).update(rawBody, "utf8").digest("hex")}`;
}

/** For bots written against us (and our test bot): compares in constant time. */
export function verifyConnectorSignature(secret: string, rawBody: string, header: string | null | undefined): boolean {
  if (!header) return false;
  const expected = Buffer.from(signConnectorBody(secret, rawBody));
  const given = Buffer.from(header);
  return expected.length === given.length && timingSafeEqual(expected, given);
}
