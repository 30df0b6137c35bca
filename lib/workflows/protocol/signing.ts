import { createHash, createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import { eq } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { workflowSettings } from "@/db/schema/workflows";

/**
 * Inngest request signing: `X-Inngest-Signature: t=<unix seconds>&s=<hex HMAC-SHA256(body + t)>`, keyed
 * with the signing key minus its `signkey-<env>-` prefix. The SDK checks it on every call in cloud mode
 * (5-minute window) and signs its answers the same way with the same key.
 */
export const SIGNATURE_MAX_AGE_MS = 5 * 60_000;

export function stripSigningKeyPrefix(key: string): string {
  return key.replace(/^signkey-\w+-/, "");
}

export function sign(body: string, signingKey: string, now = Date.now()): string {
  const t = Math.round(now / 1000).toString();
  const s = createHmac("sha256", stripSigningKeyPrefix(signingKey)).update(body).update(t).digest("hex");
  return `t=${t}&s=${s}`;
}

/** True when `header` is a fresh, valid signature of `body`. */
export function verifySignature(body: string, header: string | null | undefined, signingKey: string, now = Date.now()): boolean {
  if (!header) return false;
  const params = new URLSearchParams(header);
  const t = params.get("t");
  const s = params.get("s");
  if (!t || !s || !/^\d+$/.test(t)) return false;
  if (Math.abs(now - Number(t) * 1000) > SIGNATURE_MAX_AGE_MS) return false;
  const expected = createHmac("sha256", stripSigningKeyPrefix(signingKey)).update(body).update(t).digest();
  const given = Buffer.from(s, "hex");
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/** What the SDK sends as `Authorization: Bearer ...` when it registers (out-of-band sync). */
export function hashSigningKey(signingKey: string): string {
  const prefix = /^signkey-\w+-/.exec(signingKey)?.[0] ?? "";
  return prefix + createHash("sha256").update(Buffer.from(stripSigningKeyPrefix(signingKey), "hex")).digest("hex");
}

export function generateSigningKey(): string {
  return `signkey-prod-${randomBytes(32).toString("hex")}`;
}

export interface WorkflowKeys {
  signingKey: string;
  eventKey: string;
}

/**
 * The executor's keys, created on first use and kept in the database so every instance sharing it
 * (and every restart) uses the same ones. Concurrent first calls converge through `on conflict do nothing`.
 */
export async function loadOrCreateKeys(db: DbOrTx): Promise<WorkflowKeys> {
  const fresh = { signing_key: generateSigningKey(), event_key: randomBytes(24).toString("hex") };
  await db
    .insert(workflowSettings)
    .values(Object.entries(fresh).map(([key, value]) => ({ key, value })))
    .onConflictDoNothing();
  const rows = await db.select().from(workflowSettings);
  const get = (key: string) => {
    const value = rows.find((r) => r.key === key)?.value;
    if (!value) throw new Error(`workflow setting ${key} missing`);
    return value;
  };
  return { signingKey: get("signing_key"), eventKey: get("event_key") };
}

export async function readSetting(db: DbOrTx, key: string): Promise<string | undefined> {
  const [row] = await db.select().from(workflowSettings).where(eq(workflowSettings.key, key));
  return row?.value;
}
