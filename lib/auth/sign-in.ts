import { eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { users } from "@/db/schema";
import { RateLimitedError, UnauthorizedError } from "@/lib/errors";
import { clearRateLimit, hitRateLimit, peekRateLimit } from "@/lib/rate-limit";
import { burnPasswordCheck, verifyPassword } from "./password";

// Failed attempts allowed per window: per account (guessing one password) and per IP (spraying many accounts).
export const SIGN_IN_LIMITS = {
  windowSeconds: 15 * 60,
  perAccount: Number(process.env.SIGN_IN_MAX_FAILURES_PER_ACCOUNT ?? 5),
  perIp: Number(process.env.SIGN_IN_MAX_FAILURES_PER_IP ?? 30),
};

export interface SignedInUser {
  id: string;
  email: string;
  name: string;
}

/**
 * Checks an email and password. Refuses with RateLimitedError once an account or an IP has used up its
 * failures (before looking at the password, so a correct guess during a lockout teaches nothing).
 */
export async function checkCredentials(emailInput: string, password: string, ip: string): Promise<SignedInUser> {
  const email = emailInput.trim().toLowerCase();
  const accountKey = `sign-in:account:${email}`;
  const ipKey = `sign-in:ip:${ip}`;
  const { windowSeconds, perAccount, perIp } = SIGN_IN_LIMITS;
  const [account, fromIp] = await Promise.all([peekRateLimit(accountKey, windowSeconds), peekRateLimit(ipKey, windowSeconds)]);
  if (account.count >= perAccount || fromIp.count >= perIp) {
    const wait = Math.max(account.count >= perAccount ? account.resetInSeconds : 0, fromIp.count >= perIp ? fromIp.resetInSeconds : 0);
    throw new RateLimitedError(`Too many failed sign-in attempts. Try again in ${Math.ceil(wait / 60)} minutes.`, wait);
  }
  const db = await getDb();
  const [user] = await db.select().from(users).where(eq(users.email, email));
  const ok = user ? await verifyPassword(password, user.passwordHash) : (await burnPasswordCheck(password), false);
  if (!ok || !user) {
    await Promise.all([hitRateLimit(accountKey, windowSeconds), hitRateLimit(ipKey, windowSeconds)]);
    throw new UnauthorizedError("Incorrect email or password.");
  }
  await clearRateLimit(accountKey);
  return { id: user.id, email: user.email, name: user.name };
}
