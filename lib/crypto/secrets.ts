import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { logger } from "@/lib/observability/logger";

/**
 * Secrets at rest (Page access tokens, app secrets, verify tokens, OTN tokens) are sealed with AES-256-GCM.
 * The sealed form names its key version — `v<N>.<iv>.<tag>.<ciphertext>` (base64url parts) — so keys can
 * rotate: new writes use the first (current) key, old rows still open with the key they were sealed with.
 *
 * ENCRYPTION_KEY: one base64 key of 32 bytes (version 1), or a comma list `3:<key>,2:<key>,1:<key>` with the
 * current key first. Without it (development, demo), a key is generated once and kept in .data/encryption-key.
 */
interface Keyring {
  current: number;
  keys: Map<number, Buffer>;
}

let keyring: Keyring | undefined;

function decodeKey(text: string, where: string): Buffer {
  const key = Buffer.from(text.trim(), "base64");
  if (key.length !== 32) throw new Error(`${where}: an encryption key must be 32 bytes, base64-encoded (got ${key.length} bytes)`);
  return key;
}

export function parseKeyring(spec: string): Keyring {
  const keys = new Map<number, Buffer>();
  let current = 0;
  for (const [index, part] of spec.split(",").map((p) => p.trim()).filter(Boolean).entries()) {
    const match = /^(\d+):(.+)$/.exec(part);
    const version = match ? Number(match[1]) : 1;
    keys.set(version, decodeKey(match ? match[2] : part, `ENCRYPTION_KEY entry ${index + 1}`));
    if (index === 0) current = version;
  }
  if (keys.size === 0) throw new Error("ENCRYPTION_KEY is empty");
  return { current, keys };
}

function loadKeyring(): Keyring {
  if (process.env.ENCRYPTION_KEY) return parseKeyring(process.env.ENCRYPTION_KEY);
  const file = path.join(process.env.DATA_DIR ?? path.join(process.cwd(), ".data"), "encryption-key");
  if (!existsSync(file)) {
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, randomBytes(32).toString("base64") + "\n", { mode: 0o600, flag: "wx" });
    logger().warn({ file }, "ENCRYPTION_KEY is not set: generated a development key. Set ENCRYPTION_KEY in production.");
  }
  return parseKeyring(readFileSync(file, "utf8"));
}

function getKeyring(): Keyring {
  keyring ??= loadKeyring();
  return keyring;
}

/** For tests: use this key spec instead of the environment. */
export function setKeyringForTests(spec: string | undefined): void {
  keyring = spec ? parseKeyring(spec) : undefined;
}

export function seal(plaintext: string): string {
  const { current, keys } = getKeyring();
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", keys.get(current)!, iv);
  const ciphertext = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
  return `v${current}.${iv.toString("base64url")}.${cipher.getAuthTag().toString("base64url")}.${ciphertext.toString("base64url")}`;
}

export function open(sealed: string): string {
  const match = /^v(\d+)\.([\w-]+)\.([\w-]+)\.([\w-]*)$/.exec(sealed);
  if (!match) throw new Error("not a sealed secret");
  const key = getKeyring().keys.get(Number(match[1]));
  if (!key) throw new Error(`no encryption key with version ${match[1]}: add it to ENCRYPTION_KEY to read this secret`);
  const decipher = createDecipheriv("aes-256-gcm", key, Buffer.from(match[2], "base64url"));
  decipher.setAuthTag(Buffer.from(match[3], "base64url"));
  return Buffer.concat([decipher.update(Buffer.from(match[4], "base64url")), decipher.final()]).toString("utf8");
}

/** The version new secrets are sealed with (the first key of ENCRYPTION_KEY). */
export function currentKeyVersion(): number {
  return getKeyring().current;
}

/** True when `sealed` was sealed with an older key and should be re-sealed (key rotation). */
export function needsResealing(sealed: string): boolean {
  return !sealed.startsWith(`v${getKeyring().current}.`);
}

/** What the dashboard and the API show instead of a secret: its length class and last characters. */
export function maskSecret(plaintext: string): string {
  return plaintext.length <= 8 ? "••••" : `••••${plaintext.slice(-4)}`;
}
