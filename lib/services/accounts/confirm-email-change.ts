import { and, eq, gt, isNull, sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { emailTokens, users } from "@/db/schema";
import { emailChangedNotice } from "@/lib/email/messages";
import { ConflictError, isUniqueViolation, NotFoundError } from "@/lib/errors";
import { recordAccountAudit } from "./account-audit";
import { consumeEmailToken } from "./email-tokens";
import { deliverAfterCommit } from "./verification-mail";

/**
 * Uses a change-email link: the account's address becomes the one the link was mailed to (now verified, as
 * the link proves it is read), and the old address is told, so a change nobody asked for does not go
 * unnoticed. Single use; an expired or used link answers NotFound; an address another account took since
 * answers Conflict and leaves the link unused.
 */
export async function confirmEmailChange({ token }: { token: string }): Promise<{ userId: string; email: string; previousEmail: string }> {
  const db = await getDb();
  try {
    const changed = await db.transaction(async (tx) => {
      const record = await consumeEmailToken(tx, token, "change_email");
      if (!record) throw new NotFoundError("account.errors.changeLinkNotFound");
      const [account] = await tx.select({ email: users.email }).from(users).where(eq(users.id, record.userId));
      if (!account) throw new NotFoundError("account.errors.changeLinkNotFound");
      await tx.update(users).set({ email: record.email, emailVerifiedAt: sql`now()` }).where(eq(users.id, record.userId));
      await recordAccountAudit(tx, { id: record.userId, email: record.email }, { action: "member.email_changed", before: { email: account.email }, after: { email: record.email } });
      // Reset links went to the old address: it no longer speaks for the account.
      await tx
        .update(emailTokens)
        .set({ expiresAt: sql`now()` })
        .where(and(eq(emailTokens.userId, record.userId), eq(emailTokens.purpose, "reset_password"), isNull(emailTokens.usedAt), gt(emailTokens.expiresAt, sql`now()`)));
      return { userId: record.userId, email: record.email, previousEmail: account.email };
    });
    if (changed.previousEmail !== changed.email) await deliverAfterCommit(emailChangedNotice(changed.previousEmail, { email: changed.email }));
    return changed;
  } catch (error) {
    if (isUniqueViolation(error, "users_email_key")) throw new ConflictError("account.errors.emailTaken");
    throw error;
  }
}
