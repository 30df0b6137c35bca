/**
 * The permissions ledger end to end: the Messenger sandbox (a Page in the EU, where recurring notifications
 * live on) delivers opt-ins, stops, resumes and re-opt-ins to a node:http server running the webhook route's
 * code; the ledger is then read as the contact panel and the API read it.
 */
import http from "node:http";
import type { AddressInfo } from "node:net";
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { rowsOf } from "@/db/json-insert";
import { contacts, conversations, messagePermissions, messages, otnTokens, webhookEvents } from "@/db/schema";
import { sha256Hex } from "@/lib/crypto/hash";
import { seal } from "@/lib/crypto/secrets";
import { NotFoundError } from "@/lib/errors";
import { apiOperations } from "@/lib/api/openapi";
import { createApiKey } from "@/lib/services/api-keys";
import { createCampaign } from "@/lib/services/campaigns";
import { createChannel, revealVerifyToken, updateChannel } from "@/lib/services/channels";
import { getContactPanel } from "@/lib/services/contacts";
import { createSkillGroup } from "@/lib/services/skill-groups";
import { ingestWebhook, processStoredWebhookEvents, type StoredEvent } from "@/lib/services/webhook";
import { DEMO, signatureSha256, startSandbox, type RunningSandbox } from "@/sandbox/server";
import { SandboxStore } from "@/sandbox/state/store";
import { callApi } from "@/tests/api-v1";
import { useTestDatabase } from "@/tests/db";
import { createOrgFixture, type OrgFixture } from "@/tests/fixtures";
import { expireMessagePermissionsBatch, listContactPermissions, messagingAvailability, summarizeChannelPermissions } from ".";

useTestDatabase();

const TOPIC = "Weekly deals";
const DAY = 86_400_000;

let app: http.Server;
let appUrl: string;
let sandbox: RunningSandbox;
let org: OrgFixture;
let other: OrgFixture;
let channelId: string;
/** Bodies the app received, to deliver one again by hand (Meta redelivers old events). */
const received: string[] = [];

async function handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
  const match = /^\/facebook\/webhook\/([^/]+)$/.exec(new URL(req.url ?? "/", appUrl).pathname);
  if (!match) return void res.writeHead(404).end();
  if (req.method === "GET") {
    const url = new URL(req.url ?? "/", appUrl);
    return void res.writeHead(200).end(url.searchParams.get("hub.challenge") ?? "");
  }
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const raw = Buffer.concat(chunks);
  received.push(raw.toString("utf8"));
  const answer = await ingestWebhook({ pageId: match[1], rawBody: new Uint8Array(raw), signature: (req.headers["x-hub-signature-256"] as string | undefined) ?? null });
  await processStored(answer.stored);
  res.writeHead(answer.status).end(answer.body);
}

/** Stands in for the processing workflow, before answering, so an idle sandbox means everything is processed. */
async function processStored(stored: StoredEvent[]): Promise<void> {
  const byChannel = new Map<string, StoredEvent[]>();
  for (const event of stored) byChannel.set(event.channelId, [...(byChannel.get(event.channelId) ?? []), event]);
  for (const events of byChannel.values()) await processStoredWebhookEvents({ orgId: events[0].orgId, channelId: events[0].channelId }, events.map((e) => e.id));
}

