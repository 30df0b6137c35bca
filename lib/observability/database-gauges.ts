import { sql } from "drizzle-orm";
import { getDatabase } from "@/db/client";
import { rowsOf } from "@/db/json-insert";
import { logError } from "@/lib/log-error";
import { metrics } from "./metrics";

/** A scrape waits this long for the database; past it the gauges keep their last values and say so. */
export const SCRAPE_DATABASE_TIMEOUT_MS = 2000;
/** A sleep this late is overdue: the executor looks for due work every second at most. */
const OVERDUE_AFTER = "5 seconds";
const ACTIVE_RUN_STATES = ["queued", "running", "waiting"] as const;

type Row = Record<string, string | number | null>;

/**
 * The gauges only the database knows, read at scrape time, each through an index (webhook_events_pending_idx,
 * workflow_waits_wake_at_idx) except the runs by state (see docs/operations.md), in one read-only transaction
 * with a statement time-out. They describe the whole installation, so every instance reports the same values.
 */
export async function collectDatabaseGauges(timeoutMs = SCRAPE_DATABASE_TIMEOUT_MS): Promise<void> {
  const m = metrics();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const read = (async () => {
    const handle = await getDatabase();
    return handle.db.transaction(async (tx) => {
      await tx.execute(sql.raw(`set local statement_timeout = ${Math.max(1, Math.floor(timeoutMs))}`));
      const [events] = rowsOf<Row>(
        await tx.execute(sql`select count(*)::int as waiting, coalesce(extract(epoch from now() - min(received_at)), 0)::float8 as oldest from webhook_events where status = 'received'`),
      );
      const runs = rowsOf<Row>(
        await tx.execute(sql`select status, count(*)::int as n from workflow_runs where status in ('queued', 'running', 'waiting') group by status`),
      );
      const [sleepers] = rowsOf<Row>(
        await tx.execute(sql`select count(*)::int as n from workflow_waits where wake_at is not null and wake_at < now() - ${sql.raw(`interval '${OVERDUE_AFTER}'`)}`),
      );
      const connections =
        handle.kind === "postgres"
          ? rowsOf<Row>(
              await tx.execute(
                sql`select coalesce(state, 'unknown') as state, count(*)::int as n from pg_stat_activity where datname = current_database() and application_name = 'messenger-desk' group by 1`,
              ),
            )
          : null;
      return { events, runs, sleepers, connections };
    });
  })();
  read.catch(() => {});
  try {
    const result = await Promise.race([
      read,
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`the database did not answer within ${timeoutMs} ms`)), timeoutMs);
      }),
    ]);
    m.webhookEventsWaiting.set(Number(result.events.waiting));
    m.webhookOldestWaitingSeconds.set(Math.max(0, Number(result.events.oldest)));
    for (const state of ACTIVE_RUN_STATES) m.workflowRuns.set({ state }, Number(result.runs.find((r) => r.status === state)?.n ?? 0));
    m.workflowSleepersOverdue.set(Number(result.sleepers.n));
    if (result.connections) {
      m.databaseConnections.reset();
      for (const row of result.connections) m.databaseConnections.set({ state: String(row.state) }, Number(row.n));
    }
    m.databaseScrapeUp.set(1);
  } catch (error) {
    logError("metrics: the database gauges could not be read", error, "warn");
    m.databaseScrapeUp.set(0);
  } finally {
    clearTimeout(timer);
  }
}
