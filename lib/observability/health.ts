import { readFileSync } from "node:fs";
import path from "node:path";
import { sql } from "drizzle-orm";
import { getDatabase, type DatabaseHandle } from "@/db/client";
import { rowsOf } from "@/db/json-insert";
import { logError } from "@/lib/log-error";
import { lastExecutorLoopAt } from "@/lib/workflows/engine/last-loop";
import { executorEnabled, workflowMode } from "@/lib/workflows/wiring/mode";

/**
 * Readiness: may this instance take traffic? The database answers within READY_TIMEOUT_MS, every committed
 * migration is applied, and the built-in executor, where this instance runs it, went round its loop lately.
 * Each check reports its state and time; what went wrong is said in a few fixed words (the endpoint is
 * public: no host names, no driver messages), and the details go to the log.
 */
export const READY_TIMEOUT_MS = 2000;
/** The executor's loop goes round at least every poll (a second at most) or back-off (10 s at most). */
export const EXECUTOR_STALE_MS = 60_000;

export type CheckState = "ok" | "failing" | "skipped";
export interface CheckResult {
  state: CheckState;
  ms: number;
  detail?: string;
}
export interface Readiness {
  ready: boolean;
  checks: { database: CheckResult; migrations: CheckResult; executor: CheckResult };
}

class CheckFailed extends Error {}

function withTimeout<T>(work: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new CheckFailed(`${what} did not answer within ${ms} ms`)), ms);
  });
  work.catch(() => {}); // answered after the time-out: nobody is waiting any more
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

async function timed(name: string, check: () => Promise<string | undefined>): Promise<CheckResult> {
  const started = performance.now();
  const ms = () => Math.round((performance.now() - started) * 10) / 10;
  try {
    const detail = await check();
    return detail === "skipped" ? { state: "skipped", ms: ms() } : { state: "ok", ms: ms(), ...(detail && { detail }) };
  } catch (error) {
    if (error instanceof CheckFailed) return { state: "failing", ms: ms(), detail: error.message };
    logError(`health: the ${name} check failed`, error, "warn");
    return { state: "failing", ms: ms(), detail: `${name} check failed` };
  }
}

let journal: { count: number; lastWhen: number } | undefined;
/** The committed migrations (db/migrations/meta/_journal.json), read once per process. */
function committedMigrations(): { count: number; lastWhen: number } {
  if (!journal) {
    const file = path.join(process.cwd(), "db", "migrations", "meta", "_journal.json");
    const entries = (JSON.parse(readFileSync(file, "utf8")) as { entries: { when: number }[] }).entries;
    journal = { count: entries.length, lastWhen: Math.max(0, ...entries.map((e) => e.when)) };
  }
  return journal;
}

/** drizzle's migrator records each applied migration with the journal's `when` as created_at. */
async function migrationsCurrent(handle: DatabaseHandle): Promise<string | undefined> {
  const { count, lastWhen } = committedMigrations();
  const [row] = rowsOf<{ applied: number; last: string | number }>(
    await handle.db.execute(sql`select count(*)::int as applied, coalesce(max(created_at), 0)::bigint as last from drizzle.__drizzle_migrations`),
  );
  if (Number(row.last) < lastWhen) throw new CheckFailed(`${count - Number(row.applied)} of ${count} migrations not applied`);
  return undefined;
}

function executorCheck(): string | undefined {
  if (workflowMode().kind !== "built-in") return "skipped";
  // A web-only instance (WORKFLOW_EXECUTOR=off on PostgreSQL) runs no executor; with PGlite it always does.
  if (!executorEnabled() && process.env.DATABASE_URL) return "skipped";
  const at = lastExecutorLoopAt();
  if (at === undefined) throw new CheckFailed("the workflow executor has not started");
  const age = Date.now() - at;
  if (age > EXECUTOR_STALE_MS) throw new CheckFailed(`the workflow executor's loop last ran ${Math.round(age / 1000)} s ago`);
  return undefined;
}

export async function checkReadiness(timeoutMs = READY_TIMEOUT_MS): Promise<Readiness> {
  let handle: DatabaseHandle | undefined;
  const database = await timed("database", async () => {
    handle = await withTimeout(
      getDatabase().then(async (h) => {
        await h.db.execute(sql`select 1`);
        return h;
      }),
      timeoutMs,
      "the database",
    );
    return undefined;
  });
  const skippedAfterDatabase: CheckResult = { state: "failing", ms: 0, detail: "not checked: the database is not answering" };
  const migrations = handle ? await timed("migrations", () => withTimeout(migrationsCurrent(handle!), timeoutMs, "the migrations table")) : skippedAfterDatabase;
  const executor = await timed("executor", async () => executorCheck());
  const checks = { database, migrations, executor };
  return { ready: Object.values(checks).every((c) => c.state !== "failing"), checks };
}

// A flood of probes from many addresses still reaches the database at most once per READY_CACHE_MS: callers
// within it share one answer (and one check in flight).
const READY_CACHE_MS = 1000;
const cache = globalThis as unknown as { __messengerDeskReadiness?: { at: number; result: Promise<Readiness> } };

export function cachedReadiness(now = Date.now()): Promise<Readiness> {
  const cached = cache.__messengerDeskReadiness;
  if (cached && now - cached.at < READY_CACHE_MS) return cached.result;
  const result = checkReadiness();
  cache.__messengerDeskReadiness = { at: now, result };
  return result;
}

/** Tests: the next readiness call checks afresh. */
export function forgetCachedReadiness(): void {
  cache.__messengerDeskReadiness = undefined;
}
