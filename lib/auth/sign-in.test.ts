import { sql } from "drizzle-orm";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { getDb } from "@/db/client";
import { rateLimits, users } from "@/db/schema";
import { RateLimitedError, UnauthorizedError } from "@/lib/errors";
import { hitRateLimit, sweepExpiredRateLimits } from "@/lib/rate-limit";
import { useTestDatabase } from "@/tests/db";
import { hashPassword } from "./password";
import { checkCredentials, SIGN_IN_LIMITS } from "./sign-in";

// Counts the argon2 work: every password check sign-in makes, against a real hash or the throwaway one.
const argon2Checks = vi.hoisted(() => ({ count: 0 }));
vi.mock("./password", async (importOriginal) => {
  const real = await importOriginal<typeof import("./password")>();
  return {
    ...real,
    verifyPassword: async (...args: Parameters<typeof real.verifyPassword>) => {
      argon2Checks.count++;
      return real.verifyPassword(...args);
    },
    burnPasswordCheck: async (password: string) => {
      argon2Checks.count++;
      return real.burnPasswordCheck(password);
    },
  };
});

useTestDatabase();

async function createAccount(email: string, password: string) {
  const db = await getDb();
  await db.insert(users).values({ email, name: "Victim", passwordHash: await hashPassword(password), emailVerifiedAt: new Date() });
}

beforeEach(() => {
  argon2Checks.count = 0;
});

describe("sign-in limits", () => {
  it("40 parallel wrong guesses against one account get exactly the limit's password checks", async () => {
    await createAccount("parallel@example.com", "the-right-password");
    const outcomes = await Promise.allSettled(
      Array.from({ length: 40 }, (_, i) => checkCredentials("parallel@example.com", `guess-${i}`, `10.40.0.${i}`)),
    );
    const reasons = outcomes.map((o) => (o.status === "rejected" ? o.reason : o.value));
    expect(argon2Checks.count).toBe(SIGN_IN_LIMITS.perAccount);
    expect(reasons.filter((r) => r instanceof UnauthorizedError)).toHaveLength(SIGN_IN_LIMITS.perAccount);
    expect(reasons.filter((r) => r instanceof RateLimitedError)).toHaveLength(40 - SIGN_IN_LIMITS.perAccount);
    // The right password during the lockout is refused without being checked.
    await expect(checkCredentials("parallel@example.com", "the-right-password", "10.41.0.1")).rejects.toBeInstanceOf(RateLimitedError);
    expect(argon2Checks.count).toBe(SIGN_IN_LIMITS.perAccount);
  });

  it("parallel guesses from one IP across many accounts stop at the per-IP limit", async () => {
    const outcomes = await Promise.allSettled(
      Array.from({ length: SIGN_IN_LIMITS.perIp + 10 }, (_, i) => checkCredentials(`spray-${i}@example.com`, "password1", "10.42.0.1")),
    );
    expect(argon2Checks.count).toBe(SIGN_IN_LIMITS.perIp);
    expect(outcomes.filter((o) => o.status === "rejected" && o.reason instanceof RateLimitedError)).toHaveLength(10);
  });

  it("a success does not count against the IP, and clears the account's failures", async () => {
    await createAccount("fine@example.com", "right-password");
    for (let i = 0; i < SIGN_IN_LIMITS.perAccount - 1; i++) {
      await expect(checkCredentials("fine@example.com", "wrong", "10.43.0.1")).rejects.toBeInstanceOf(UnauthorizedError);
    }
    expect((await checkCredentials("fine@example.com", "right-password", "10.43.0.1")).email).toBe("fine@example.com");
    const db = await getDb();
    const rows = await db.select().from(rateLimits).where(sql`${rateLimits.key} like 'sign-in:%10.43.0.1' or ${rateLimits.key} = 'sign-in:account:fine@example.com'`);
    expect(rows.map((r) => [r.key, r.count])).toEqual([["sign-in:ip:10.43.0.1", SIGN_IN_LIMITS.perAccount - 1]]);
  });

  it("refuses empty and oversized input before any argon2 work", async () => {
    await expect(checkCredentials("someone@example.com", "x".repeat(1_000_000), "10.44.0.1")).rejects.toBeInstanceOf(UnauthorizedError);
    await expect(checkCredentials(`${"a".repeat(300)}@example.com`, "password", "10.44.0.1")).rejects.toBeInstanceOf(UnauthorizedError);
    await expect(checkCredentials("someone@example.com", "", "10.44.0.1")).rejects.toBeInstanceOf(UnauthorizedError);
    expect(argon2Checks.count).toBe(0);
  });
});

describe("rate-limit rows", () => {
  it("expire: a row whose window has passed is deleted by the sweep, a live one is kept", async () => {
    await hitRateLimit("test:old", 60);
    await hitRateLimit("test:live", 60);
    const db = await getDb();
    await db.execute(sql`update rate_limits set expires_at = now() - interval '1 second' where key = 'test:old'`);
    expect(await sweepExpiredRateLimits(true)).toBeGreaterThanOrEqual(1);
    const keys = (await db.select({ key: rateLimits.key }).from(rateLimits)).map((r) => r.key);
    expect(keys).toContain("test:live");
    expect(keys).not.toContain("test:old");
  });

  it("a passed window counts from one again", async () => {
    await hitRateLimit("test:window", 60);
    await hitRateLimit("test:window", 60);
    const db = await getDb();
    await db.execute(sql`update rate_limits set expires_at = now() - interval '1 second' where key = 'test:window'`);
    expect((await hitRateLimit("test:window", 60)).count).toBe(1);
  });
});
