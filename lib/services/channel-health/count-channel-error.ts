import { sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { channelErrors } from "@/db/schema";
import { logError } from "@/lib/log-error";

type ChannelErrorKind = (typeof channelErrors.$inferInsert)["kind"];

/**
 * Counts a problem in the channel's row for this minute (one row per channel, kind and minute). For what a
 * stranger can repeat at will, such as unsigned webhook POSTs: each one adds to a number, never a row.
 * Never throws: a failing error count must not change the answer to Meta.
 */
export async function countChannelError(orgId: string, channelId: string, kind: ChannelErrorKind, reason: string, times = 1): Promise<void> {
  try {
    const db = await getDb();
    await db
      .insert(channelErrors)
      .values({ orgId, channelId, kind, reason: reason.slice(0, 500), minute: sql`date_trunc('minute', now())`, count: times })
      .onConflictDoUpdate({
        target: [channelErrors.channelId, channelErrors.kind, channelErrors.minute],
        set: { count: sql`${channelErrors.count} + excluded.count`, reason: sql`excluded.reason`, at: sql`now()` },
      });
  } catch (error) {
    logError("could not count a channel error", error);
  }
}
