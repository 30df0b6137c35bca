import { eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { contacts, conversations, messages } from "@/db/schema";
import { createChannel } from "@/lib/services/channels";
import { createSkillGroup } from "@/lib/services/skill-groups";
import { useTestDatabase } from "@/tests/db";
import { useGraphSandbox } from "@/tests/graph-sandbox";
import { createOrgFixture } from "@/tests/fixtures";
import { insertFromJson, rowsOf } from "./json-insert";

useTestDatabase();
// Connecting a channel proves its Page through Graph /me: the sandbox holds the Page and its token.
const sandbox = useGraphSandbox();

let scope: { orgId: string; channelId: string; conversationId: string };

beforeAll(async () => {
  const f = await createOrgFixture();
  const group = await createSkillGroup({ ctx: f.as.owner, input: { name: "Support" } });
  sandbox.page({ pageId: "7777777777", pageAccessToken: "page-token-json-insert", appId: "5000000001", appSecret: "json-insert-secret" });
  const channel = await createChannel({ ctx: f.as.owner, input: { name: "Shop", pageId: "7777777777", pageAccessToken: "page-token-json-insert", appId: "5000000001", appSecret: "json-insert-secret", skillGroupId: group.id } });
  const db = await getDb();
  const [contact] = await db.insert(contacts).values({ orgId: f.org.id, channelId: channel.id, psid: "p1" }).returning();
  const [conversation] = await db.insert(conversations).values({ orgId: f.org.id, channelId: channel.id, contactId: contact.id }).returning();
  scope = { orgId: f.org.id, channelId: channel.id, conversationId: conversation.id };
});

describe("insertFromJson", () => {
  it("inserts every row with its JSON, enum, number and null values, generated ids and database defaults", async () => {
    const db = await getDb();
    const rows = [
      { ...scope, mid: "m_1", direction: "inbound" as const, kind: "text", text: "héllo ☕ \"quoted\"", source: "webhook", timestamp: 1_700_000_000_123 },
      { ...scope, mid: null, direction: "outbound" as const, kind: "attachments", text: null, attachments: [{ type: "image", payload: { url: "https://example.com/a.jpg" } }], source: "echo", timestamp: 2 },
    ];
    const inserted = rowsOf<{ id: string }>(await db.execute(sql`${insertFromJson(messages, rows)} returning id`));
    expect(inserted).toHaveLength(2);
    const stored = await db.select().from(messages).where(eq(messages.conversationId, scope.conversationId)).orderBy(messages.timestamp);
    expect(stored.map((m) => [m.mid, m.direction, m.text, m.attachments, m.timestamp])).toEqual([
      [null, "outbound", null, [{ type: "image", payload: { url: "https://example.com/a.jpg" } }], 2],
      ["m_1", "inbound", 'héllo ☕ "quoted"', null, 1_700_000_000_123],
    ]);
    expect(stored.every((m) => /^[0-9a-f-]{36}$/.test(m.id) && m.createdAt instanceof Date)).toBe(true);
  });

  it("refuses rows that disagree on leaving a defaulted column to the database", () => {
    expect(() => insertFromJson(contacts, [{ orgId: scope.orgId, channelId: scope.channelId, psid: "a", createdAt: new Date() }, { orgId: scope.orgId, channelId: scope.channelId, psid: "b" }])).toThrow(/created_at/);
    expect(() => insertFromJson(contacts, [])).toThrow(/at least one row/);
  });
});
