import { eq, sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { rateLimits } from "@/db/schema";

export interface WindowCount {
  count: number;
  /** Seconds until the window resets. */
  resetInSeconds: number;
}

/**
 * Fixed-window counters kept in the database, so limits hold across app instances and restarts.
 * `hit` counts one more event atomically; `peek` reads without counting.
 */
export async function hitRateLimit(key: string, windowSeconds: number): Promise<WindowCount> {
  const db = await getDb();
  const expired = sql`${rateLimits.windowStartedAt} < now() - make_interval(secs => ${windowSeconds})`;
  const [row] = await db
    .insert(rateLimits)
    .values({ key, count: 1, windowStartedAt: sql`now()` })
    .onConflictDoUpdate({
      target: rateLimits.key,
      set: {
        count: sql`case when ${expired} then 1 else ${rateLimits.count} + 1 end`,
        windowStartedAt: sql`case when ${expired} then now() else ${rateLimits.windowStartedAt} end`,
      },
    })
    .returning({ count: rateLimits.count, windowStartedAt: rateLimits.windowStartedAt });
  return { count: row.count, resetInSeconds: secondsLeft(row.windowStartedAt, windowSeconds) };
}

export async function peekRateLimit(key: string, windowSeconds: number): Promise<WindowCount> {
  const db = await getDb();
  const [row] = await db.select().from(rateLimits).where(eq(rateLimits.key, key));
  if (!row || secondsLeft(row.windowStartedAt, windowSeconds) <= 0) return { count: 0, resetInSeconds: 0 };
  return { count: row.count, resetInSeconds: secondsLeft(row.windowStartedAt, windowSeconds) };
}

export async function clearRateLimit(key: string): Promise<void> {
  const db = await getDb();
  await db.delete(rateLimits).where(eq(rateLimits.key, key));
}

function secondsLeft(windowStartedAt: Date, windowSeconds: number): number {
  return Math.max(0, Math.ceil((windowStartedAt.getTime() + windowSeconds * 1000 - Date.now()) / 1000));
}
