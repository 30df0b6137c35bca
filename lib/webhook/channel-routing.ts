import { and, inArray, isNull } from "drizzle-orm";
import { getDb } from "@/db/client";
import { channels } from "@/db/schema";
import { open } from "@/lib/crypto/secrets";

/** What the webhook needs to know about a Page, with its secrets opened. Kept in memory briefly. */
export interface ChannelRouting {
  channelId: string;
  orgId: string;
  pageId: string;
  appId: string;
  appSecret: string;
  verifyToken: string;
  active: boolean;
}

// Opening secrets and reading the channel on every POST would dominate the webhook's cost at 1,000 events/s.
// Entries live for a short time; changes made by this instance forget them at once, other instances within TTL.
const TTL_MS = 15_000;
const cache = new Map<string, { routing: ChannelRouting | null; expires: number }>();

export function forgetChannelRouting(pageId?: string): void {
  if (pageId) cache.delete(pageId);
  else cache.clear();
}

export async function getChannelRoutings(pageIds: string[]): Promise<Map<string, ChannelRouting | null>> {
  const now = Date.now();
  const result = new Map<string, ChannelRouting | null>();
  const missing: string[] = [];
  for (const pageId of new Set(pageIds)) {
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
      const routing: ChannelRouting | null = row
        ? {
            channelId: row.id,
            orgId: row.orgId,
            pageId: row.pageId,
            appId: row.appId,
            appSecret: open(row.appSecretSealed),
            verifyToken: open(row.verifyTokenSealed),
            active: row.status === "active",
          }
        : null;
      cache.set(pageId, { routing, expires: now + TTL_MS });
      result.set(pageId, routing);
    }
  }
  return result;
}

export async function getChannelRouting(pageId: string): Promise<ChannelRouting | null> {
  return (await getChannelRoutings([pageId])).get(pageId) ?? null;
}

