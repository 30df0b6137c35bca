import { getDb } from "@/db/client";
import { users } from "@/db/schema";
import { hashPassword } from "@/lib/auth/password";
import { ConflictError, isUniqueViolation } from "@/lib/errors";
import { parseInput } from "@/lib/validation";
import { signUpSchema } from "./schemas";
import { countVerificationMail, deliverAfterCommit, prepareVerificationEmail } from "./verification-mail";


/**
 * Creates an unverified account and mails it a verification link. The organisation named here is created
 * when the link is opened (lib/services/accounts/verify-email.ts): until then the address is only a claim.
 */
export async function signUp(input: unknown, { ip }: { ip: string }): Promise<{ userId: string; email: string; emailed: boolean }> {
  const data = parseInput(signUpSchema, input);
  await countVerificationMail({ ip });
  const passwordHash = await hashPassword(data.password);
  const db = await getDb();
  try {
    const { user, email } = await db.transaction(async (tx) => {
      const [user] = await tx.insert(users).values({ email: data.email, name: data.name, passwordHash }).returning();
      return { user, email: await prepareVerificationEmail(tx, user, { organizationName: data.organizationName }) };
    });
    return { userId: user.id, email: user.email, emailed: await deliverAfterCommit(email) };
  } catch (error) {
    if (isUniqueViolation(error, "users_email_key")) throw new ConflictError("auth.errors.emailTaken");
    throw error;
  }
}
