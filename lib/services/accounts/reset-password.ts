import { and, eq, sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { users } from "@/db/schema";
import { hashPassword } from "@/lib/auth/password";
import { NotFoundError } from "@/lib/errors";
import { clearRateLimit } from "@/lib/rate-limit";
import { parseInput } from "@/lib/validation";
import { consumeEmailToken } from "./email-tokens";
import { recordAccountAudit } from "./account-audit";
import { resetPasswordSchema } from "./schemas";

/**
 * Uses a reset link: sets the new password and signs every session of the account out (a reset is what
 * someone does when they fear another has the password). Single use; an expired or used link, or one for an
 * address the account no longer has, answers NotFound. Reading the mail also proves the address.
 */
export async function resetPassword({ token, input }: { token: string; input: unknown }): Promise<{ email: string }> {
  const { password } = parseInput(resetPasswordSchema, input);
  const passwordHash = await hashPassword(password);
  const db = await getDb();
  const email = await db.transaction(async (tx) => {
    const record = await consumeEmailToken(tx, token, "reset_password");
    if (!record) throw new NotFoundError("account.errors.resetLinkNotFound");
    const [account] = await tx
      .update(users)
      .set({ passwordHash, sessionVersion: sql`${users.sessionVersion} + 1`, emailVerifiedAt: sql`coalesce(${users.emailVerifiedAt}, now())` })
      .where(and(eq(users.id, record.userId), eq(users.email, record.email)))
      .returning({ email: users.email });
    if (!account) throw new NotFoundError("account.errors.resetLinkNotFound");
    await recordAccountAudit(tx, { id: record.userId, email: account.email }, { action: "member.password_reset" });
    return account.email;
  });
  // The owner proved they read the mail: earlier wrong guesses no longer lock them out.
  await clearRateLimit(`sign-in:account:${email}`);
  return { email };
}
