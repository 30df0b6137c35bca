/**
 * The webhook path end to end, without Next: the Messenger sandbox delivers to a node:http server that
 * hands requests to the code the route uses (answerVerification for the handshake, ingestWebhook for
 * deliveries) and then processes stored events directly with processStoredWebhookEvents instead of through Inngest,
 * before answering, so "the sandbox is idle" means "everything delivered is processed".
 */
import http from "node:http";
import type { AddressInfo } from "node:net";
import { asc, eq, inArray } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { channelErrors, contacts, conversations, messages, webhookEvents } from "@/db/schema";
import { processStoredWebhookEvents } from "./processing/process-stored-webhook-events";
import { revealVerifyToken, createChannel } from "@/lib/services/channels";
import { createSkillGroup } from "@/lib/services/skill-groups";
import { DEMO, signatureSha256, startSandbox, type RunningSandbox } from "@/sandbox/server";
import { useTestDatabase } from "@/tests/db";
import { createOrgFixture, type OrgFixture } from "@/tests/fixtures";
import { ingestWebhook, type StoredEvent } from "./ingest/ingest-webhook";
import { answerVerification } from "./ingest/answer-verification";

useTestDatabase();

/** A Page of another Meta app, connected in another organisation. */
const FOREIGN = { appId: "3000000000000003", appSecret: "foreign-app-secret", pageId: "1000000000000777", pageAccessToken: "foreign-page-token" };

let app: http.Server;
let appUrl: string;
let sandbox: RunningSandbox;
let org: OrgFixture;
let channelId: string;
let foreignChannelId: string;

/** What the route does, with processing inline: handshake on GET, ingestion and then processing on POST. */
async function handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
  const url = new URL(req.url ?? "/", appUrl);
  const match = /^\/facebook\/webhook\/([^/]+)$/.exec(url.pathname);
  const reply = (status: number, body: string) => {
    res.writeHead(status, { "content-type": "text/plain; charset=utf-8" });
    res.end(body);
  };
  if (!match) return reply(404, "Not found");
  const pageId = decodeURIComponent(match[1]);
  if (req.method === "GET") {
    const answer = await answerVerification(pageId, url.searchParams);
    return reply(answer.status, answer.body);
  }
  if (req.method !== "POST") return reply(405, "Method not allowed");
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const result = await ingestWebhook({ pageId, rawBody: new Uint8Array(Buffer.concat(chunks)), signature: req.headers["x-hub-signature-256"] as string | undefined ?? null });
  await processStored(result.stored);
  reply(result.status, result.body);
}

/** Stands in for dispatchStoredEvents + the Inngest function: one processing run per channel. */
async function processStored(stored: StoredEvent[]): Promise<void> {
  const byChannel = new Map<string, StoredEvent[]>();
  for (const event of stored) byChannel.set(event.channelId, [...(byChannel.get(event.channelId) ?? []), event]);
  for (const events of byChannel.values()) {
    await processStoredWebhookEvents({ orgId: events[0].orgId, channelId: events[0].channelId }, events.map((e) => e.id));
  }
}

async function control<T = unknown>(method: string, path: string, body?: unknown): Promise<{ status: number; body: T }> {
  const res = await fetch(`${sandbox.url}/_sandbox/api${path}`, {
    method,
    headers: body === undefined ? undefined : { "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json()) as T };
}

async function settle(): Promise<void> {
  expect(await sandbox.controls.webhooks.idle(15_000), "the sandbox still has deliveries in flight").toBe(true);
}

async function messagesOfChannel(id: string) {
  const db = await getDb();
  return db.select().from(messages).where(eq(messages.channelId, id)).orderBy(asc(messages.timestamp), asc(messages.id));
}

beforeAll(async () => {
  app = http.createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      console.error("test webhook server", error);
      if (!res.headersSent) res.writeHead(500).end("error");
    });
  });
  await new Promise<void>((resolve) => app.listen(0, "127.0.0.1", resolve));
  appUrl = `http://127.0.0.1:${(app.address() as AddressInfo).port}`;
  sandbox = await startSandbox({ port: 0, appUrl });
  // Connecting a channel proves its Page through Graph /me, answered here by this sandbox.
  process.env.GRAPH_API_URL = sandbox.url;
  sandbox.state.addApp({ id: FOREIGN.appId, secret: FOREIGN.appSecret });
  sandbox.state.addPage({ id: FOREIGN.pageId, accessToken: FOREIGN.pageAccessToken, appId: FOREIGN.appId });

  org = await createOrgFixture("Sandbox webhook");
  const group = await createSkillGroup({ ctx: org.as.owner, input: { name: "Support" } });
  const channel = await createChannel({
    ctx: org.as.owner,
    input: { name: "Demo", pageId: DEMO.pageId, pageAccessToken: DEMO.pageAccessToken, appId: DEMO.appId, appSecret: DEMO.appSecret, skillGroupId: group.id },
  });
  channelId = channel.id;

  const other = await createOrgFixture("Other tenant");
  const otherGroup = await createSkillGroup({ ctx: other.as.owner, input: { name: "Support" } });
  foreignChannelId = (
    await createChannel({
      ctx: other.as.owner,
      input: { name: "Foreign", pageId: FOREIGN.pageId, pageAccessToken: FOREIGN.pageAccessToken, appId: FOREIGN.appId, appSecret: FOREIGN.appSecret, skillGroupId: otherGroup.id },
    })
  ).id;
});

