import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { contacts, conversations, messages, organizations } from "@/db/schema";
import { useTestDatabase } from "@/tests/db";
import { createChannelFor, createSkillGroupWithAgents } from "@/tests/desk";
import { createOrgFixture, type OrgFixture } from "@/tests/fixtures";
import { getServiceReport, rebuildReportDays } from "./index";

// Two connections at once (a writer in flight while the layer moves zone): PostgreSQL only; vitest.config.ts
// registers *.pg.test.ts files only when DATABASE_URL names a server.
useTestDatabase();

let org: OrgFixture;
let conversation: { id: string; channelId: string };

beforeAll(async () => {
  org = await createOrgFixture("Zone race shop");
  const db = await getDb();
  const g = await createSkillGroupWithAgents(org.org, 0, "Sales");
  const channel = await createChannelFor(org.org.id, g.group.id);
  const [contact] = await db.insert(contacts).values({ orgId: org.org.id, channelId: channel.id, psid: "race-1" }).returning();
  const [c] = await db.insert(conversations).values({ orgId: org.org.id, channelId: channel.id, contactId: contact!.id, skillGroupId: g.group.id, status: "open" }).returning();
  conversation = { id: c!.id, channelId: channel.id };
  // A first message fixes the layer's zone (UTC): 2026-03-10 12:00 UTC, 20:00 in Shanghai, the 10th either way.
  await inbound("2026-03-10T12:00:00Z");
});

function inbound(iso: string) {
  return getDb().then((db) =>
    db.insert(messages).values({ orgId: org.org.id, channelId: conversation.channelId, conversationId: conversation.id, direction: "inbound", kind: "text", text: "…", source: "webhook", timestamp: Date.parse(iso) }),
  );
}

describe("the day layer moving zone while messages are being stored", () => {
  it("waits for a writer in flight and counts its message once, on its day of the new zone", async () => {
    const db = await getDb();
    let commit!: () => void;
    const held = new Promise<void>((resolve) => (commit = resolve));
    let stored!: () => void;
    const insertedInTransaction = new Promise<void>((resolve) => (stored = resolve));
    // The writer: 2026-03-12 20:00 UTC is 04:00 on the 13th in Shanghai. Its rollups are written, not committed;
    // they are new rows (a day nothing else touched), so no row lock would make the rebuild wait for them.
    const writer = db.transaction(async (tx) => {
      await tx.insert(messages).values({ orgId: org.org.id, channelId: conversation.channelId, conversationId: conversation.id, direction: "inbound", kind: "text", text: "…", source: "webhook", timestamp: Date.parse("2026-03-12T20:00:00Z") });
      stored();
      await held;
    });
    await insertedInTransaction;

    await db.update(organizations).set({ timeZone: "Asia/Shanghai" }).where(eq(organizations.id, org.org.id));
    let rebuilt = false;
    const rebuild = rebuildReportDays(org.org.id).then((done) => (rebuilt = done));
    await new Promise((r) => setTimeout(r, 300));
    expect(rebuilt).toBe(false); // waiting for the writer's shared lock
    commit();
    await writer;
    await rebuild;
    expect(rebuilt).toBe(true);

    const r = await getServiceReport({ ctx: org.as.owner, input: { from: "2026-03-10", to: "2026-03-13" } });
    expect(r.days.map((d) => [d.date, d.messagesIn])).toEqual([
      ["2026-03-10", 1],
      ["2026-03-11", 0],
      ["2026-03-12", 0],
      ["2026-03-13", 1],
    ]);
    expect(r.heatmap[2]![20]).toBe(1); // Tuesday 20:00 in Shanghai
    expect(r.heatmap[5]![4]).toBe(1); // Friday 04:00
    expect(r.heatmap.flat().reduce((a, b) => a + b, 0)).toBe(2);
  });

  it("writers after the move write in the new zone at once", async () => {
    await inbound("2026-03-11T18:00:00Z"); // 02:00 on the 12th in Shanghai
    const r = await getServiceReport({ ctx: org.as.owner, input: { from: "2026-03-10", to: "2026-03-13" } });
    expect(r.days.map((d) => d.messagesIn)).toEqual([1, 0, 1, 1]);
  });
});
