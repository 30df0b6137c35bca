import { LRUCache } from "lru-cache";

/**
 * The health endpoints are public, so each client address gets HEALTH_REQUESTS_PER_MINUTE of them (a load
 * balancer probing every second uses a quarter). Counted in memory, not in the database: a liveness probe
 * must not need the database, and an unauthenticated request must not write. Memory is bounded: at most
 * MAX_ADDRESSES counters, the least recently seen dropped first, each gone after its minute.
 */
export const HEALTH_REQUESTS_PER_MINUTE = 240;
const MAX_ADDRESSES = 10_000;
const WINDOW_MS = 60_000;

const slot = globalThis as unknown as { __messengerDeskHealthLimit?: LRUCache<string, { count: number; resetAt: number }> };
const counters = (slot.__messengerDeskHealthLimit ??= new LRUCache({ max: MAX_ADDRESSES, ttl: WINDOW_MS }));

/** Counts one request from `address`; the seconds to wait when it is over the limit, else null. */
export function healthRequestRefused(address: string, now = Date.now()): number | null {
  const counter = counters.get(address);
  if (!counter || counter.resetAt <= now) {
    counters.set(address, { count: 1, resetAt: now + WINDOW_MS });
    return null;
  }
  counter.count++;
  return counter.count > HEALTH_REQUESTS_PER_MINUTE ? Math.max(1, Math.ceil((counter.resetAt - now) / 1000)) : null;
}

/** Tests: forget every counter. */
export function resetHealthRateLimit(): void {
  counters.clear();
}
