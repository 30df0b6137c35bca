import { eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { users } from "@/db/schema";
import { RateLimitedError, UnauthorizedError } from "@/lib/errors";
import { clearRateLimit, hitRateLimit, peekRateLimits, undoRateLimitHit, type WindowCount } from "@/lib/rate-limit";
import { burnPasswordCheck, PASSWORD_MAX_LENGTH, verifyPassword } from "./password";

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
  /** Stamped into the session token (lib/auth/options.ts). */
  sessionVersion: number;
}

function overLimit(window: WindowCount | undefined, allowed: number): WindowCount | null {
  return window && window.count > allowed ? window : null;
}

function refuse(...limited: WindowCount[]): never {
  const wait = Math.max(...limited.map((w) => w.resetInSeconds), 1);
  throw new RateLimitedError("auth.errors.rateLimited", wait);
}

/**
 * Checks an email and password. Every attempt is counted before the password is looked at, atomically
 * (the count comes back from the write), so parallel guesses cannot all pass one read of the counter:
 * an account gets at most `perAccount` argon2 checks per window, however many requests arrive at once.
 * A success takes its attempt back. Refusals happen before any argon2 work.
 */
export async function checkCredentials(emailInput: string, password: string, ip: string): Promise<SignedInUser> {
  const email = emailInput.trim().toLowerCase();
  // No account has such an email or password, so no argon2 work is spent finding that out.
  if (!email || email.length > 254 || !password || password.length > PASSWORD_MAX_LENGTH) throw new UnauthorizedError("auth.errors.invalidCredentials");
  const accountKey = `sign-in:account:${email}`;
  const ipKey = `sign-in:ip:${ip}`;
  const { windowSeconds, perAccount, perIp } = SIGN_IN_LIMITS;
  // The cheap check: a locked account or IP is refused with one read and no write.
  const current = await peekRateLimits([accountKey, ipKey]);
  const spent = [overLimit(current.get(accountKey), perAccount - 1), overLimit(current.get(ipKey), perIp - 1)].filter((w) => w !== null);
  if (spent.length > 0) refuse(...spent);
  const [account, fromIp] = await Promise.all([hitRateLimit(accountKey, windowSeconds), hitRateLimit(ipKey, windowSeconds)]);
  const over = [overLimit(account, perAccount), overLimit(fromIp, perIp)].filter((w) => w !== null);
  if (over.length > 0) refuse(...over);
  const db = await getDb();
  const [user] = await db.select().from(users).where(eq(users.email, email));
  const ok = user ? await verifyPassword(password, user.passwordHash) : (await burnPasswordCheck(password), false);
  if (!ok || !user) throw new UnauthorizedError("auth.errors.invalidCredentials");
  await Promise.all([clearRateLimit(accountKey), undoRateLimitHit(ipKey)]);
  return { id: user.id, email: user.email, name: user.name, sessionVersion: user.sessionVersion };
}
