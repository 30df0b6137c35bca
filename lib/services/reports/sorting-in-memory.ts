import { sql, type SQL } from "drizzle-orm";
import { getDb } from "@/db/client";

/**
 * Runs a report query (percentiles, per-person aggregates) with room to sort and hash in memory, planned for its own bounds. A 30-day range of a busy
 * organisation sorts ~100,000 durations per clock; in PostgreSQL's default 4 MB they spill to disk ("external
 * merge"), which measured 30 % slower. postgres.js prepares statements, and after five runs PostgreSQL may
 * reuse a generic plan that guesses 500 rows for any range, which reads the cycles through the heap instead of
 * the ordered clock indexes. JIT off: the per-key queries' estimates (a recursive list of keys is guessed at 100
 * rows) pass `jit_above_cost`, and compiling took ~570 ms of CPU for a query that runs in ~50. Random reads
 * priced as SSD or cache reads (1.1, not the spinning disk's 4): at 4, PostgreSQL read a whole range's cycles
 * from the table (a sequential scan) rather than from the stop's index holding the clocks, which cost a third
 * more CPU. The settings are scoped to the query's own transaction.
 *
 * `hashGroups`: for a query that groups many rows into few groups with no order asked for (subscribers per day).
 * PostgreSQL cannot estimate how many rows survive a filter on an aggregate (it guesses 50) and sorts ~100,000
 * rows to group them; hashing them is what it would choose with the right count (measured 300 -> ~215 ms).
 */
export async function sortingInMemory(query: SQL, options: { hashGroups?: boolean } = {}) {
  const db = await getDb();
  return db.transaction(async (tx) => {
    await tx.execute(sql`select set_config('work_mem', '32MB', true), set_config('plan_cache_mode', 'force_custom_plan', true), set_config('jit', 'off', true),
                            set_config('random_page_cost', '1.1', true), set_config('enable_sort', ${options.hashGroups ? "off" : "on"}, true)`);
    return tx.execute(query);
  });
}
