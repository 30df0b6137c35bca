import { getTableColumns, sql, type SQL } from "drizzle-orm";
import { toSnakeCase } from "drizzle-orm/casing";
import type { PgColumn, PgTable } from "drizzle-orm/pg-core";

/**
 * `insert into <table> (<columns>) select … from json_to_recordset($1)`: many rows sent as one JSON
 * parameter. Drizzle's own multi-row insert binds a parameter per value and costs about 50 µs of
 * synchronous CPU a row (25 ms for 500 messages), which blocks the event loop that answers Meta's
 * webhooks; this costs one JSON.stringify. Rows have the table's insert type; JS-side defaults
 * ($defaultFn, such as UUIDv7 ids) are applied here, database defaults by PostgreSQL.
 * The caller appends `on conflict …` and `returning …`, and reads the answer with `rowsOf`.
 */
export function insertFromJson<T extends PgTable>(table: T, rows: T["$inferInsert"][]): SQL {
  if (rows.length === 0) throw new Error("insertFromJson needs at least one row");
  const columns = Object.entries(getTableColumns(table) as Record<string, PgColumn>)
    .filter(([key, column]) => column.defaultFn !== undefined || rows.some((row) => (row as Record<string, unknown>)[key] !== undefined))
    .map(([key, column]) => ({ key, column, name: column.keyAsName ? toSnakeCase(column.name) : column.name }));
  const records = rows.map((row) => {
    const record: Record<string, unknown> = {};
    for (const { key, column, name } of columns) {
      let value = (row as Record<string, unknown>)[key];
      if (value === undefined && column.defaultFn) value = column.defaultFn();
      if (value === undefined && column.hasDefault) {
        // A null here would override the database default: every row names such a column, or none does.
        throw new Error(`insertFromJson: some rows leave ${name} to its default and some do not`);
      }
      record[name] = value ?? null;
    }
    return record;
  });
  const names = sql.join(
    columns.map(({ name }) => sql.identifier(name)),
    sql`, `,
  );
  const definitions = sql.raw(columns.map(({ name, column }) => `"${name}" ${column.getSQLType()}`).join(", "));
  return sql`insert into ${table} (${names}) select ${names} from json_to_recordset(${JSON.stringify(records)}::json) as v(${definitions})`;
}

/** The rows of a raw `db.execute` answer: postgres.js returns an array, PGlite an object holding `rows`. */
export function rowsOf<T>(result: unknown): T[] {
  return (Array.isArray(result) ? result : ((result as { rows?: unknown[] }).rows ?? [])) as T[];
}
