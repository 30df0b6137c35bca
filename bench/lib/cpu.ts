import { readdirSync, readFileSync } from "node:fs";

/** CPU time of processes, read from /proc (Linux): robust when other work shares the machine. */
const CLOCK_TICKS_PER_SECOND = 100; // Linux USER_HZ

function statFields(pid: string | number): string[] | null {
  try {
    return readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1].split(" ");
  } catch {
    return null; // the process ended meanwhile
  }
}

/** CPU seconds (user + system) the process has used so far. */
export function cpuSeconds(pid: number): number {
  const fields = statFields(pid);
  return fields ? (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS_PER_SECOND : 0;
}

/** CPU seconds used so far by every live process of a process group (e.g. `npx next start` and its server). */
export function groupCpuSeconds(pgid: number): number {
  let total = 0;
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    const fields = statFields(entry);
    if (fields && Number(fields[2]) === pgid) total += (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS_PER_SECOND;
  }
  return total;
}

/** CPU seconds used so far by every live process whose command name is `name` (e.g. "postgres"). */
export function commandCpuSeconds(name: string): number {
  let total = 0;
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    let comm: string;
    try {
      comm = readFileSync(`/proc/${entry}/comm`, "utf8").trim();
    } catch {
      continue;
    }
    if (comm !== name) continue;
    const fields = statFields(entry);
    if (fields) total += (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS_PER_SECOND;
  }
  return total;
}

/** Per-process CPU seconds of the PostgreSQL backends connected to the database `db` reaches, read from /proc. */
export async function databaseBackendsCpu(db: { execute: (q: ReturnType<typeof import("drizzle-orm").sql>) => Promise<unknown> }): Promise<Map<number, number>> {
  const { sql } = await import("drizzle-orm");
  const { rowsOf } = await import("@/db/json-insert");
  const pids = rowsOf<{ pid: number }>(await db.execute(sql`select pid from pg_stat_activity where datname = current_database() and backend_type = 'client backend'`));
  return new Map(pids.map(({ pid }) => [pid, cpuSeconds(pid)]));
}

/**
 * CPU seconds the database's backends used between two readings: each live backend's growth, and all of a
 * backend that connected meanwhile (one that ended meanwhile is not counted: keep the pools open while measuring).
 */
export function backendsCpuSecondsBetween(before: Map<number, number>, after: Map<number, number>): number {
  let total = 0;
  for (const [pid, seconds] of after) total += seconds - (before.get(pid) ?? 0);
  return total;
}
