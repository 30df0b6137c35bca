import { and, eq, isNull, sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { channels, contacts, messagePermissions } from "@/db/schema";
import { recordSystemAudit } from "@/lib/audit";
import { sha256Hex } from "@/lib/crypto/hash";
import { seal } from "@/lib/crypto/secrets";
import { NotFoundError } from "@/lib/errors";
import { GraphClient } from "@/lib/graph/client";
import { GraphError } from "@/lib/graph/errors";
import { listSubscriptionTokens, MAX_TOKEN_PAGE, nextTokenCursor, type SubscriptionTokenEntry } from "@/lib/graph/message-tokens";
import { flagReconnectNeeded } from "@/lib/services/channel-health";
import { openPageToken } from "@/lib/services/channels";
import type { AvailabilityReason } from "./constants";
import { marketingEligibility } from "./marketing-eligibility";

/** What an import counted: tokens Meta listed, stored now, and already in the ledger (an opt-in captured them, or an earlier import). */
export interface TokenImportCounts {
  seen: number;
  imported: number;
  alreadyKnown: number;
}

/** One page imported: its counts and the cursor of the next page (null: that was the last), or the reason the channel may not import. */
export type TokenImportPage = ({ state: "imported"; after: string | null } & TokenImportCounts) | { state: "refused"; reason: AvailabilityReason };

export const NO_TOKENS: TokenImportCounts = { seen: 0, imported: 0, alreadyKnown: 0 };

export function addCounts(a: TokenImportCounts, b: TokenImportCounts): TokenImportCounts {
  return { seen: a.seen + b.seen, imported: a.imported + b.imported, alreadyKnown: a.alreadyKnown + b.alreadyKnown };
}

/**
 * Imports one page (up to 1,000) of the channel's subscription tokens from Meta's token list
 * (`/{page}/notification_message_tokens`, each person's newest token only) into the permissions ledger, as
 * kind marketing, source import: each token sealed, its person's contact made when missing, its expiry, time
 * zone and topic as Meta gives them. A token the ledger already holds (same hash: an opt-in webhook captured it,
 * or an earlier import did) is left as it is, so running an import again, or a page again after a crash, stores
 * only what is missing. One page in memory at a time. System-level (the workflow's step): the event's
 * organisation was re-checked; the channel must still be of it, not deleted, and eligible.
 */
export async function importSubscriptionTokenPage({ orgId, channelId, after = null, now = new Date() }: { orgId: string; channelId: string; after?: string | null; now?: Date }): Promise<TokenImportPage> {
  const db = await getDb();
  const [channel] = await db
    .select()
    .from(channels)
    .where(and(eq(channels.orgId, orgId), eq(channels.id, channelId), isNull(channels.deletedAt)));
  if (!channel) throw new NotFoundError("channels.errors.notFound");
  const eligibility = marketingEligibility(channel);
  if (!eligibility.eligible) return { state: "refused", reason: eligibility.reason };

  const graph = new GraphClient({ version: channel.graphApiVersion });
  let page;
  try {
    page = await listSubscriptionTokens(graph, channel.pageId, openPageToken(channel), { after, limit: MAX_TOKEN_PAGE });
  } catch (error) {
    if (error instanceof GraphError && error.code === 190) await flagReconnectNeeded(channel.id, { reason: error.reason, subcode: error.subcode ?? null });
    throw error;
  }
  const counts = await storeTokens({ orgId, channelId: channel.id, entries: page.data ?? [], now });
  return { state: "imported", after: nextTokenCursor(page), ...counts };
}

async function storeTokens({ orgId, channelId, entries, now }: { orgId: string; channelId: string; entries: SubscriptionTokenEntry[]; now: Date }): Promise<TokenImportCounts> {
  // Meta lists each token once; should a page repeat one, it counts once.
  const byToken = new Map<string, SubscriptionTokenEntry>();
  for (const entry of entries) if (entry.notification_messages_token && entry.recipient_id) byToken.set(entry.notification_messages_token, entry);
  const tokens = [...byToken.values()];
  if (tokens.length === 0) return { ...NO_TOKENS };
  const db = await getDb();
  const imported = await db.transaction(async (tx) => {
    const psids = [...new Set(tokens.map((t) => t.recipient_id))];
    // The people as contacts of the channel, made when missing (one statement; the no-op update returns existing ones too).
    const people = await tx
      .insert(contacts)
      .values(psids.map((psid) => ({ orgId, channelId, psid })))
      .onConflictDoUpdate({ target: [contacts.channelId, contacts.psid], set: { updatedAt: sql`${contacts.updatedAt}` } })
      .returning({ id: contacts.id, psid: contacts.psid });
    const contactOf = new Map(people.map((p) => [p.psid, p.id]));
    const rows = tokens.map((t) => {
      const expiresAt = typeof t.token_expiry_timestamp === "number" ? new Date(t.token_expiry_timestamp) : null;
      return {
        orgId,
        channelId,
        contactId: contactOf.get(t.recipient_id) ?? null,
        psid: t.recipient_id,
        kind: "marketing" as const,
        topic: t.topic_title || null,
        frequency: null,
        userTimeZone: t.notification_messages_timezone || null,
        tokenSealed: seal(t.notification_messages_token),
        tokenHash: sha256Hex(t.notification_messages_token),
        status: expiresAt !== null && expiresAt <= now ? ("expired" as const) : ("active" as const),
        source: "import",
        sourceRef: { list: "notification_message_tokens", importedAt: now.toISOString(), userTokenStatus: t.user_token_status ?? null },
        optedInAt: typeof t.creation_timestamp === "number" ? new Date(t.creation_timestamp) : now,
        expiresAt,
      };
    });
    const inserted = await tx.insert(messagePermissions).values(rows).onConflictDoNothing({ target: messagePermissions.tokenHash }).returning({ id: messagePermissions.id });
    return inserted.length;
  });
  return { seen: tokens.length, imported, alreadyKnown: tokens.length - imported };
}

/**
 * The whole import in one call, page after page until Meta has no next page: what the workflow does step by
 * step, for scripts and tests. Returns the totals, or the refusal when the channel is not eligible.
 */
export async function importSubscriptionTokens({ orgId, channelId, after = null }: { orgId: string; channelId: string; after?: string | null }): Promise<({ state: "imported"; pages: number } & TokenImportCounts) | { state: "refused"; reason: AvailabilityReason }> {
  let totals = { ...NO_TOKENS };
  let cursor = after;
  for (let pages = 1; ; pages++) {
    const page = await importSubscriptionTokenPage({ orgId, channelId, after: cursor });
    if (page.state === "refused") return page;
    totals = addCounts(totals, page);
    if (!page.after) return { state: "imported", pages, ...totals };
    cursor = page.after;
  }
}

/**
 * The audit row of a finished import (completed, refused on the way, or failed for good): the channel page shows
 * the latest. Only for a channel of that organisation (a failure handler may hold any event).
 */
export async function recordSubscriptionTokenImport({ orgId, channelId, result }: { orgId: string; channelId: string; result: TokenImportResult }): Promise<void> {
  const db = await getDb();
  const [channel] = await db.select({ id: channels.id }).from(channels).where(and(eq(channels.orgId, orgId), eq(channels.id, channelId)));
  if (!channel) return;
  await recordSystemAudit(db, orgId, { action: "channel.subscription_tokens_imported", resourceId: channel.id, after: result });
}

/** What the audit log keeps of an import: how it ended (with the reason when refused, Meta's words when failed), who started it, its counts. */
export interface TokenImportResult extends TokenImportCounts {
  outcome: "completed" | "refused" | "failed";
  reason?: AvailabilityReason;
  error?: string | null;
  trigger: "member" | "daily";
}
