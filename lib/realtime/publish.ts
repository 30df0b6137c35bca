import { sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { REALTIME_CHANNEL, type RealtimeEvent } from "./events";

/**
 * Tells every app instance about a change. Pass the transaction that makes the change: PostgreSQL delivers a
 * NOTIFY sent inside a transaction only when it commits (and never when it rolls back), so a browser never
 * refetches before the change is visible, nor hears of one that did not happen.
 */
export async function publishRealtime(db: DbOrTx, events: RealtimeEvent | readonly RealtimeEvent[]): Promise<void> {
  const list = Array.isArray(events) ? events : [events as RealtimeEvent];
  if (list.length === 0) return;
  // One statement for the whole list: a webhook batch touching 500 conversations is one round trip, not 500.
  const payloads = JSON.stringify(list.map((event) => JSON.stringify(event)));
  await db.execute(sql`select pg_notify(${REALTIME_CHANNEL}, value) from json_array_elements_text(${payloads}::json)`);
}
