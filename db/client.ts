import { mkdirSync } from "node:fs";
import path from "node:path";
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from "drizzle-orm/pg-core";
import type { ExtractTablesWithRelations } from "drizzle-orm";
import * as schema from "./schema";
import { healingClient } from "./healing-postgres";
import { preparedStatementsEnabled, preparingStatements } from "./prepared-statements";
import { migratePglite, migratePostgres, withStartupLock } from "./migrate";

/** The one database type the app codes against, whichever driver is underneath. */
export type Db = PgDatabase<PgQueryResultHKT, typeof schema>;
export type Tx = PgTransaction<PgQueryResultHKT, typeof schema, ExtractTablesWithRelations<typeof schema>>;
/** Either the database or an open transaction: services accept both so they compose inside one transaction. */
export type DbOrTx = Db | Tx;

export type DatabaseKind = "postgres" | "pglite";

export interface DatabaseHandle {
  db: Db;
  kind: DatabaseKind;
  /** Runs raw SQL outside drizzle (migrations, advisory locks, tests). */
  exec(sqlText: string): Promise<void>;
  /**
   * Runs `work` while no other instance of the app runs its start-up work on this database (migrations,
   * the demo seed): the migrations' advisory lock on PostgreSQL; on PGlite one process owns the data, so
   * `work` just runs.
   */
  serialiseStartup<T>(work: () => Promise<T>): Promise<T>;
  /**
   * LISTENs on `channel` and calls `onPayload` with each NOTIFY's payload, from any connection to this
   * database (so from every app instance on one PostgreSQL). NOTIFY sent inside a transaction arrives after
   * it commits, and not at all if it rolls back. Resolves once the LISTEN is in place; the returned function
   * stops listening. PostgreSQL: one dedicated connection for all of the process's channels, outside the
   * query pool, re-established (and re-LISTENed) by postgres.js when it drops.
   */
  listen(channel: string, onPayload: (payload: string) => void): Promise<() => Promise<void>>;
  close(): Promise<void>;
}

export interface OpenOptions {
  /** postgres:// URL; when absent an embedded PGlite database is used. */
  url?: string;
  /** PGlite data folder; `memory://` for an in-memory database. */
  dataDir?: string;
  /**
   * PGlite only: start from this data folder dump (`dumpDataDir`), e.g. an already migrated one. The test suite
   * migrates once and loads the dump per file: a few hundred milliseconds instead of seconds of migrations.
   */
  pgliteDump?: Blob;
  migrate?: boolean;
  /** Max connections for postgres.js. */
  max?: number;
  /** postgres.js only: seconds to wait for a connection; default DATABASE_CONNECT_TIMEOUT or 5. */
  connectTimeoutSeconds?: number;
  /** postgres.js only: longest statement in seconds, enforced by the server; default DATABASE_STATEMENT_TIMEOUT or 30. */
  statementTimeoutSeconds?: number;
}

function secondsFromEnv(name: string, fallback: number): number {
  const value = Number(process.env[name]);
  return Number.isFinite(value) && value > 0 ? value : fallback;
}

export function defaultDataDir(): string {
  return process.env.PGLITE_DIR ?? path.join(process.cwd(), ".data", "pglite");
}

export async function openDatabase(options: OpenOptions = {}): Promise<DatabaseHandle> {
  const migrate = options.migrate !== false;
  return options.url
    ? openPostgres(options.url, options, migrate)
    : openPglite(options.dataDir ?? defaultDataDir(), migrate, options.pgliteDump);
}

async function openPostgres(url: string, options: OpenOptions, migrate = true): Promise<DatabaseHandle> {
  if (migrate) await migratePostgres(url);
  const { default: postgres } = await import("postgres");
  const { drizzle } = await import("drizzle-orm/postgres-js");
  // Without these a request waits 30 s (postgres.js's default) for a database that is down, and a stuck
  // statement holds its connection for ever; with them it fails fast and answers 503 (lib/errors.ts).
  const connectTimeout = options.connectTimeoutSeconds ?? secondsFromEnv("DATABASE_CONNECT_TIMEOUT", 5);
  const statementTimeout = options.statementTimeoutSeconds ?? secondsFromEnv("DATABASE_STATEMENT_TIMEOUT", 30);
  const pool = healingClient(
    () =>
      postgres(url, {
        max: options.max ?? 10,
        connect_timeout: connectTimeout,
        onnotice: () => {},
        connection: { application_name: "messenger-desk", statement_timeout: Math.round(statementTimeout * 1000) },
      }),
    Math.max(5, connectTimeout) * 1000,
  );
  const client = pool.sql;
  const db = drizzle(preparedStatementsEnabled() ? preparingStatements(client) : client, { schema, casing: "snake_case" }) as unknown as Db;
  // LISTEN holds its connection for as long as the process listens: a client of its own, so it neither takes
  // a slot of the query pool nor goes away when the healing pool replaces itself.
  let listener: ReturnType<typeof postgres> | undefined;
  return {
    db,
    kind: "postgres",
    exec: async (sqlText) => {
      await client.unsafe(sqlText);
    },
    serialiseStartup: (work) => withStartupLock(url, () => work()),
    listen: async (channel, onPayload) => {
      listener ??= postgres(url, { max: 1, connect_timeout: connectTimeout, onnotice: () => {}, connection: { application_name: "messenger-desk-listen" } });
      const subscription = await listener.listen(channel, onPayload);
      return () => subscription.unlisten();
    },
    close: async () => {
      await Promise.all([pool.end({ timeout: 5 }), listener?.end({ timeout: 5 })]);
    },
  };
}

async function openPglite(dataDir: string, migrate = true, dump?: Blob): Promise<DatabaseHandle> {
  const { PGlite } = await import("@electric-sql/pglite");
  const { drizzle } = await import("drizzle-orm/pglite");
  if (!dataDir.startsWith("memory://")) mkdirSync(dataDir, { recursive: true });
  // pg_trgm: the inbox search's trigram indexes (migration 0015 creates the extension).
  const { pg_trgm } = await import("@electric-sql/pglite/contrib/pg_trgm");
  const client = await PGlite.create(dataDir, { extensions: { pg_trgm }, ...(dump && { loadDataDir: dump }) });
  if (migrate) await migratePglite(client);
  const db = drizzle(client, { schema, casing: "snake_case" }) as unknown as Db;
  return {
    db,
    kind: "pglite",
    exec: async (sqlText) => {
      await client.exec(sqlText);
    },
    serialiseStartup: (work) => work(),
    listen: async (channel, onPayload) => {
      const unlisten = await client.listen(channel, onPayload);
      return () => unlisten();
    },
    close: () => client.close(),
  };
}

// The handle lives on globalThis: Next may load this module once per bundle layer in one process, and
// PGlite has no file locking, so two handles on one data folder would corrupt it.
const slot = globalThis as unknown as { __messengerDeskDb?: Promise<DatabaseHandle> };

/** The process-wide database, opened (and migrated) on first use from DATABASE_URL or PGlite. */
export function getDatabase(): Promise<DatabaseHandle> {
  slot.__messengerDeskDb ??= openDatabase({ url: process.env.DATABASE_URL || undefined }).catch((error) => {
    slot.__messengerDeskDb = undefined;
    throw error;
  });
  return slot.__messengerDeskDb;
}

export async function getDb(): Promise<Db> {
  return (await getDatabase()).db;
}

/** Tests install their own fresh database. */
export function setDatabase(handle: DatabaseHandle | undefined): void {
  slot.__messengerDeskDb = handle ? Promise.resolve(handle) : undefined;
}
