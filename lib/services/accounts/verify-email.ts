import { eq, sql } from "drizzle-orm";
import { getDb, type DbOrTx } from "@/db/client";
import { memberships, organizations, users } from "@/db/schema";
import { appUrl } from "@/lib/app-url";
import { verificationEmail } from "@/lib/email/messages";
import { sendEmail, type Email } from "@/lib/email/send";
import { NotFoundError, RateLimitedError } from "@/lib/errors";
import { hitRateLimit } from "@/lib/rate-limit";
import { insertOrganizationWithOwner } from "@/lib/services/organizations/create-organization";
import { consumeEmailToken, EMAIL_TOKEN_TTL_HOURS, findEmailToken, issueEmailToken, latestEmailTokenData } from "./email-tokens";

/**
 * Verification mail anyone can make us send (sign-up, "resend the link") is bounded per hour: per account
 * (one inbox cannot be flooded) and per client IP (one visitor cannot sign up addresses by the thousand).
 */
export const VERIFICATION_MAIL_LIMITS = {
  windowSeconds: 3600,
  perAccount: Number(process.env.VERIFICATION_EMAILS_PER_ACCOUNT ?? 5),
  perIp: Number(process.env.VERIFICATION_EMAILS_PER_IP ?? 20),
};

/** Counts one verification mail for this IP (and account, once it exists); refuses past the limits. */
export async function countVerificationMail({ ip, userId }: { ip: string; userId?: string }): Promise<void> {
  const { windowSeconds, perAccount, perIp } = VERIFICATION_MAIL_LIMITS;
  const counts = await Promise.all([
    hitRateLimit(`verify-mail:ip:${ip}`, windowSeconds).then((w) => ({ ...w, over: w.count > perIp })),
    ...(userId ? [hitRateLimit(`verify-mail:account:${userId}`, windowSeconds).then((w) => ({ ...w, over: w.count > perAccount }))] : []),
  ]);
  const over = counts.filter((c) => c.over);
  if (over.length > 0) {
    const wait = Math.max(...over.map((c) => c.resetInSeconds), 1);
    throw new RateLimitedError(`Too many verification emails. Try again in ${Math.ceil(wait / 60)} minutes.`, wait);
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
    console.error("email: could not deliver a message:", error instanceof Error ? error.message : "unknown error");
    return false;
  }
}

/** "Resend the link": a new verification link for the signed-in, still unverified user. */
export async function resendVerificationEmail({ user, ip }: { user: { id: string }; ip: string }): Promise<{ email: string; sent: boolean }> {
  const db = await getDb();
  const [account] = await db.select().from(users).where(eq(users.id, user.id));
  if (!account) throw new NotFoundError("Account");
  if (account.emailVerifiedAt) return { email: account.email, sent: false };
  await countVerificationMail({ ip, userId: account.id });
  const data = await latestEmailTokenData(db, account.id, "verify_email");
  const email = await db.transaction((tx) => prepareVerificationEmail(tx, account, data));
  return { email: account.email, sent: await deliverAfterCommit(email) };
}

/** What the link's page shows before the person confirms: whose address it verifies, or null when it is not usable. */
export async function describeVerificationLink(token: string): Promise<{ userId: string; email: string } | null> {
  const record = await findEmailToken(await getDb(), token, "verify_email");
  return record ? { userId: record.userId, email: record.email } : null;
}

/**
 * Uses a verification link: marks the address verified (if it is still the account's address) and, for a
 * sign-up, creates the organisation chosen then. Single use; an expired or used link answers NotFound.
 */
export async function verifyEmail({ token }: { token: string }): Promise<{ userId: string; email: string; orgSlug: string | null }> {
  const db = await getDb();
  return db.transaction(async (tx) => {
    const record = await consumeEmailToken(tx, token, "verify_email");
    if (!record) throw new NotFoundError("Verification link");
    const [user] = await tx.select().from(users).where(eq(users.id, record.userId));
    if (!user || user.email !== record.email) throw new NotFoundError("Verification link");
    await tx.update(users).set({ emailVerifiedAt: sql`coalesce(${users.emailVerifiedAt}, now())` }).where(eq(users.id, user.id));
    const [first] = await tx
      .select({ slug: organizations.slug })
      .from(memberships)
      .innerJoin(organizations, eq(organizations.id, memberships.orgId))
      .where(eq(memberships.userId, user.id))
      .limit(1);
    if (first) return { userId: user.id, email: user.email, orgSlug: first.slug };
    const name = typeof record.data.organizationName === "string" ? record.data.organizationName : null;
    const org = name ? await insertOrganizationWithOwner(tx, user, name) : null;
    return { userId: user.id, email: user.email, orgSlug: org?.slug ?? null };
  });
}