afterAll(async () => {
  await sandbox?.close();
  await new Promise<void>((resolve) => (app ? app.close(() => resolve()) : resolve()));
});

describe("the sandbox's demo app delivering to a channel", () => {
  const callbackUrl = () => `${appUrl}/facebook/webhook/${DEMO.pageId}`;

  it("passes the handshake with the channel's verify token, and only with it", async () => {
    const wrong = await control("PUT", `/apps/${DEMO.appId}/webhook`, { callbackUrl: callbackUrl(), verifyToken: "not-the-channel-token" });
    expect(wrong.status).toBe(422);

    const verifyToken = await revealVerifyToken({ ctx: org.as.owner, channelId });
    const right = await control<{ callbackUrl: string; subscriptionActive: boolean }>("PUT", `/apps/${DEMO.appId}/webhook`, { callbackUrl: callbackUrl(), verifyToken });
    expect(right.status, JSON.stringify(right.body)).toBe(200);
    expect(right.body).toMatchObject({ callbackUrl: callbackUrl(), subscriptionActive: true });
  });

  it("stores text and an image once each, in event-time order, with the attachment, despite duplicated and reordered deliveries", async () => {
    // Every delivered POST arrives a second time, and entries within a POST are shuffled.
    expect((await control("PUT", "/webhook-options", { duplicateRate: 1, reorder: true })).status).toBe(200);
    try {
      const alice = await control<{ psid: string }>("POST", `/pages/${DEMO.pageId}/users`, { firstName: "Alice", lastName: "Ng" });
      const bob = await control<{ psid: string }>("POST", `/pages/${DEMO.pageId}/users`, { firstName: "Bob", lastName: "Li" });
      const imageUrl = "https://cdn.example.com/photos/receipt.jpg";
      // Sent in one tick, so the sandbox batches them into one POST whose entries it shuffles; the clock
      // moves between them, so event time is the only order that tells them apart.
      const { users, clock } = sandbox.controls;
      const sent = [
        users.sendText(alice.body.psid, "Hi, my order is late").mid,
        (clock.advance(1_000), users.sendAttachment(alice.body.psid, "image", imageUrl).mid),
        (clock.advance(1_000), users.sendText(bob.body.psid, "Do you ship to Taipei?").mid),
        (clock.advance(1_000), users.sendText(alice.body.psid, "Here is the receipt above").mid),
      ];
      await settle();

      const deliveries = sandbox.controls.webhooks.listDeliveries({ appId: DEMO.appId }).records;
      expect(deliveries.some((d) => d.duplicate && d.lastStatusCode === 200)).toBe(true);
      expect(deliveries.every((d) => d.status === "delivered")).toBe(true);

      const db = await getDb();
      const events = await db.select().from(webhookEvents).where(eq(webhookEvents.channelId, channelId));
      expect(events.map((e) => e.dedupeKey).sort()).toEqual(sent.map((mid) => `mid:${mid}`).sort());
      expect(events.every((e) => e.status === "processed")).toBe(true);

      const stored = await messagesOfChannel(channelId);
      // Ordered by Meta's event time, which kept the order they were sent in, whatever the arrival order.
      expect(stored.map((m) => m.mid)).toEqual(sent);
      expect(new Set(stored.map((m) => m.timestamp)).size).toBe(sent.length);
      expect(stored.map((m) => [m.kind, m.text, m.direction])).toEqual([
        ["text", "Hi, my order is late", "inbound"],
        ["attachments", null, "inbound"],
        ["text", "Do you ship to Taipei?", "inbound"],
        ["text", "Here is the receipt above", "inbound"],
      ]);
      expect(stored[1].attachments).toEqual([{ type: "image", payload: { url: imageUrl } }]);

      // One contact and one conversation per person.
      const people = await db.select().from(contacts).where(eq(contacts.channelId, channelId));
      expect(people.map((c) => c.psid).sort()).toEqual([alice.body.psid, bob.body.psid].sort());
      const threads = await db.select().from(conversations).where(eq(conversations.channelId, channelId));
      expect(threads).toHaveLength(2);
      // Each thread's "last message" is its latest in event time, not the last to arrive.
      const aliceContact = people.find((c) => c.psid === alice.body.psid)!;
      const aliceThread = threads.find((t) => t.contactId === aliceContact.id)!;
      expect(aliceThread.lastMessagePreview).toBe("Here is the receipt above");
      expect(aliceThread.lastMessageAt?.getTime()).toBe(stored[3].timestamp);
    } finally {
      await control("PUT", "/webhook-options", { duplicateRate: 0, reorder: false });
    }
  });
});

