import { inArray, lt } from "drizzle-orm";
import { getDb } from "@/db/client";
import { channelErrors } from "@/db/schema";

/** How long the health panel's problems are kept: long enough to look back a month, bounded whatever the rate. */
export const CHANNEL_ERROR_RETENTION_DAYS = 30;
export const PRUNE_BATCH_SIZE = 5_000;

/**
 * Deletes one batch of channel errors older than the retention period and says how many went. Batches keep
 * each statement short, so a large backlog never holds locks that the webhook's error counting waits on.
 */
export async function pruneChannelErrorsBatch(now = new Date(), batchSize = PRUNE_BATCH_SIZE): Promise<number> {
  const cutoff = new Date(now.getTime() - CHANNEL_ERROR_RETENTION_DAYS * 86_400_000);
  const db = await getDb();
  const old = db.select({ id: channelErrors.id }).from(channelErrors).where(lt(channelErrors.at, cutoff)).limit(batchSize);
  const deleted = await db.delete(channelErrors).where(inArray(channelErrors.id, old)).returning({ id: channelErrors.id });
  return deleted.length;
}
