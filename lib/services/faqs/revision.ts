import { count, eq, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { botKbState, faqEntries } from "@/db/schema";
import { ConflictError } from "@/lib/errors";
import { FAQ_ENTRIES_MAX } from "./constants";

/**
 * Moves the organisation's kbRevision. Every write to its FAQ entries or synonyms calls this in the same
 * transaction, so a matcher (on any instance) that sees the new revision also sees the change, and one that
 * sees the old revision keeps an index that is still right.
 */
export async function bumpKbRevision(tx: DbOrTx, orgId: string): Promise<void> {
  await tx
    .insert(botKbState)
    .values({ orgId, kbRevision: 1 })
    .onConflictDoUpdate({ target: botKbState.orgId, set: { kbRevision: sql`${botKbState.kbRevision} + 1`, updatedAt: sql`now()` } });
}

/**
 * Refuses a write that leaves the organisation with more than `max` entries. Every matcher instance keeps the
 * whole knowledge base of an active organisation in memory, so its size is what bounds that memory; imports
 * are capped per file, and this caps the total. Call it after bumpKbRevision: the revision row's lock makes
 * concurrent writers of one organisation count one after the other.
 */
export async function ensureKbRoom(tx: DbOrTx, orgId: string, max = FAQ_ENTRIES_MAX): Promise<void> {
  const [row] = await tx.select({ n: count() }).from(faqEntries).where(eq(faqEntries.orgId, orgId));
  if ((row?.n ?? 0) > max) throw new ConflictError("faqs.errors.kbFull", { max });
}
