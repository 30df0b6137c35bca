import { type DbOrTx } from "@/db/client";
import { appUrl } from "@/lib/app-url";
import { verificationEmail } from "@/lib/email/messages";
import { sendEmail, type Email } from "@/lib/email/send";
import { RateLimitedError, type ErrorMessage } from "@/lib/errors";
import { hitRateLimit } from "@/lib/rate-limit";
import { EMAIL_TOKEN_TTL_HOURS, issueEmailToken } from "./email-tokens";
import { logError } from "@/lib/log-error";

/**
 * Mail anyone can make us send (sign-up, "resend the link", "forgot password", a new address) is bounded per hour: per account
 * (one inbox cannot be flooded) and per client IP (one visitor cannot sign up addresses by the thousand).
 */
export const VERIFICATION_MAIL_LIMITS = {
  windowSeconds: 3600,
  perAccount: Number(process.env.VERIFICATION_EMAILS_PER_ACCOUNT ?? 5),
  perIp: Number(process.env.VERIFICATION_EMAILS_PER_IP ?? 20),
};

/** Counts one verification mail for this IP (and account, once it exists); refuses past the limits. */
export async function countVerificationMail({ ip, userId }: { ip: string; userId?: string }): Promise<void> {
  await countAccountMail("verify-mail", { ip, account: userId }, "verify.errors.rateLimited");
}

/**
 * Counts one mail of a kind anyone can make us send (`prefix`), per IP and per account (an id, or for a
 * password reset the address asked for, whether or not an account has it); refuses past the limits.
 */
export async function countAccountMail(prefix: string, { ip, account }: { ip: string; account?: string }, refusal: ErrorMessage): Promise<void> {
  const { windowSeconds, perAccount, perIp } = VERIFICATION_MAIL_LIMITS;
  const counts = await Promise.all([
    hitRateLimit(`${prefix}:ip:${ip}`, windowSeconds).then((w) => ({ ...w, over: w.count > perIp })),
    ...(account ? [hitRateLimit(`${prefix}:account:${account}`, windowSeconds).then((w) => ({ ...w, over: w.count > perAccount }))] : []),
  ]);
  const over = counts.filter((c) => c.over);
  if (over.length > 0) {
    const wait = Math.max(...over.map((c) => c.resetInSeconds), 1);
    throw new RateLimitedError(refusal, wait);
  }
}

/** Issues a verification link inside `tx` and returns the mail to send once the transaction commits. */
export async function prepareVerificationEmail(tx: DbOrTx, user: { id: string; email: string }, data: Record<string, unknown> = {}): Promise<Email> {
  const token = await issueEmailToken(tx, { userId: user.id, purpose: "verify_email", email: user.email, data });
  return verificationEmail(user.email, { link: `${appUrl()}/verify-email/${token}`, hours: EMAIL_TOKEN_TTL_HOURS.verify_email });
}

/**
 * Sends a mail after the change that caused it committed. A delivery failure is logged, not thrown: the
 * account exists either way and the person can ask for the link again.
 */
export async function deliverAfterCommit(email: Email): Promise<boolean> {
  try {
    await sendEmail(email);
    return true;
  } catch (error) {
    logError("email: could not deliver a message", error);
    return false;
  }
}
