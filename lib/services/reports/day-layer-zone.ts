import { sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { rowsOf } from "@/db/json-insert";

/**
 * The organisation's time zone, with its day layer (report_daily_counters, report_inbound_hours) in that zone.
 * The layer moves to a new zone in a transaction of its own after the organisation's (`rebuildReportDays`);
 * if that did not happen (the process stopped in between), the first report after does it, before reading.
 */
export async function dayLayerZone(orgId: string): Promise<string> {
  const db = await getDb();
  const [row] = rowsOf<{ zone: string; layer: string | null }>(
    await db.execute(sql`select o.time_zone as zone, z.time_zone as layer from organizations o left join report_day_zones z on z.org_id = o.id where o.id = ${orgId}::uuid`),
  );
  if (!row) return "UTC";
  if (row.layer !== null && row.layer !== row.zone) await rebuildReportDays(orgId);
  return row.zone;
}

/**
 * Recomputes the organisation's day layer in its current time zone (a no-op when it already is). Waits for the
 * rollup writers in flight (an advisory lock they share), so it must run outside any transaction that holds the
 * organisation's row: their foreign-key checks wait on that row, which would deadlock.
 */
export async function rebuildReportDays(orgId: string): Promise<boolean> {
  const db = await getDb();
  const [row] = rowsOf<{ rebuilt: boolean }>(await db.execute(sql`select report_rebuild_days(${orgId}::uuid) as rebuilt`));
  return Boolean(row?.rebuilt);
}
