import { and, eq, gt, isNull, sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { emailTokens, users } from "@/db/schema";
import { hashPassword } from "@/lib/auth/password";
import { checkCredentials } from "@/lib/auth/sign-in";
import { NotFoundError, UnauthorizedError, ValidationError } from "@/lib/errors";
import { parseInput } from "@/lib/validation";
import { recordAccountAudit } from "./account-audit";
import { changePasswordSchema } from "./schemas";

/**
 * Changes the signed-in user's password. The current one is checked first, through sign-in's own limits
 * (a stolen session cannot guess it faster than sign-in could). Every other session is signed out by
 * raising the account's session generation; the caller re-stamps its own session with the returned one.
 * Open reset links die too: the password they would replace is gone.
 */
export async function changePassword({ user, input, ip }: { user: { id: string; email: string }; input: unknown; ip: string }): Promise<{ sessionVersion: number }> {
  const { currentPassword, newPassword } = parseInput(changePasswordSchema, input);
  try {
    await checkCredentials(user.email, currentPassword, ip);
  } catch (error) {
    if (error instanceof UnauthorizedError) throw ValidationError.forField("currentPassword", "account.errors.currentPasswordWrong");
    throw error;
  }
  const passwordHash = await hashPassword(newPassword);
  const db = await getDb();
  return db.transaction(async (tx) => {
    const [account] = await tx
      .update(users)
      .set({ passwordHash, sessionVersion: sql`${users.sessionVersion} + 1` })
      .where(eq(users.id, user.id))
      .returning({ sessionVersion: users.sessionVersion });
    if (!account) throw new NotFoundError("verify.errors.accountNotFound");
    await recordAccountAudit(tx, user, { action: "member.password_changed" });
    await tx
      .update(emailTokens)
      .set({ expiresAt: sql`now()` })
      .where(and(eq(emailTokens.userId, user.id), eq(emailTokens.purpose, "reset_password"), isNull(emailTokens.usedAt), gt(emailTokens.expiresAt, sql`now()`)));
    return { sessionVersion: account.sessionVersion };
  });
}
