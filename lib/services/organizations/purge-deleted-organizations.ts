import { and, asc, eq, isNotNull, lte } from "drizzle-orm";
import { getDb } from "@/db/client";
import { organizations } from "@/db/schema";

/** Organisations removed per call: each is one cascading delete, so a call stays short. */
export const PURGE_BATCH_SIZE = 20;

/**
 * Removes organisations whose grace period has ended, with all their rows (every tenant table cascades from
 * organizations; the audit log goes too, as there is nobody left to read it). System work, no org context:
 * the daily purge workflow calls it. Each delete re-checks `deleteAfter`, so an organisation restored since
 * it was listed is kept. Returns how many were removed.
 */
export async function purgeDeletedOrganizations({ now = new Date(), limit = PURGE_BATCH_SIZE }: { now?: Date; limit?: number } = {}): Promise<number> {
  const db = await getDb();
  const due = await db
    .select({ id: organizations.id })
    .from(organizations)
    .where(and(isNotNull(organizations.deleteAfter), lte(organizations.deleteAfter, now)))
    .orderBy(asc(organizations.deleteAfter))
    .limit(limit);
  let removed = 0;
  for (const { id } of due) {
    const gone = await db
      .delete(organizations)
      .where(and(eq(organizations.id, id), isNotNull(organizations.deleteAfter), lte(organizations.deleteAfter, now)))
      .returning({ id: organizations.id });
    removed += gone.length;
  }
  return removed;
}
