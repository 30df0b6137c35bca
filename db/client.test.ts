import { describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { useTestDatabase } from "@/tests/db";
import { openDatabase } from "@/db/client";

const { handle } = useTestDatabase();

describe("database", () => {
  it("is migrated and answers queries", async () => {
    const result = await handle().db.execute(sql`select count(*)::int as n from organizations`);
    const rows = (Array.isArray(result) ? result : (result as { rows: unknown[] }).rows) as { n: number }[];
    expect(rows[0].n).toBe(0);
  });

  it("migrates safely when two instances start at once (PostgreSQL) or twice in a row (PGlite)", async () => {
    const url = (handle() as { url?: string }).url;
    if (url) {
      const [a, b] = await Promise.all([openDatabase({ url, max: 1 }), openDatabase({ url, max: 1 })]);
      await Promise.all([a.close(), b.close()]);
    } else {
      const { migratePglite } = await import("@/db/migrate");
      const client = (handle().db as unknown as { $client: import("@electric-sql/pglite").PGlite }).$client;
      await migratePglite(client);
    }
    const result = await handle().db.execute(sql`select count(*)::int as n from organizations`);
    const rows = (Array.isArray(result) ? result : (result as { rows: unknown[] }).rows) as { n: number }[];
    expect(rows[0].n).toBe(0);
  });
});
