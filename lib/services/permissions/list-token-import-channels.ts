import { and, asc, eq, gt, isNotNull, isNull } from "drizzle-orm";
import { getDb } from "@/db/client";
import { channels } from "@/db/schema";
import { marketingEligibility } from "./marketing-eligibility";

/** Channels read per call of the daily import's planner. */
export const IMPORT_CHANNEL_BATCH = 500;

/**
 * One batch of the channels the daily import covers (instance-wide, in id order after `after`): active,
 * connected, not deleted and eligible for Marketing Messages (region, business country, ad account). `next` is
 * the cursor of the following batch, null after the last.
 */
export async function listTokenImportChannels({ after = null }: { after?: string | null } = {}): Promise<{ channels: { orgId: string; channelId: string }[]; next: string | null }> {
  const db = await getDb();
  const rows = await db
    .select({ id: channels.id, orgId: channels.orgId, messagingRegion: channels.messagingRegion, businessCountry: channels.businessCountry, adAccountId: channels.adAccountId })
    .from(channels)
    .where(and(isNull(channels.deletedAt), eq(channels.status, "active"), isNotNull(channels.adAccountId), isNotNull(channels.pageAccessTokenSealed), after ? gt(channels.id, after) : undefined))
    .orderBy(asc(channels.id))
    .limit(IMPORT_CHANNEL_BATCH);
  return {
    channels: rows.filter((row) => marketingEligibility(row).eligible).map((row) => ({ orgId: row.orgId, channelId: row.id })),
    next: rows.length === IMPORT_CHANNEL_BATCH ? rows[rows.length - 1].id : null,
  };
}