async function control<T = unknown>(method: string, path: string, body?: unknown): Promise<T> {
  const res = await fetch(`${sandbox.url}/_sandbox/api${path}`, {
    method,
    headers: body === undefined ? undefined : { "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const answer = (await res.json()) as T;
  if (!res.ok) throw new Error(`sandbox ${method} ${path}: ${res.status} ${JSON.stringify(answer)}`);
  return answer;
}

async function settle(): Promise<void> {
  expect(await sandbox.controls.webhooks.idle(15_000), "the sandbox still has deliveries in flight").toBe(true);
}

/** A new person of the demo Page who opens m.me/rn for the topic and taps Allow: their token. */
async function optIn(firstName: string): Promise<{ psid: string; token: string }> {
  const { psid } = await control<{ psid: string }>("POST", `/pages/${DEMO.pageId}/users`, { firstName, lastName: "Tester" });
  const { token } = await control<{ token: string }>("POST", `/users/${psid}/rn-link`, { topic: TOPIC, cadence: "weekly", timezone: "Europe/Paris" });
  await settle();
  return { psid, token };
}

async function permissionOf(token: string) {
  const db = await getDb();
  const [row] = await db.select().from(messagePermissions).where(eq(messagePermissions.tokenHash, sha256Hex(token)));
  return row;
}

async function permissionCount(): Promise<number> {
  const db = await getDb();
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(messagePermissions).where(eq(messagePermissions.channelId, channelId));
  return Number(row.n);
}

async function contactOf(psid: string): Promise<string> {
  const db = await getDb();
  const [row] = await db.select({ id: contacts.id }).from(contacts).where(eq(contacts.psid, psid));
  return row.id;
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
  process.env.GRAPH_API_URL = sandbox.url;

  org = await createOrgFixture("Ledger");
  other = await createOrgFixture("Ledger neighbour");
  const group = await createSkillGroup({ ctx: org.as.owner, input: { name: "Support" } });
  const channel = await createChannel({
    ctx: org.as.owner,
    input: { name: "Demo", pageId: DEMO.pageId, pageAccessToken: DEMO.pageAccessToken, appId: DEMO.appId, appSecret: DEMO.appSecret, skillGroupId: group.id },
  });
  channelId = channel.id;
  await control("PUT", `/apps/${DEMO.appId}/webhook`, { callbackUrl: `${appUrl}/facebook/webhook/${DEMO.pageId}`, verifyToken: await revealVerifyToken({ ctx: org.as.owner, channelId }) });
  // The Page's audience is in the EU (recurring notifications live on there); its admin registered the topic.
  await control("PUT", `/pages/${DEMO.pageId}/region`, { region: "EU", businessCountry: "FR" });
  sandbox.state.notificationTopics.set(SandboxStore.topicKey(DEMO.pageId, TOPIC), {
    pageId: DEMO.pageId,
    title: TOPIC,
    frequency: "WEEKLY",
    payload: "deals",
    registeredAt: sandbox.controls.clock.now(),
    registeredBy: "admin",
  });
});

afterAll(async () => {
  await sandbox?.close();
  await new Promise<void>((resolve) => (app ? app.close(() => resolve()) : resolve()));
});

describe("recurring opt-ins from the webhook", () => {
  it("stores the opt-in before the webhook answers, with the topic, frequency, time zone and expiry, and the token only sealed", async () => {
    const { psid, token } = await optIn("Amélie");
    const row = await permissionOf(token);
    const sandboxToken = sandbox.state.notificationTokens.get(token)!;
    expect(row).toMatchObject({
      orgId: org.org.id,
      channelId,
      psid,
      kind: "recurring",
      topic: TOPIC,
      frequency: "weekly",
      userTimeZone: "Europe/Paris",
      status: "active",
      source: "optin",
      stoppedAt: null,
    });
    expect(row.expiresAt?.getTime()).toBe(sandboxToken.expiresAt);
    expect(row.contactId).toBe(await contactOf(psid));
    expect(row.tokenSealed).not.toContain(token);

    // Nowhere in the database is the token in plain text: not the ledger, not the stored event, not the messages.
    const db = await getDb();
    const tables = rowsOf<{ name: string }>(await db.execute(sql`select table_name as name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE'`));
    for (const { name } of tables) {
      const [hit] = rowsOf<{ n: number }>(await db.execute(sql`select count(*)::int as n from ${sql.identifier(name)} t where t::text like ${"%" + token + "%"}`));
      expect(Number(hit.n), `the plain token in table ${name}`).toBe(0);
    }
  });

  it("has the permission in the ledger by the time ingestion answers 200, and a redelivery stores nothing", async () => {
    const { psid } = await control<{ psid: string }>("POST", `/pages/${DEMO.pageId}/users`, { firstName: "Bruno", lastName: "Tester" });
    const token = `nm_direct_${Date.now()}`;
    const raw = JSON.stringify({
      object: "page",
      entry: [
        {
          id: DEMO.pageId,
          time: Date.now(),
          messaging: [
            {
              sender: { id: psid },
              recipient: { id: DEMO.pageId },
              timestamp: Date.now(),
              optin: { type: "notification_messages", payload: "deals", notification_messages_token: token, notification_messages_frequency: "MONTHLY", notification_messages_timezone: "Europe/Berlin", token_expiry_timestamp: Date.now() + 365 * DAY, user_token_status: "NOT_REFRESHED", title: "Monthly digest" },
            },
          ],
        },
      ],
    });
    const post = () => ingestWebhook({ pageId: DEMO.pageId, rawBody: Buffer.from(raw), signature: signatureSha256(DEMO.appSecret, raw) });
    expect((await post()).status).toBe(200);
    const first = await permissionOf(token);
    expect(first).toMatchObject({ topic: "Monthly digest", frequency: "monthly", status: "active" });

    const before = await permissionCount();
    const again = await post();
    expect(again.status).toBe(200);
    expect(again.stored).toHaveLength(0);
    expect(await permissionCount()).toBe(before);
    expect((await permissionOf(token)).updatedAt.getTime()).toBe(first.updatedAt.getTime());
  });

  it("STOP then RESUME change the status and never add a permission; an old STOP delivered again changes nothing", async () => {
    const { psid, token } = await optIn("Chloé");
    const count = await permissionCount();

    await control("POST", `/users/${psid}/notifications/stop`, { token });
    await settle();
    const stopped = await permissionOf(token);
    expect(stopped.status).toBe("stopped");
    expect(stopped.stoppedAt).not.toBeNull();
    const stopBody = received.at(-1)!;
    expect(stopBody).toContain("STOP NOTIFICATIONS");

    sandbox.controls.clock.advance(60_000);
    await control("POST", `/users/${psid}/notifications/resume`, { token });
    await settle();
    expect(await permissionOf(token)).toMatchObject({ status: "active", stoppedAt: null });
    expect(await permissionCount()).toBe(count);

    // The thread says what happened, and none of it opened the 24-hour window (the person never wrote).
    const db = await getDb();
    const [contact] = await db.select().from(contacts).where(eq(contacts.psid, psid));
    expect(contact.lastInboundAt).toBeNull();
    const thread = await db.select({ postback: messages.postback }).from(messages).where(eq(messages.channelId, channelId));
    const changes = thread.map((m) => m.postback as { change?: string; title?: string } | null).filter((p) => p?.title === TOPIC);
    expect(changes.map((p) => p!.change)).toEqual(expect.arrayContaining(["optin", "stop", "resume"]));

    // Three events of one token, three stored events (the stop and resume are not redeliveries of the opt-in).
    const keys = (await db.select({ key: webhookEvents.dedupeKey }).from(webhookEvents).where(eq(webhookEvents.channelId, channelId))).map((r) => r.key).filter((k) => k.startsWith(`optin:${sha256Hex(token)}`));
    expect(keys).toHaveLength(3);

    // Meta delivers the STOP once more, late: the person's later RESUME stands.
    const late = await ingestWebhook({ pageId: DEMO.pageId, rawBody: Buffer.from(stopBody), signature: signatureSha256(DEMO.appSecret, stopBody) });
    expect(late.status).toBe(200);
    expect((await permissionOf(token)).status).toBe("active");
    expect(await permissionCount()).toBe(count);
  });

  it("a STOP delivered before its opt-in (Meta does not keep order) stores the permission stopped, and the late opt-in leaves it so", async () => {
    const count = await permissionCount();
    const now = Date.now();
    const psid = "4000000000000999";
    const token = `nm_early_stop_${now}`;
    const optin = (status?: string) => ({ type: "notification_messages", notification_messages_token: token, notification_messages_frequency: "WEEKLY", notification_messages_timezone: "Europe/Paris", token_expiry_timestamp: now + 90 * DAY, user_token_status: "NOT_REFRESHED", title: TOPIC, payload: "deals", ...(status ? { notification_messages_status: status } : {}) });
    const deliver = async (at: number, body: Record<string, unknown>) => {
      const raw = JSON.stringify({ object: "page", entry: [{ id: DEMO.pageId, time: at, messaging: [{ sender: { id: psid }, recipient: { id: DEMO.pageId }, timestamp: at, optin: body }] }] });
      expect((await ingestWebhook({ pageId: DEMO.pageId, rawBody: Buffer.from(raw), signature: signatureSha256(DEMO.appSecret, raw) })).status).toBe(200);
    };
    await deliver(now + 1000, optin("STOP NOTIFICATIONS"));
    expect(await permissionOf(token)).toMatchObject({ status: "stopped", psid, frequency: "weekly" });
    await deliver(now, optin());
    expect(await permissionOf(token)).toMatchObject({ status: "stopped" });
    expect(await permissionCount()).toBe(count + 1);
  });

  it("an opt-in and its STOP delivered at the same moment (two POSTs racing) always end stopped", async () => {
    const now = Date.now();
    const pairs = Array.from({ length: 20 }, (_, i) => ({ psid: `40000000000${String(1000 + i)}`, token: `nm_race_${now}_${i}` }));
    const post = async (psid: string, at: number, optin: Record<string, unknown>) => {
      const raw = JSON.stringify({ object: "page", entry: [{ id: DEMO.pageId, time: at, messaging: [{ sender: { id: psid }, recipient: { id: DEMO.pageId }, timestamp: at, optin }] }] });
      return (await ingestWebhook({ pageId: DEMO.pageId, rawBody: Buffer.from(raw), signature: signatureSha256(DEMO.appSecret, raw) })).status;
    };
    const body = (token: string, status?: string) => ({ type: "notification_messages", notification_messages_token: token, notification_messages_frequency: "WEEKLY", notification_messages_timezone: "Europe/Paris", token_expiry_timestamp: now + 90 * DAY, user_token_status: "NOT_REFRESHED", title: TOPIC, ...(status ? { notification_messages_status: status } : {}) });
    const statuses = await Promise.all(pairs.flatMap(({ psid, token }) => [post(psid, now, body(token)), post(psid, now + 1000, body(token, "STOP NOTIFICATIONS"))]));
    expect(statuses.every((s) => s === 200)).toBe(true);
    for (const { token } of pairs) expect((await permissionOf(token)).status, token).toBe("stopped");
  });

  it("the re-opt-in (REFRESHED) moves the expiry of the same permission", async () => {
    const { psid, token } = await optIn("Dario");
    const before = await permissionOf(token);
    const count = await permissionCount();
    // The prompt shows in the token's last day.
    sandbox.controls.clock.advance(before.expiresAt!.getTime() - sandbox.controls.clock.now() - DAY / 2);
    const { expiresAt } = await control<{ expiresAt: number }>("POST", `/users/${psid}/notifications/reoptin`, { token });
    await settle();
    const after = await permissionOf(token);
    expect(after.id).toBe(before.id);
    expect(after.expiresAt?.getTime()).toBe(expiresAt);
    expect(after.expiresAt!.getTime()).toBeGreaterThan(before.expiresAt!.getTime());
    expect(await permissionCount()).toBe(count);
  });

  it("the expiry sweep marks what is past its expiry, once; a RESUME does not bring it back", async () => {
    const { psid, token } = await optIn("Elena");
    const row = await permissionOf(token);
    const later = new Date(row.expiresAt!.getTime() + 1000);
    expect(await expireMessagePermissionsBatch(later)).toBeGreaterThanOrEqual(1);
    expect((await permissionOf(token)).status).toBe("expired");
    expect(await expireMessagePermissionsBatch(later)).toBe(0);
    // A STOP and a RESUME that arrive anyway (the sandbox's clock is behind ours) leave it expired.
    await control("POST", `/users/${psid}/notifications/stop`, { token });
    await settle();
    expect((await permissionOf(token)).status).toBe("expired");
    sandbox.controls.clock.advance(60_000);
    await control("POST", `/users/${psid}/notifications/resume`, { token });
    await settle();
    expect((await permissionOf(token)).status).toBe("expired");
  });
});

describe("the ledger as one list", () => {
  let contactId: string;
  let recurringToken: string;

  beforeAll(async () => {
    const person = await optIn("Farah");
    recurringToken = person.token;
    contactId = await contactOf(person.psid);
    const db = await getDb();
    const campaign = await createCampaign({ ctx: org.as.owner, input: { name: "Spring sale", channelId, requestTitle: "Notify me", content: { type: "text", text: "Hi" } } });
    const otn = (status: (typeof otnTokens.$inferInsert)["status"], optedInAt: Date, sentAt: Date | null = null) => {
      const token = `otn-${status}-${optedInAt.getTime()}`;
      return { orgId: org.org.id, campaignId: campaign.id, channelId, contactId, psid: person.psid, status, tokenSealed: seal(token), tokenHash: sha256Hex(token), optedInAt, sentAt };
    };
    const now = Date.now();
    await db.insert(otnTokens).values([
      otn("pending", new Date(now - 2 * DAY)),
      otn("sent", new Date(now - 3 * DAY), new Date(now - DAY)),
      otn("failed", new Date(now - 4 * DAY)),
      otn("pending", new Date(now - 400 * DAY)),
    ]);
  });

  it("merges the person's OTN tokens and recurring topics, newest first, with statuses and expiries and no token", async () => {
    const list = await listContactPermissions({ ctx: org.as.owner, contactId });
    expect(list.map((p) => [p.kind, p.status, p.topic])).toEqual([
      ["recurring", "active", TOPIC],
      ["otn", "active", "Spring sale"],
      ["otn", "used", "Spring sale"],
      ["otn", "used", "Spring sale"],
      ["otn", "expired", "Spring sale"],
    ]);
    expect(list[0]).toMatchObject({ frequency: "weekly", userTimeZone: "Europe/Paris", campaignId: null, source: "optin" });
    expect(list[1].campaignId).not.toBeNull();
    expect(Date.parse(list[1].expiresAt!) - Date.parse(list[1].optedInAt)).toBe(365 * DAY);
    expect(list[2].lastSentAt).not.toBeNull();
    expect(JSON.stringify(list)).not.toContain(recurringToken);
    expect(JSON.stringify(list)).not.toContain("otn-");
  });

  it("the contact panel shows the same list", async () => {
    const db = await getDb();
    // Processing the opt-in made the person's conversation (one per contact).
    const [conversation] = await db.select({ id: conversations.id }).from(conversations).where(eq(conversations.contactId, contactId));
    const panel = await getContactPanel({ ctx: org.as.owner, conversationId: conversation.id });
    expect(panel.permissions).toEqual(await listContactPermissions({ ctx: org.as.owner, contactId }));
  });

  it("another organisation's contact is not found, through the service and the API", async () => {
    await expect(listContactPermissions({ ctx: other.as.owner, contactId })).rejects.toBeInstanceOf(NotFoundError);
    // An agent sees only the contacts of their skill groups' channels (this one is in none).
    await expect(listContactPermissions({ ctx: org.as.agent, contactId })).rejects.toBeInstanceOf(NotFoundError);
    const operation = apiOperations.find((o) => o.operationId === "listContactPermissions")!;
    const otherKey = (await createApiKey({ ctx: other.as.owner, input: { name: "neighbour", role: "admin" } })).secret;
    expect((await callApi(operation, { key: otherKey, params: { contactId } })).status).toBe(404);
    const key = (await createApiKey({ ctx: org.as.owner, input: { name: "ledger", role: "admin" } })).secret;
    const answer = await callApi(operation, { key, params: { contactId } });
    expect(answer.status).toBe(200);
    expect(answer.body.nextCursor).toBeNull();
    expect(answer.body.data).toHaveLength(5);
    expect(answer.body.data[0]).toEqual({
      id: expect.any(String),
      kind: "recurring",
      status: "active",
      topic: TOPIC,
      campaignId: null,
      frequency: "weekly",
      userTimeZone: "Europe/Paris",
      source: "optin",
      optedInAt: expect.any(String),
      expiresAt: expect.any(String),
      stoppedAt: null,
      lastSentAt: null,
    });
  });

  it("the channel summary counts by kind and status", async () => {
    const summary = await summarizeChannelPermissions({ ctx: org.as.owner, channelId });
    expect(summary.otn).toEqual({ active: 1, used: 2, stopped: 0, expired: 1 });
    expect(summary.marketing).toEqual({ active: 0, used: 0, stopped: 0, expired: 0 });
    expect(summary.recurring.active).toBeGreaterThanOrEqual(1);
    expect(summary.recurring.expired).toBeGreaterThanOrEqual(1);
    await expect(summarizeChannelPermissions({ ctx: other.as.owner, channelId })).rejects.toBeInstanceOf(NotFoundError);
  });
});

describe("the channel's region", () => {
  it("is set through the update verb (audited) and decides what is offered", async () => {
    const channel = await updateChannel({ ctx: org.as.owner, channelId, input: { messagingRegion: "EU", businessCountry: "fr" } });
    expect(channel).toMatchObject({ messagingRegion: "EU", businessCountry: "FR" });
    expect(messagingAvailability(channel, new Date("2026-12-01"))).toEqual({ recurring: { available: true }, marketing: { available: false, reason: "permissions.reason.marketingRegion" } });
    await expect(updateChannel({ ctx: org.as.owner, channelId, input: { messagingRegion: "Mars" } })).rejects.toThrow();
    await expect(updateChannel({ ctx: org.as.owner, channelId, input: { businessCountry: "France" } })).rejects.toThrow();
    await expect(updateChannel({ ctx: org.as.agent, channelId, input: { messagingRegion: "US" } })).rejects.toThrow();
    // Through the API: the same verb, the same refusal in words.
    const updateOperation = apiOperations.find((o) => o.operationId === "updateChannel")!;
    const key = (await createApiKey({ ctx: org.as.owner, input: { name: "regions", role: "admin" } })).secret;
    const refused = await callApi(updateOperation, { key, params: { channelId }, body: { businessCountry: "France" } });
    expect(refused.status).toBe(422);
    expect(refused.body.error.message).toContain("two-letter ISO code");
    const cleared = await callApi(updateOperation, { key, params: { channelId }, body: { businessCountry: null, messagingRegion: "UK" } });
    expect(cleared.body).toMatchObject({ messagingRegion: "UK", businessCountry: null });

    const db = await getDb();
    const audit = rowsOf<{ after: { messagingRegion?: string } }>(await db.execute(sql`select after from audit_log where resource_id = ${channelId} and action = 'channel.updated' order by at desc, id desc limit 1`));
    expect(audit[0]?.after.messagingRegion).toBe("UK");
  });
});

describe("messagingAvailability", () => {
  const after = new Date("2026-12-01T00:00:00Z");
  const before = new Date("2026-01-15T00:00:00Z");
  it.each([
    ["EU", "FR", after, { available: true }, "permissions.reason.marketingRegion"],
    ["UK", "GB", after, { available: true }, "permissions.reason.marketingRegion"],
    ["US", "US", after, { available: false, reason: "permissions.reason.recurringRegion" }, "permissions.reason.noAdAccount"],
    ["US", "US", before, { available: true }, "permissions.reason.noAdAccount"],
    ["other", "CN", after, { available: false, reason: "permissions.reason.recurringRegion" }, "permissions.reason.marketingChina"],
    ["BR", "DE", after, { available: false, reason: "permissions.reason.recurringRegion" }, "permissions.reason.marketingCountry"],
    ["US", null, after, { available: false, reason: "permissions.reason.recurringRegion" }, "permissions.reason.businessCountryNotSet"],
    [null, "US", after, { available: false, reason: "permissions.reason.regionNotSet" }, "permissions.reason.regionNotSet"],
  ] as const)("region %s, business %s, on %s", (messagingRegion, businessCountry, now, recurring, marketingReason) => {
    const availability = messagingAvailability({ messagingRegion, businessCountry }, now);
    expect(availability.recurring).toEqual(recurring);
    expect(availability.marketing).toEqual({ available: false, reason: marketingReason });
  });

  it("offers marketing messages to a US business with the operator's ad account", () => {
    expect(messagingAvailability({ messagingRegion: "US", businessCountry: "US", adAccountId: "6000000000000006" }, after).marketing).toEqual({ available: true });
  });
});
