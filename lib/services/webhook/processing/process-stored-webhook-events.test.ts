import { createHmac } from "node:crypto";
import { and, asc, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDatabase, getDb } from "@/db/client";
import { RealtimeHub, type RealtimeEvent } from "@/lib/realtime";
import { contacts, conversations, messages } from "@/db/schema";
import { createChannel } from "@/lib/services/channels";
import { createSkillGroup } from "@/lib/services/skill-groups";
import { ingestWebhook } from "../ingest/ingest-webhook";
import { useTestDatabase } from "@/tests/db";
import { useGraphSandbox } from "@/tests/graph-sandbox";
import { createOrgFixture } from "@/tests/fixtures";
import { insertMessage, processStoredWebhookEvents } from "./process-stored-webhook-events";

useTestDatabase();
// Connecting a channel proves its Page through Graph /me: the sandbox holds the Page and its token.
const sandbox = useGraphSandbox();

const PAGE = "4444444444";
const SECRET = "store-test-app-secret";
let orgId: string;
let channelId: string;

async function deliver(events: unknown[]) {
  const raw = JSON.stringify({ object: "page", entry: [{ id: PAGE, time: Date.now(), messaging: events }] });
  const result = await ingestWebhook({ pageId: PAGE, rawBody: Buffer.from(raw), signature: `sha256=${createHmac("sha256", SECRET).update(raw).digest("hex")}` });
  expect(result.status).toBe(200);
  return processStoredWebhookEvents({ orgId, channelId }, result.stored.map((s) => s.id));
}

beforeAll(async () => {
  const f = await createOrgFixture();
  orgId = f.org.id;
  const group = await createSkillGroup({ ctx: f.as.owner, input: { name: "Support" } });
  sandbox.page({ pageId: PAGE, pageAccessToken: "page-token-x", appId: "5000000000", appSecret: SECRET });
  channelId = (await createChannel({ ctx: f.as.owner, input: { name: "Shop", pageId: PAGE, pageAccessToken: "page-token-x", appId: "5000000000", appSecret: SECRET, skillGroupId: group.id } })).id;
});

const user = (psid: string) => ({ sender: { id: psid }, recipient: { id: PAGE } });

