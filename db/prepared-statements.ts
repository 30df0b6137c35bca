import type { Sql } from "postgres";

/**
 * Makes drizzle's parameterised statements named prepared statements on their connection.
 *
 * drizzle-orm's postgres-js driver runs every query through `sql.unsafe(text, params, { prepare: false })`
 * unless the query was given a name (`.prepare("name")`). postgres.js then sends each one unnamed and, to
 * learn its parameter types, describes it first: two round trips per statement, and PostgreSQL parses and
 * plans it afresh every time. Prepared, a statement text costs that once per connection; afterwards it is one
 * round trip, and PostgreSQL may keep a generic plan. At 1,000 webhook events/s this was a quarter of the
 * app's CPU (the inbox bench).
 *
 * Statement texts are a bounded set (query shapes, and `in (...)` lists by length), and postgres.js
 * recycles each connection within an hour (max_lifetime), which drops its statements. Off with
 * DATABASE_PREPARED_STATEMENTS=false, for a pooler in transaction mode that cannot keep them (PgBouncer
 * before 1.21).
 */
export function preparingStatements(client: Sql): Sql {
  return new Proxy(client, {
    get(target, property) {
      if (property === "unsafe") {
        return (text: string, params?: unknown[], options?: Record<string, unknown>) =>
          target.unsafe(text, params as never, params && params.length > 0 ? { ...options, prepare: true } : options);
      }
      // A transaction's (and a savepoint's) client is a new one: it prepares too.
      if (property === "begin" || property === "savepoint") {
        return (...args: unknown[]) => {
          const fn = args.pop() as (tx: Sql) => unknown;
          return (Reflect.get(target, property) as (...a: unknown[]) => unknown).call(target, ...args, (tx: Sql) => fn(preparingStatements(tx)));
        };
      }
      const value = Reflect.get(target, property) as unknown;
      return typeof value === "function" ? (value as (...a: unknown[]) => unknown).bind(target) : value;
    },
  });
}

/** Whether drizzle's statements are prepared (DATABASE_PREPARED_STATEMENTS, on unless "false" or "0"). */
export function preparedStatementsEnabled(env: Record<string, string | undefined> = process.env): boolean {
  const value = env.DATABASE_PREPARED_STATEMENTS?.trim().toLowerCase();
  return value !== "false" && value !== "0";
}
