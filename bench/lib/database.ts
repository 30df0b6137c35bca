import { randomBytes } from "node:crypto";
import { sql } from "drizzle-orm";
import { openDatabase, type DatabaseHandle } from "@/db/client";
import { rowsOf } from "@/db/json-insert";

export interface BenchDatabase {
  handle: DatabaseHandle;
  /** postgres URL of the fresh database (undefined on PGlite). */
  url?: string;
  drop: () => Promise<void>;
}

/**
 * A fresh, migrated database for one benchmark: a new database on the PostgreSQL server in `serverUrl`
 * (DATABASE_URL by default), dropped afterwards; an in-memory PGlite database when there is no server.
 */
export async function benchDatabase(tag: string, serverUrl = process.env.DATABASE_URL): Promise<BenchDatabase> {
  if (!serverUrl) {
    const handle = await openDatabase({ dataDir: "memory://" });
    return { handle, drop: () => handle.close() };
  }
  // BENCH_DATABASE_PREFIX: a machine shared by several runs names each one's databases apart.
  const name = `${process.env.BENCH_DATABASE_PREFIX ?? "md_bench"}_${tag}_${randomBytes(4).toString("hex")}`;
  const { default: postgres } = await import("postgres");
  const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  // The benchmark's own connection seeds what it measures (a million tokens in one statement): no statement
  // timeout for it. The app under test keeps the production default (DATABASE_STATEMENT_TIMEOUT).
  const handle = await openDatabase({ url: url.toString(), max: 10, statementTimeoutSeconds: 0 });
  return {
    handle,
    url: url.toString(),
    drop: async () => {
      await handle.close();
      await admin.unsafe(`drop database if exists ${name} with (force)`);
      await admin.end();
    },
  };
}

/**
 * Waits until the app's built-in executor has synced its functions into this database. An event sent before
 * that matches no function (as with Inngest), and a webhook batch would wait for the sweeper's next minute.
 */
export async function waitForWorkflowSync(handle: DatabaseHandle, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const rows = rowsOf<{ n: number }>(await handle.db.execute(sql`select count(*)::int as n from workflow_functions`));
    if ((rows[0]?.n ?? 0) > 0) return;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error("the app's workflow functions were not synced within a minute");
}
