import { and, eq, gt, isNull, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { emailTokens } from "@/db/schema";
import { sha256Hex } from "@/lib/crypto/hash";
import { randomToken } from "@/db/ids";

/** What a mailed link proves: the address of a new account, a new address for an existing one, or the right to choose a new password. */
export type EmailTokenPurpose = "verify_email" | "change_email" | "reset_password";

export const EMAIL_TOKEN_TTL_HOURS: Record<EmailTokenPurpose, number> = { verify_email: 24, change_email: 1, reset_password: 1 };

export interface EmailTokenRecord {
  id: string;
  userId: string;
  purpose: EmailTokenPurpose;
  email: string;
  data: Record<string, unknown>;
}

/**
 * Issues a single-use link token for `email`, replacing the user's earlier open tokens of the same purpose
 * (only the newest link works). The token is returned once; the database keeps its SHA-256.
 */
export async function issueEmailToken(
  tx: DbOrTx,
  input: { userId: string; purpose: EmailTokenPurpose; email: string; data?: Record<string, unknown> },
): Promise<string> {
  await tx
    .update(emailTokens)
    .set({ expiresAt: sql`now()` })
    .where(and(eq(emailTokens.userId, input.userId), eq(emailTokens.purpose, input.purpose), isNull(emailTokens.usedAt), gt(emailTokens.expiresAt, sql`now()`)));
  const token = randomToken(32);
  await tx.insert(emailTokens).values({
    userId: input.userId,
    purpose: input.purpose,
    email: input.email,
    data: input.data ?? {},
    tokenHash: sha256Hex(token),
    expiresAt: new Date(Date.now() + EMAIL_TOKEN_TTL_HOURS[input.purpose] * 3_600_000),
  });
  return token;
}

function openToken(token: string, purpose: EmailTokenPurpose) {
  return and(eq(emailTokens.tokenHash, sha256Hex(token)), eq(emailTokens.purpose, purpose), isNull(emailTokens.usedAt), gt(emailTokens.expiresAt, sql`now()`));
}

/** The open token (unused, unexpired) for this purpose, without using it; null otherwise. */
export async function findEmailToken(db: DbOrTx, token: string, purpose: EmailTokenPurpose): Promise<EmailTokenRecord | null> {
  const [row] = await db.select().from(emailTokens).where(openToken(token, purpose));
  return row ?? null;
}

/** Uses the token, once: of two racing calls only one gets the record, the other null. */
export async function consumeEmailToken(tx: DbOrTx, token: string, purpose: EmailTokenPurpose): Promise<EmailTokenRecord | null> {
  const [row] = await tx.update(emailTokens).set({ usedAt: sql`now()` }).where(openToken(token, purpose)).returning();
  return row ?? null;
}

/** The `data` of the user's newest token of this purpose (to carry it over when a link is sent again). */
export async function latestEmailTokenData(db: DbOrTx, userId: string, purpose: EmailTokenPurpose): Promise<Record<string, unknown>> {
  const [row] = await db
    .select({ data: emailTokens.data })
    .from(emailTokens)
    .where(and(eq(emailTokens.userId, userId), eq(emailTokens.purpose, purpose)))
    .orderBy(sql`${emailTokens.createdAt} desc`)
    .limit(1);
  return row?.data ?? {};
}
