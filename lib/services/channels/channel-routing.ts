import { and, inArray, isNull } from "drizzle-orm";
import { getDb } from "@/db/client";
import { channels } from "@/db/schema";
import { LruCache } from "@/lib/cache/lru";
import { open } from "@/lib/crypto/secrets";
import { channelAppSecret } from "./channel-secrets";

/** What the webhook needs to know about a Page, with its secrets opened. Kept in memory briefly. */
export interface ChannelRouting {
  channelId: string;
  orgId: string;
  pageId: string;
  appId: string;
  /** Null when a Facebook Login channel outlived the platform app's configuration: nothing verifies then. */
  appSecret: string | null;
  connection: "manual" | "facebook_login";
  verifyToken: string;
  active: boolean;
}

/** Meta's Page ids are decimal numbers; anything else is refused before it reaches the cache or the database. */
const PAGE_ID = /^\d{1,25}$/;

export function isPageId(value: string): boolean {
  return PAGE_ID.test(value);
}

// Opening secrets and reading the channel on every POST would dominate the webhook's cost at 1,000 events/s.
// Entries live for a short time; changes made by this instance forget them at once, other instances within TTL.
// Only connected Pages are cached: the webhook is unauthenticated until the signature is checked, so an
// unknown Page id must never take a place in memory (each one would, forever, before the cap existed).
const TTL_MS = 15_000;
export const ROUTING_CACHE_CAPACITY = 10_000;
const cache = new LruCache<string, { routing: ChannelRouting; expires: number }>(ROUTING_CACHE_CAPACITY);

export function forgetChannelRouting(pageId?: string): void {
  if (pageId) cache.delete(pageId);
  else cache.clear();
}

/** How many Pages the routing cache holds now (for tests and diagnostics). */
export function channelRoutingCacheSize(): number {
  return cache.size;
}

export async function getChannelRoutings(pageIds: string[]): Promise<Map<string, ChannelRouting | null>> {
  const now = Date.now();
  const result = new Map<string, ChannelRouting | null>();
  const missing: string[] = [];
  for (const pageId of new Set(pageIds)) {
    if (!isPageId(pageId)) {
      result.set(pageId, null);
      continue;
    }
    const hit = cache.get(pageId);
    if (hit && hit.expires > now) result.set(pageId, hit.routing);
    else missing.push(pageId);
  }
  if (missing.length > 0) {
    const db = await getDb();
    const rows = await db
      .select()
      .from(channels)
      .where(and(inArray(channels.pageId, missing), isNull(channels.deletedAt)));
    for (const pageId of missing) {
      const row = rows.find((r) => r.pageId === pageId);
      if (!row) {
        cache.delete(pageId);
        result.set(pageId, null);
        continue;
      }
      const routing: ChannelRouting = {
        channelId: row.id,
        orgId: row.orgId,
        pageId: row.pageId,
        appId: row.appId,
        appSecret: channelAppSecret(row),
        connection: row.connection,
        verifyToken: open(row.verifyTokenSealed),
        active: row.status === "active",
      };
      cache.set(pageId, { routing, expires: now + TTL_MS });
      result.set(pageId, routing);
    }
  }
  return result;
}

export async function getChannelRouting(pageId: string): Promise<ChannelRouting | null> {
  return (await getChannelRoutings([pageId])).get(pageId) ?? null;
}

