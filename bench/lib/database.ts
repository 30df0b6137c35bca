import { randomBytes } from "node:crypto";
import { openDatabase, type DatabaseHandle } from "@/db/client";

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
  const name = `md_bench_${tag}_${randomBytes(4).toString("hex")}`;
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
