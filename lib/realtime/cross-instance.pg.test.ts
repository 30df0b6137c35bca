/**
 * Two app instances on one PostgreSQL: an event written through one instance's connection pool reaches a
 * stream open on the other. Needs a server (vitest.config.ts registers *.pg.test.ts only with DATABASE_URL).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase, type DatabaseHandle } from "@/db/client";
import { createTestDatabase } from "@/tests/db";
import { publishRealtime, RealtimeHub, type RealtimeEvent } from "./index";

if (process.env.DATABASE_URL) {
  describe("live events across two app instances", () => {
    let first: DatabaseHandle & { url?: string };
    let second: DatabaseHandle;
    beforeAll(async () => {
      first = await createTestDatabase();
      second = await openDatabase({ url: first.url!, migrate: false, max: 2 });
    });
    afterAll(async () => {
      await second.close();
      await first.close();
    });

    it("an event published by instance A reaches a stream on instance B (and A's own), once each", async () => {
      const onA = new RealtimeHub((channel, fn) => first.listen(channel, fn));
      const onB = new RealtimeHub((channel, fn) => second.listen(channel, fn));
      const seen: Record<"a" | "b", string[]> = { a: [], b: [] };
      const orgId = "00000000-0000-4000-8000-0000000000aa";
      await onA.subscribe({ orgId, userId: "agent-a", accepts: () => true, deliver: (events) => seen.a.push(...events.map((e) => e.conversationId!)) });
      await onB.subscribe({ orgId, userId: "agent-b", accepts: () => true, deliver: (events) => seen.b.push(...events.map((e) => e.conversationId!)) });

      const events: RealtimeEvent[] = Array.from({ length: 50 }, (_, i) => ({ type: "message.created", orgId, conversationId: `c${i}`, at: Date.now() }));
      await first.db.transaction((tx) => publishRealtime(tx, events.slice(0, 25)));
      await second.db.transaction((tx) => publishRealtime(tx, events.slice(25)));

      const deadline = Date.now() + 5_000;
      while ((seen.a.length < 50 || seen.b.length < 50) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 25));
      const expected = events.map((e) => e.conversationId);
      expect(seen.b).toEqual(expected);
      expect(seen.a).toEqual(expected);
      await Promise.all([onA.close(), onB.close()]);
    });
  });
}
