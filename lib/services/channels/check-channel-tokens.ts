import { and, asc, eq, gt, isNotNull, isNull } from "drizzle-orm";
import { getDb } from "@/db/client";
import { channels } from "@/db/schema";
import { open } from "@/lib/crypto/secrets";
import { GraphClient } from "@/lib/graph/client";
import { GraphError, GraphNetworkError } from "@/lib/graph/errors";
import { logError } from "@/lib/log-error";
import { platformApp } from "@/lib/meta/platform-app";
import { flagReconnectNeeded, recordChannelError } from "@/lib/services/channel-health";
import { channelAppSecret } from "./channel-secrets";
import type { ChannelRow } from "./queries";

/** Channels per batch (one workflow step): each costs one Graph call. */
export const TOKEN_CHECK_BATCH_SIZE = 50;
// Graph calls in flight at once within a batch: quick enough for thousands of channels, gentle on Meta's limits.
const CONCURRENCY = 5;

export interface TokenCheckBatch {
  /** Meta says the token works. */
  valid: number;
  /** Meta says the token is dead: the channel is flagged "reconnect needed". */
  invalid: number;
  /** Could not be asked (Graph unreachable, the app's own token refused, no platform app configured): tried again tomorrow. */
  unchecked: number;
  /** The last channel id of this batch, to continue after; null when this was the last batch. */
  next: string | null;
}

/**
 * The daily token check, one batch: every live channel that has a Page token (not deleted, not disconnected,
 * switched on or off), in id order after `after`, asked of Meta with `debug_token` using the channel's app
 * (the platform app for Facebook Login channels, the organisation's own app otherwise). Page tokens taken with a
 * long-lived user token never expire but die on a password change or a lost Page role; this finds them before a
 * customer's message goes unanswered. A dead token flags "reconnect needed" with Meta's message and subcode (the
 * owners and admins hear of it once, on the transition); every answered check sets `tokenCheckedAt`.
 */
export async function checkChannelTokensBatch({ after = null, limit = TOKEN_CHECK_BATCH_SIZE }: { after?: string | null; limit?: number } = {}): Promise<TokenCheckBatch> {
  const db = await getDb();
  const rows = await db
    .select()
    .from(channels)
    .where(and(isNull(channels.deletedAt), isNull(channels.disconnectedAt), isNotNull(channels.pageAccessTokenSealed), after ? gt(channels.id, after) : undefined))
    .orderBy(asc(channels.id))
    .limit(limit);
  const result: TokenCheckBatch = { valid: 0, invalid: 0, unchecked: 0, next: rows.length === limit ? rows[rows.length - 1].id : null };
  let index = 0;
  const worker = async () => {
    while (index < rows.length) {
      const outcome = await checkOne(rows[index++]);
      result[outcome]++;
    }
  };
  await Promise.all(Array.from({ length: Math.min(CONCURRENCY, rows.length) }, worker));
  return result;
}

async function checkOne(row: ChannelRow): Promise<"valid" | "invalid" | "unchecked"> {
  const app = row.connection === "facebook_login" ? platformApp() : null;
  const appId = app?.appId ?? row.appId;
  const appSecret = channelAppSecret(row);
  if (appSecret === null || row.pageAccessTokenSealed === null) return "unchecked";
  const db = await getDb();
  let data;
  try {
    ({ data } = await new GraphClient({ version: row.graphApiVersion }).debugToken(open(row.pageAccessTokenSealed), appId, appSecret));
  } catch (error) {
    // Meta refused the question, not the Page token (a wrong app secret answers 190 about the app's token): the
    // health panel says so, and the channel is not flagged for a token that may be fine.
    if (error instanceof GraphError) {
      await recordChannelError(row.orgId, row.id, "connection", `Daily token check could not ask Meta: ${error.reason}`, error.code);
      return "unchecked";
    }
    if (error instanceof GraphNetworkError) return "unchecked";
    logError("channel token check failed", error);
    return "unchecked";
  }
  const now = new Date();
  if (data.is_valid) {
    await db.update(channels).set({ tokenCheckedAt: now }).where(eq(channels.id, row.id));
    return "valid";
  }
  const reason = data.error?.message ?? "Meta reports the Page access token as invalid.";
  await flagReconnectNeeded(row.id, { reason, subcode: data.error?.subcode ?? null });
  await db.update(channels).set({ tokenCheckedAt: now }).where(eq(channels.id, row.id));
  await recordChannelError(row.orgId, row.id, "connection", `Daily token check: ${reason}`, data.error?.code ?? 190);
  return "invalid";
}
