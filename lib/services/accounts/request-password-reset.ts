import { eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { users } from "@/db/schema";
import { appUrl } from "@/lib/app-url";
import { passwordResetEmail } from "@/lib/email/messages";
import type { Email } from "@/lib/email/send";
import { parseInput } from "@/lib/validation";
import { EMAIL_TOKEN_TTL_HOURS, issueEmailToken } from "./email-tokens";
import { forgotPasswordSchema } from "./schemas";
import { countAccountMail, deliverAfterCommit } from "./verification-mail";

/** Runs the delivery: the server action hands it to `after()` so the answer never waits on (or reveals) a send. */
export type ScheduleDelivery = (deliver: () => Promise<unknown>) => void | Promise<void>;

/**
 * "Forgot password": mails a single-use, one-hour reset link when an account has the address. The answer
 * is the same either way (the address as typed), and so is the work the request waits for: both paths count
 * the limits (keyed by the address, so an unknown one is limited like a known one) and look the address up;
 * only the delivery differs, and it is scheduled after the answer.
 */
export async function requestPasswordReset(
  input: unknown,
  { ip, schedule = (deliver) => deliver().then(() => undefined) }: { ip: string; schedule?: ScheduleDelivery },
): Promise<{ email: string }> {
  const { email } = parseInput(forgotPasswordSchema, input);
  await countAccountMail("reset-mail", { ip, account: email }, "account.errors.resetRateLimited");
  const db = await getDb();
  const [account] = await db.select({ id: users.id, email: users.email }).from(users).where(eq(users.email, email));
  if (account) {
    const mail: Email = await db.transaction(async (tx) => {
      const token = await issueEmailToken(tx, { userId: account.id, purpose: "reset_password", email: account.email });
      return passwordResetEmail(account.email, { link: `${appUrl()}/reset-password/${token}`, hours: EMAIL_TOKEN_TTL_HOURS.reset_password });
    });
    await schedule(() => deliverAfterCommit(mail));
  }
  return { email };
}
