import { and, eq, inArray, lt, sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { rateLimits } from "@/db/schema";

export interface WindowCount {
  count: number;
  /** Seconds until the window resets. */
  resetInSeconds: number;
}

/** Expired rows are deleted at most this often per process, from the same code path that writes them. */
const SWEEP_EVERY_MS = 60_000;
let lastSweep = 0;

/**
 * Fixed-window counters kept in the database, so limits hold across app instances and restarts.
 * `hit` counts one more event and returns the new count in one statement (INSERT ... ON CONFLICT ...
 * RETURNING), so parallel callers each see a distinct count: decide on that count, never on a read made
 * before the write.
 */
export async function hitRateLimit(key: string, windowSeconds: number): Promise<WindowCount> {
  const db = await getDb();
  const expired = sql`${rateLimits.expiresAt} <= now()`;
  const [row] = await db
    .insert(rateLimits)
    .values({ key, count: 1, windowStartedAt: sql`now()`, expiresAt: sql`now() + make_interval(secs => ${windowSeconds})` })
    .onConflictDoUpdate({
      target: rateLimits.key,
      set: {
        count: sql`case when ${expired} then 1 else ${rateLimits.count} + 1 end`,
        windowStartedAt: sql`case when ${expired} then now() else ${rateLimits.windowStartedAt} end`,
        expiresAt: sql`case when ${expired} then now() + make_interval(secs => ${windowSeconds}) else ${rateLimits.expiresAt} end`,
      },
    })
    .returning({ count: rateLimits.count, expiresAt: rateLimits.expiresAt });
  await sweepExpiredRateLimits();
  return { count: row.count, resetInSeconds: secondsLeft(row.expiresAt) };
}

/** The current counts of several keys in one read: the cheap check that refuses before any work is done. */
export async function peekRateLimits(keys: string[]): Promise<Map<string, WindowCount>> {
  const db = await getDb();
  const rows = await db
    .select()
    .from(rateLimits)
    .where(and(inArray(rateLimits.key, keys), sql`${rateLimits.expiresAt} > now()`));
  return new Map(rows.map((r) => [r.key, { count: r.count, resetInSeconds: secondsLeft(r.expiresAt) }]));
}

/** Takes back one counted event (an attempt that turned out to succeed). */
export async function undoRateLimitHit(key: string): Promise<void> {
  const db = await getDb();
  await db
    .update(rateLimits)
    .set({ count: sql`greatest(${rateLimits.count} - 1, 0)` })
    .where(eq(rateLimits.key, key));
}

export async function clearRateLimit(key: string): Promise<void> {
  const db = await getDb();
  await db.delete(rateLimits).where(eq(rateLimits.key, key));
}

/** Deletes counters whose window has passed, so one-off keys (every IP, every guessed email) do not pile up. */
export async function sweepExpiredRateLimits(force = false): Promise<number> {
  if (!force && Date.now() - lastSweep < SWEEP_EVERY_MS) return 0;
  lastSweep = Date.now();
  const db = await getDb();
  const deleted = await db.delete(rateLimits).where(lt(rateLimits.expiresAt, sql`now()`)).returning({ key: rateLimits.key });
  return deleted.length;
}

function secondsLeft(expiresAt: Date): number {
  return Math.max(0, Math.ceil((expiresAt.getTime() - Date.now()) / 1000));
}
