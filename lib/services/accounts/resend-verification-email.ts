import { eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { users } from "@/db/schema";
import { NotFoundError } from "@/lib/errors";
import { latestEmailTokenData } from "./email-tokens";
import { countVerificationMail, prepareVerificationEmail, deliverAfterCommit } from "./verification-mail";

/** "Resend the link": a new verification link for the signed-in, still unverified user. */
export async function resendVerificationEmail({ user, ip }: { user: { id: string }; ip: string }): Promise<{ email: string; sent: boolean }> {
  const db = await getDb();
  const [account] = await db.select().from(users).where(eq(users.id, user.id));
  if (!account) throw new NotFoundError("verify.errors.accountNotFound");
  if (account.emailVerifiedAt) return { email: account.email, sent: false };
  await countVerificationMail({ ip, userId: account.id });
  const data = await latestEmailTokenData(db, account.id, "verify_email");
  const email = await db.transaction((tx) => prepareVerificationEmail(tx, account, data));
  return { email: account.email, sent: await deliverAfterCommit(email) };
}