describe("processing stored webhook events", () => {
  it("creates one contact and conversation, and orders messages by event time, not arrival", async () => {
    const image = { ...user("u1"), timestamp: 2_000, message: { mid: "m_img", attachments: [{ type: "image", payload: { url: "https://example.com/a.jpg" } }] } };
    const text = { ...user("u1"), timestamp: 1_000, message: { mid: "m_txt", text: "Do you ship to Spain?" } };
    const result = await deliver([image, text]);
    expect(result.processed).toBe(2);
    expect(result.contactsNeedingProfile).toHaveLength(1);
    const db = await getDb();
    const [contact] = await db.select().from(contacts).where(eq(contacts.psid, "u1"));
    const [conversation] = await db.select().from(conversations).where(eq(conversations.contactId, contact.id));
    const rows = await db.select().from(messages).where(eq(messages.conversationId, conversation.id)).orderBy(asc(messages.timestamp));
    expect(rows.map((m) => [m.mid, m.kind, m.direction])).toEqual([
      ["m_txt", "text", "inbound"],
      ["m_img", "attachments", "inbound"],
    ]);
    // The list words a photo in the reader's language: the row keeps its kind, and no words.
    expect([conversation.lastMessageKind, conversation.lastMessagePreview]).toEqual(["image", null]);
    expect(contact.lastInboundAt?.getTime()).toBe(2_000);
  });

  it("processes an event once even when its run is repeated", async () => {
    const body = JSON.stringify({ object: "page", entry: [{ id: PAGE, time: 1, messaging: [{ ...user("u2"), timestamp: 3_000, message: { mid: "m_once", text: "hi" } }] }] });
    const stored = await ingestWebhook({ pageId: PAGE, rawBody: Buffer.from(body), signature: `sha256=${createHmac("sha256", SECRET).update(body).digest("hex")}` });
    const ids = stored.stored.map((s) => s.id);
    expect((await processStoredWebhookEvents({ orgId, channelId }, ids)).processed).toBe(1);
    // At-least-once delivery: the same step may run again.
    expect((await processStoredWebhookEvents({ orgId, channelId }, ids)).processed).toBe(0);
    const db = await getDb();
    expect(await db.select().from(messages).where(eq(messages.mid, "m_once"))).toHaveLength(1);
  });

  it("never duplicates a message we sent when its echo arrives, but stores echoes of the Page's other senders", async () => {
    const db = await getDb();
    await deliver([{ ...user("u3"), timestamp: 4_000, message: { mid: "m_in", text: "hello?" } }]);
    const [contact] = await db.select().from(contacts).where(eq(contacts.psid, "u3"));
    const [conversation] = await db.select().from(conversations).where(eq(conversations.contactId, contact.id));
    await db.transaction((tx) =>
      insertMessage(tx, { orgId, channelId, conversationId: conversation.id, mid: "m_ours", direction: "outbound", kind: "text", text: "Hi from the app", source: "app", timestamp: 5_000 }),
    );
    const echo = (mid: string, t: number) => ({ sender: { id: PAGE }, recipient: { id: "u3" }, timestamp: t, message: { mid, is_echo: true, text: "…", app_id: 1 } });
    await deliver([echo("m_ours", 5_001), echo("m_inbox", 6_000)]);
    const rows = await db.select().from(messages).where(eq(messages.conversationId, conversation.id)).orderBy(asc(messages.timestamp));
    expect(rows.map((m) => [m.mid, m.source])).toEqual([
      ["m_in", "webhook"],
      ["m_ours", "app"],
      ["m_inbox", "echo"],
    ]);
  });

  it("tells the product's own sends (the channel's app id in the echo) from the Page inbox's, and previews a card by its title", async () => {
    const db = await getDb();
    await deliver([{ ...user("u5"), timestamp: 9_000, message: { mid: "m_u5", text: "tell me when" } }]);
    const echo = (mid: string, t: number, appId: number, body: Record<string, unknown>) => ({ sender: { id: PAGE }, recipient: { id: "u5" }, timestamp: t, message: { mid, is_echo: true, app_id: appId, ...body } });
    const notifyMe = { type: "template", payload: { template_type: "one_time_notif_req", title: "Get the spring sale", payload: "otn:x" } };
    // 263902037430900 is the Page inbox's app (platform-facts: Conversation Routing).
    await deliver([echo("m_u5_ours", 9_100, 5000000000, { text: "Thanks!" }), echo("m_u5_inbox", 9_200, 263902037430900, { text: "Hi, a human here" }), echo("m_u5_card", 9_300, 5000000000, { attachments: [notifyMe] })]);
    const [contact] = await db.select().from(contacts).where(eq(contacts.psid, "u5"));
    const [conversation] = await db.select().from(conversations).where(eq(conversations.contactId, contact.id));
    const rows = await db.select().from(messages).where(eq(messages.conversationId, conversation.id)).orderBy(asc(messages.timestamp));
    expect(rows.map((m) => [m.mid, m.direction, m.source])).toEqual([
      ["m_u5", "inbound", "webhook"],
      ["m_u5_ours", "outbound", "app"],
      ["m_u5_inbox", "outbound", "echo"],
      ["m_u5_card", "outbound", "app"],
    ]);
    expect([conversation.lastMessageKind, conversation.lastMessagePreview]).toEqual(["template", "Get the spring sale"]);
  });

  it("an echo of a reply still waiting for Meta's answer confirms the stored reply (mid, sent) instead of adding a message", async () => {
    const db = await getDb();
    await deliver([{ ...user("u6"), timestamp: 10_000, message: { mid: "m_u6", text: "where is it?" } }]);
    const [contact] = await db.select().from(contacts).where(eq(contacts.psid, "u6"));
    const [conversation] = await db.select().from(conversations).where(eq(conversations.contactId, contact.id));
    // What sendReply stores before calling Meta; Meta's answer is slower than the echo here.
    const [sending] = await db
      .insert(messages)
      .values({ orgId, channelId, conversationId: conversation.id, direction: "outbound", kind: "text", text: "On its way", source: "app", timestamp: 10_100, sendStatus: "sending" })
      .returning();
    const echo = (mid: string, appId: number, metadata: string) => ({ sender: { id: PAGE }, recipient: { id: "u6" }, timestamp: 10_101, message: { mid, is_echo: true, app_id: appId, text: "On its way", metadata } });
    // Another app cannot confirm our reply by copying its marker: only echoes carrying the channel's app id do.
    await deliver([echo("m_u6_forged", 263902037430900, `md:${sending.id}`), echo("m_u6_reply", 5000000000, `md:${sending.id}`)]);
    const rows = await db.select().from(messages).where(and(eq(messages.conversationId, conversation.id), eq(messages.direction, "outbound"))).orderBy(asc(messages.timestamp));
    expect(rows.map((m) => [m.id === sending.id, m.mid, m.sendStatus, m.source])).toEqual([
      [true, "m_u6_reply", "sent", "app"],
      [false, "m_u6_forged", null, "echo"],
    ]);
  });

  it("moves delivery and read watermarks forward only", async () => {
    await deliver([{ ...user("u4"), timestamp: 7_000, message: { mid: "m_u4", text: "x" } }]);
    await deliver([
      { ...user("u4"), timestamp: 8_000, read: { watermark: 7_500 } },
      { ...user("u4"), timestamp: 8_001, delivery: { watermark: 7_900 } },
    ]);
    await deliver([{ ...user("u4"), timestamp: 8_002, delivery: { watermark: 7_100 } }]);
    const db = await getDb();
    const [contact] = await db.select().from(contacts).where(eq(contacts.psid, "u4"));
    const [conversation] = await db.select().from(conversations).where(eq(conversations.contactId, contact.id));
    expect(conversation.deliveredWatermark).toBe(7_900);
    expect(conversation.readWatermark).toBe(7_500);
  });

  it("hands on referrals from Get Started postbacks and from existing threads, and opt-ins", async () => {
    const result = await deliver([
      { ...user("u5"), timestamp: 9_000, postback: { mid: "m_pb", title: "Get Started", payload: "GET_STARTED", referral: { ref: "camp-abc", source: "SHORTLINK", type: "OPEN_THREAD" } } },
      { ...user("u6"), timestamp: 9_001, referral: { ref: "camp-abc", source: "SHORTLINK", type: "OPEN_THREAD" } },
      { ...user("u6"), timestamp: 9_002, optin: { type: "one_time_notif_req", payload: "campaign:1", one_time_notif_token: "tok-1" } },
    ]);
    expect(result.signals.map((s) => [s.kind, s.psid, s.ref ?? s.optinType])).toEqual([
      ["referral", "u5", "camp-abc"],
      ["referral", "u6", "camp-abc"],
      ["optin", "u6", "one_time_notif_req"],
    ]);
  });

  it("ignores events of another organisation or channel named in the ids", async () => {
    const raw = JSON.stringify({ object: "page", entry: [{ id: PAGE, time: 1, messaging: [{ ...user("u7"), timestamp: 10_000, message: { mid: "m_scope", text: "x" } }] }] });
    const stored = await ingestWebhook({ pageId: PAGE, rawBody: Buffer.from(raw), signature: `sha256=${createHmac("sha256", SECRET).update(raw).digest("hex")}` });
    const other = await processStoredWebhookEvents({ orgId: "00000000-0000-7000-8000-000000000000", channelId }, stored.stored.map((s) => s.id));
    expect(other.processed).toBe(0);
    expect((await processStoredWebhookEvents({ orgId, channelId }, stored.stored.map((s) => s.id))).processed).toBe(1);
  });

  it("drains a channel's waiting events oldest first, a limited number at a time, without being told their ids", async () => {
    const raw = JSON.stringify({
      object: "page",
      entry: [{ id: PAGE, time: 1, messaging: [3, 1, 2].map((n) => ({ ...user("u8"), timestamp: 20_000 + n, message: { mid: `m_drain_${n}`, text: `#${n}` } })) }],
    });
    const result = await ingestWebhook({ pageId: PAGE, rawBody: Buffer.from(raw), signature: `sha256=${createHmac("sha256", SECRET).update(raw).digest("hex")}` });
    expect(result.stored).toHaveLength(3);
    const first = await processStoredWebhookEvents({ orgId, channelId }, undefined, 2);
    expect([first.fetched, first.processed]).toEqual([2, 2]);
    const second = await processStoredWebhookEvents({ orgId, channelId }, undefined, 2);
    expect([second.fetched, second.processed]).toEqual([1, 1]);
    expect((await processStoredWebhookEvents({ orgId, channelId })).fetched).toBe(0);
    const db = await getDb();
    const [contact] = await db.select().from(contacts).where(eq(contacts.psid, "u8"));
    const [conversation] = await db.select().from(conversations).where(eq(conversations.contactId, contact.id));
    expect(conversation.lastMessagePreview).toBe("#3");
  });

  it("processes a mixed batch of many people at once: one thread each, every message, each thread's latest last", async () => {
    const people = Array.from({ length: 30 }, (_, i) => `batch_${i}`);
    const events = people.flatMap((psid, i) => [
      // Delivered newest first, to show the order comes from event time.
      { ...user(psid), timestamp: 40_000 + i * 10 + 3, message: { mid: `m_${psid}_c`, text: `third ${i}` } },
      { ...user(psid), timestamp: 40_000 + i * 10 + 1, message: { mid: `m_${psid}_a`, text: `first ${i}` } },
      { ...user(psid), timestamp: 40_000 + i * 10 + 2, postback: { mid: `m_${psid}_b`, title: "Get Started", payload: "GET_STARTED", referral: { ref: `r${i}`, source: "SHORTLINK", type: "OPEN_THREAD" } } },
      { ...user(psid), timestamp: 40_000 + i * 10 + 4, read: { watermark: 40_000 + i } },
    ]);
    const result = await deliver(events);
    expect(result).toMatchObject({ fetched: 120, processed: 120 });
    expect(result.contactsNeedingProfile).toHaveLength(30);
    expect(result.signals.map((s) => s.ref).sort()).toEqual(people.map((_, i) => `r${i}`).sort());
    const db = await getDb();
    for (const i of [0, 17, 29]) {
      const [contact] = await db.select().from(contacts).where(eq(contacts.psid, people[i]));
      const [conversation] = await db.select().from(conversations).where(eq(conversations.contactId, contact.id));
      const rows = await db.select().from(messages).where(eq(messages.conversationId, conversation.id)).orderBy(asc(messages.timestamp));
      expect(rows.map((m) => m.text)).toEqual([`first ${i}`, "Get Started", `third ${i}`]);
      expect(conversation.lastMessagePreview).toBe(`third ${i}`);
      expect(conversation.readWatermark).toBe(40_000 + i);
      expect(contact.lastInboundAt?.getTime()).toBe(40_000 + i * 10 + 3);
    }
  });

  it("tells open dashboards once per conversation: new messages, then delivery and read, none for a redelivery", async () => {
    const handle = await getDatabase();
    const hub = new RealtimeHub((channel, onPayload) => handle.listen(channel, onPayload));
    const heard: RealtimeEvent[] = [];
    await hub.subscribe({ orgId, userId: "watcher", accepts: () => true, deliver: (events) => heard.push(...events) });
    const waitFor = async (count: number) => {
      for (let i = 0; i < 100 && heard.length < count; i++) await new Promise((r) => setTimeout(r, 30));
    };

    await deliver([
      { ...user("u9"), timestamp: 9_000, message: { mid: "m_live_1", text: "anyone there?" } },
      { ...user("u9"), timestamp: 9_001, message: { mid: "m_live_2", text: "hello?" } },
    ]);
    await waitFor(1);
    const db = await getDb();
    const [contact] = await db.select().from(contacts).where(eq(contacts.psid, "u9"));
    const [conversation] = await db.select().from(conversations).where(eq(conversations.contactId, contact.id));
    await deliver([{ ...user("u9"), timestamp: 9_002, message: { mid: "m_live_1", text: "anyone there?" } }]);
    await deliver([{ ...user("u9"), timestamp: 9_500, delivery: { watermark: 9_400 } }]);
    await waitFor(3);
    await new Promise((r) => setTimeout(r, 200));
    await hub.close();

    // Message events name the conversation and its channel (agents hear only their channels'), one per batch.
    expect(heard.filter((e) => e.type.startsWith("message.")).map((e) => [e.type, e.conversationId, e.channelId])).toEqual([
      ["message.created", conversation.id, channelId],
      ["message.status", conversation.id, channelId],
    ]);
    // The new conversation entered its skill group's queue, once (the redelivery reopened nothing).
    expect(heard.filter((e) => e.type === "conversation.updated").map((e) => e.conversationId)).toEqual([conversation.id]);
  });
});