describe("what the webhook refuses", () => {
  /** A POST to the demo Page's callback URL, as Meta would send it, signed with `secret`. */
  async function deliver(entries: { pageId: string; mid: string; text: string }[], secret: string) {
    const now = Date.now();
    const raw = JSON.stringify({
      object: "page",
      entry: entries.map((e) => ({
        id: e.pageId,
        time: now,
        messaging: [{ sender: { id: "3000000000000123" }, recipient: { id: e.pageId }, timestamp: now, message: { mid: e.mid, text: e.text } }],
      })),
    });
    const res = await fetch(`${appUrl}/facebook/webhook/${DEMO.pageId}`, {
      method: "POST",
      headers: { "content-type": "application/json", "x-hub-signature-256": signatureSha256(secret, raw) },
      body: raw,
    });
    return { status: res.status, body: await res.text() };
  }

  async function storedMids(mids: string[]) {
    const db = await getDb();
    const keys = mids.map((mid) => `mid:${mid}`);
    const events = await db.select().from(webhookEvents).where(inArray(webhookEvents.dedupeKey, keys));
    const rows = await db.select().from(messages).where(inArray(messages.mid, mids));
    return { events, messages: rows };
  }

  it("refuses a delivery signed by another app with 401 and stores nothing", async () => {
    const answer = await deliver([{ pageId: DEMO.pageId, mid: "m_forged_by_other_app", text: "trust me" }], FOREIGN.appSecret);
    expect(answer).toEqual({ status: 401, body: "Invalid signature" });
    expect(await storedMids(["m_forged_by_other_app"])).toEqual({ events: [], messages: [] });
    const db = await getDb();
    const errors = await db.select().from(channelErrors).where(eq(channelErrors.channelId, channelId));
    expect(errors.map((e) => e.kind)).toContain("signature");
  });

  it("stores nowhere the entry of a Page of another app in a batch the demo app signed", async () => {
    const answer = await deliver(
      [
        { pageId: DEMO.pageId, mid: "m_own_page", text: "mine" },
        { pageId: FOREIGN.pageId, mid: "m_other_apps_page", text: "not yours to speak for" },
      ],
      DEMO.appSecret,
    );
    expect(answer).toEqual({ status: 200, body: "EVENT_RECEIVED" });
    const own = await storedMids(["m_own_page"]);
    expect(own.events.map((e) => e.channelId)).toEqual([channelId]);
    expect(own.messages.map((m) => m.channelId)).toEqual([channelId]);
    // The signature proves the demo app, which does not speak for the other app's Page: not in its channel, not in ours.
    expect(await storedMids(["m_other_apps_page"])).toEqual({ events: [], messages: [] });
    expect(await messagesOfChannel(foreignChannelId)).toEqual([]);
  });
});
