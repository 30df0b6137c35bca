import path from "node:path";

const migrationsFolder = path.join(process.cwd(), "db", "migrations");
// Any constant works; it only has to be the same for every instance of the app.
const MIGRATION_LOCK_ID = 727_001;

/**
 * Runs `work` while holding the instances' start-up lock: a session advisory lock on a dedicated connection,
 * so instances that start at once on one database take turns. `work` receives that connection; it may also
 * use other connections (the lock is held until it returns). No statement timeout: waiting for the other
 * instance's turn may take as long as its turn does.
 */
export async function withStartupLock<T>(url: string, work: (client: import("postgres").Sql) => Promise<T>): Promise<T> {
  const { default: postgres } = await import("postgres");
  const client = postgres(url, { max: 1, onnotice: () => {} });
  try {
    await client`select pg_advisory_lock(${MIGRATION_LOCK_ID})`;
    return await work(client);
  } finally {
    await client`select pg_advisory_unlock(${MIGRATION_LOCK_ID})`.catch(() => {});
    await client.end({ timeout: 5 });
  }
}

/**
 * Applies the committed drizzle-kit migrations to a PostgreSQL server under the start-up lock: the second
 * instance waits, then finds nothing to apply.
 */
export async function migratePostgres(url: string): Promise<void> {
  const { drizzle } = await import("drizzle-orm/postgres-js");
  const { migrate } = await import("drizzle-orm/postgres-js/migrator");
  await withStartupLock(url, (client) => migrate(drizzle(client), { migrationsFolder }));
}

/** Applies the migrations to an embedded PGlite database (one process owns it, so no lock is needed). */
export async function migratePglite(client: import("@electric-sql/pglite").PGlite): Promise<void> {
  const { drizzle } = await import("drizzle-orm/pglite");
  const { migrate } = await import("drizzle-orm/pglite/migrator");
  await migrate(drizzle(client), { migrationsFolder });
}
