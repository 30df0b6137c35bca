import { sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { botKbState } from "@/db/schema";

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
