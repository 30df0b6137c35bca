import { and, inArray, lte, ne, sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { messagePermissions } from "@/db/schema";

/** Rows marked per call: one short statement, so the sweep never holds many locks for long. */
export const EXPIRE_BATCH_SIZE = 1000;

/**
 * Marks up to EXPIRE_BATCH_SIZE recurring / marketing permissions whose expiry has passed as expired
 * (instance-wide, no org: run by the expire-message-permissions cron). Returns how many it marked; safe to run
 * twice. Reads already treat a passed expiry as expired, so a late sweep shows nothing wrong.
 */
export async function expireMessagePermissionsBatch(now: Date = new Date()): Promise<number> {
  const db = await getDb();
  const due = db
    .select({ id: messagePermissions.id })
    .from(messagePermissions)
    .where(and(ne(messagePermissions.status, "expired"), lte(messagePermissions.expiresAt, now)))
    .limit(EXPIRE_BATCH_SIZE)
    .for("update", { skipLocked: true });
  const marked = await db
    .update(messagePermissions)
    .set({ status: "expired", updatedAt: sql`now()` })
    .where(inArray(messagePermissions.id, due))
    .returning({ id: messagePermissions.id });
  return marked.length;
}
