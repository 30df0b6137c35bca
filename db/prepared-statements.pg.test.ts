/**
 * drizzle's parameterised statements are prepared on their connection (one round trip after the first use,
 * and a plan PostgreSQL may keep), inside transactions and savepoints too; statements without parameters
 * are not. Needs a server: PGlite has no connections (vitest.config.ts registers *.pg.test.ts only with
 * DATABASE_URL).
 */
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase, type DatabaseHandle } from "@/db/client";
import { rowsOf } from "@/db/json-insert";
import { organizations } from "@/db/schema";
import { createTestDatabase } from "@/tests/db";
import { eq } from "drizzle-orm";
import { preparedStatementsEnabled } from "./prepared-statements";

if (process.env.DATABASE_URL) {
  describe("prepared statements", () => {
    let first: DatabaseHandle & { url?: string };
    let single: DatabaseHandle;
    beforeAll(async () => {
      first = await createTestDatabase();
      // One connection, so every statement below runs where pg_prepared_statements can see it.
      single = await openDatabase({ url: first.url!, migrate: false, max: 1 });
    });
    afterAll(async () => {
      await single?.close();
      await first?.close();
    });

    const preparedTexts = async () =>
      rowsOf<{ statement: string }>(await single.db.execute(sql`select statement from pg_prepared_statements`)).map((r) => r.statement);

    it("prepares a parameterised drizzle query once, and reuses it", async () => {
      const slug = `prep-${Date.now()}`;
      for (let i = 0; i < 3; i++) await single.db.select({ id: organizations.id }).from(organizations).where(eq(organizations.slug, slug));
      const matching = (await preparedTexts()).filter((text) => text.includes('from "organizations"') && text.includes('"slug" = $1'));
      expect(matching).toHaveLength(1);
    });

    it("prepares inside a transaction and a savepoint", async () => {
      await single.db.transaction(async (tx) => {
        await tx.execute(sql`select ${"in-transaction"}::text as marker_one`);
        await tx.transaction(async (inner) => {
          await inner.execute(sql`select ${"in-savepoint"}::text as marker_two`);
        });
      });
      const texts = await preparedTexts();
      expect(texts.some((text) => text.includes("marker_one"))).toBe(true);
      expect(texts.some((text) => text.includes("marker_two"))).toBe(true);
    });

    it("leaves statements without parameters unprepared", async () => {
      await single.db.execute(sql`select 1 as marker_three`);
      expect((await preparedTexts()).some((text) => text.includes("marker_three"))).toBe(false);
    });

    it("is on unless DATABASE_PREPARED_STATEMENTS turns it off", () => {
      expect(preparedStatementsEnabled({})).toBe(true);
      expect(preparedStatementsEnabled({ DATABASE_PREPARED_STATEMENTS: "false" })).toBe(false);
      expect(preparedStatementsEnabled({ DATABASE_PREPARED_STATEMENTS: "0" })).toBe(false);
      expect(preparedStatementsEnabled({ DATABASE_PREPARED_STATEMENTS: "true" })).toBe(true);
    });
  });
}
