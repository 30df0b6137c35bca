/**
 * Recurring topics end to end: the Messenger sandbox (a Page in the EU, where recurring notifications live on)
 * delivers the admin's and people's messages and opt-ins to a node:http server running the webhook route's
 * code; topics are created, registered by the admin's own opt-in, shared as m.me/rn links and offered to people
 * within Meta's rules, and every refusal Meta gives is counted in its outcome.
 */
import http from "node:http";
import type { AddressInfo } from "node:net";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { channels, contacts, messagePermissions, recurringTopics, topicRequests } from "@/db/schema";
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from "@/lib/errors";
import { createChannel, revealVerifyToken, updateChannel } from "@/lib/services/channels";
import { createSegment } from "@/lib/services/segments";
import { createSkillGroup } from "@/lib/services/skill-groups";
import { ingestWebhook, processStoredWebhookEvents, type StoredEvent } from "@/lib/services/webhook";
import { sandboxLinkOf } from "@/app/o/[orgSlug]/campaigns/_components/sandbox-link";
import { DEMO, startSandbox, type RunningSandbox } from "@/sandbox/server";
import { useTestDatabase } from "@/tests/db";
import { createOrgFixture, type OrgFixture } from "@/tests/fixtures";
import { createTopic, deleteTopic, getTopic, getTopicShare, listContactTopics, listTopics, registerTopic, renderTopicQr, requestTopicOptin, updateTopic, type Topic } from ".";

useTestDatabase();

const HOUR = 3_600_000;

let app: http.Server;
let appUrl: string;
let sandbox: RunningSandbox;
let org: OrgFixture;
let other: OrgFixture;
let channelId: string;
let pageId: string;
let topic: Topic;

async function handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
  const match = /^\/facebook\/webhook\/([^/]+)$/.exec(new URL(req.url ?? "/", appUrl).pathname);
  if (!match) return void res.writeHead(404).end();
  if (req.method === "GET") return void res.writeHead(200).end(new URL(req.url ?? "/", appUrl).searchParams.get("hub.challenge") ?? "");
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const answer = await ingestWebhook({ pageId: match[1], rawBody: new Uint8Array(Buffer.concat(chunks)), signature: (req.headers["x-hub-signature-256"] as string | undefined) ?? null });
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

/** A new person of the Page; with `writes`, they write to the Page (the app learns them, their window opens). */
async function person(firstName: string, { writes = true } = {}): Promise<{ psid: string; contactId: string }> {
  const { psid } = await control<{ psid: string }>("POST", `/pages/${pageId}/users`, { firstName, lastName: "Tester" });
  if (writes) {
    await control("POST", `/users/${psid}/messages`, { text: `Hello from ${firstName}` });
    await settle();
    return { psid, contactId: await contactOf(psid) };
  }
  return { psid, contactId: await insertContact(psid, firstName, null) };
}

async function insertContact(psid: string, firstName: string, lastInboundAt: Date | null): Promise<string> {
  const db = await getDb();
  const [row] = await db.insert(contacts).values({ orgId: org.org.id, channelId, psid, firstName, lastInboundAt }).returning({ id: contacts.id });
  return row.id;
}

async function contactOf(psid: string): Promise<string> {
  const db = await getDb();
  const [row] = await db.select({ id: contacts.id }).from(contacts).where(eq(contacts.psid, psid));
  return row.id;
}

async function refusal(promise: Promise<unknown>): Promise<{ error: unknown; key?: string }> {
  try {
    await promise;
  } catch (error) {
    return { error, key: (error as { messageKey?: string }).messageKey };
  }
  throw new Error("expected a refusal");
}

const outcomes = (counts: Partial<Record<string, number>>) => ({ sent: 0, outside_window: 0, asked_recently: 0, already_subscribed: 0, unavailable: 0, failed: 0, ...counts });

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

  org = await createOrgFixture("Topics");
  other = await createOrgFixture("Topics neighbour");
  const group = await createSkillGroup({ ctx: org.as.owner, input: { name: "Support" } });
  pageId = DEMO.pageId;
  const channel = await createChannel({
    ctx: org.as.owner,
    input: { name: "Demo", pageId, pageAccessToken: DEMO.pageAccessToken, appId: DEMO.appId, appSecret: DEMO.appSecret, skillGroupId: group.id },
  });
  channelId = channel.id;
  await control("PUT", `/apps/${DEMO.appId}/webhook`, { callbackUrl: `${appUrl}/facebook/webhook/${pageId}`, verifyToken: await revealVerifyToken({ ctx: org.as.owner, channelId }) });
  // The Page's audience is in the EU (recurring notifications live on there), on Meta's side and ours.
  await control("PUT", `/pages/${pageId}/region`, { region: "EU", businessCountry: "FR" });
  await updateChannel({ ctx: org.as.owner, channelId, input: { messagingRegion: "EU", businessCountry: "FR" } });
});

afterAll(async () => {
  await sandbox?.close();
  await new Promise<void>((resolve) => (app ? app.close(() => resolve()) : resolve()));
});

describe("creating topics", () => {
  it("creates an unregistered topic with its cadence and image, and lists it with no subscribers", async () => {
    topic = await createTopic({ ctx: org.as.marketer, input: { channelId, title: "  Weekly deals ", cadence: "weekly", imageUrl: "https://shop.example/deals.png" } });
    expect(topic).toMatchObject({ channelId, channelName: "Demo", title: "Weekly deals", cadence: "weekly", imageUrl: "https://shop.example/deals.png", registration: "unregistered", subscribers: { active: 0, stopped: 0, expired: 0 }, available: true });
    expect((await listTopics({ ctx: org.as.marketer, query: { channelId } })).map((t) => t.id)).toEqual([topic.id]);
    expect(await listTopics({ ctx: other.as.owner })).toEqual([]);
  });

  it("refuses a title over 65 characters, an unknown cadence and an image that is not https", async () => {
    for (const [input, field] of [
      [{ channelId, title: "x".repeat(66), cadence: "weekly" }, "title"],
      [{ channelId, title: "Hourly", cadence: "hourly" }, "cadence"],
      [{ channelId, title: "Pictures", cadence: "daily", imageUrl: "http://shop.example/a.png" }, "imageUrl"],
    ] as const) {
      const { error } = await refusal(createTopic({ ctx: org.as.owner, input }));
      expect(error).toBeInstanceOf(ValidationError);
      expect(Object.keys((error as ValidationError).fieldErrors)).toEqual([field]);
    }
  });

  it("refuses a second topic with the same title on the channel, regardless of case", async () => {
    const { error, key } = await refusal(createTopic({ ctx: org.as.owner, input: { channelId, title: "WEEKLY DEALS", cadence: "daily" } }));
    expect(error).toBeInstanceOf(ConflictError);
    expect(key).toBe("topics.errors.titleTaken");
  });

  it("refuses a channel whose region no longer has recurring notifications, saying why", async () => {
    const page = await control<{ id: string; accessToken: string }>("POST", "/pages", { appId: DEMO.appId, region: "US" });
    const group = await createSkillGroup({ ctx: org.as.owner, input: { name: "US support" } });
    const us = await createChannel({ ctx: org.as.owner, input: { name: "US shop", pageId: page.id, pageAccessToken: page.accessToken, appId: DEMO.appId, appSecret: DEMO.appSecret, skillGroupId: group.id } });
    const notSet = await refusal(createTopic({ ctx: org.as.owner, input: { channelId: us.id, title: "Deals", cadence: "weekly" } }));
    expect(notSet.key).toBe("permissions.reason.regionNotSet");
    await updateChannel({ ctx: org.as.owner, channelId: us.id, input: { messagingRegion: "US", businessCountry: "US" } });
    const { error, key } = await refusal(createTopic({ ctx: org.as.owner, input: { channelId: us.id, title: "Deals", cadence: "weekly" } }));
    expect(error).toBeInstanceOf(ConflictError);
    expect(key).toBe("permissions.reason.recurringRegion");
    expect((error as Error).message).toMatch(/discontinued recurring notifications/);
  });

  it("lets marketers manage topics, not agents, and another organisation's topic is unknown", async () => {
    expect((await refusal(createTopic({ ctx: org.as.agent, input: { channelId, title: "Agents", cadence: "weekly" } }))).error).toBeInstanceOf(ForbiddenError);
    expect((await refusal(listTopics({ ctx: org.as.agent }))).error).toBeInstanceOf(ForbiddenError);
    expect((await refusal(createTopic({ ctx: other.as.owner, input: { channelId, title: "Theirs", cadence: "weekly" } }))).error).toBeInstanceOf(NotFoundError);
    const ctx = other.as.owner;
    const topicId = topic.id;
    for (const call of [
      () => getTopic({ ctx, topicId }),
      () => updateTopic({ ctx, topicId, input: { cadence: "daily" } }),
      () => deleteTopic({ ctx, topicId }),
      () => getTopicShare({ ctx, topicId }),
      () => registerTopic({ ctx, topicId, input: { contactId: "00000000-0000-4000-8000-000000000000" } }),
      () => requestTopicOptin({ ctx, topicId, input: { everyone: true } }),
    ]) {
      expect((await refusal(call())).error).toBeInstanceOf(NotFoundError);
    }
  });

  it("changes the cadence and image; deleting frees the title", async () => {
    const spare = await createTopic({ ctx: org.as.owner, input: { channelId, title: "Monthly news", cadence: "monthly" } });
    const changed = await updateTopic({ ctx: org.as.owner, topicId: spare.id, input: { cadence: "daily", imageUrl: "" } });
    expect(changed).toMatchObject({ cadence: "daily", imageUrl: null, title: "Monthly news" });
    await deleteTopic({ ctx: org.as.owner, topicId: spare.id });
    expect((await refusal(getTopic({ ctx: org.as.owner, topicId: spare.id }))).error).toBeInstanceOf(NotFoundError);
    const again = await createTopic({ ctx: org.as.owner, input: { channelId, title: "monthly NEWS", cadence: "monthly" } });
    await deleteTopic({ ctx: org.as.owner, topicId: again.id });
  });
});

describe("registration", () => {
  it("cannot invite people before the topic is registered", async () => {
    expect((await refusal(requestTopicOptin({ ctx: org.as.owner, topicId: topic.id, input: { everyone: true } }))).key).toBe("topics.errors.notRegistered");
  });

  it("refuses an admin account that has not written within 24 hours, without calling Meta", async () => {
    const db = await getDb();
    const stale = await insertContact(`stale-${Date.now()}`, "Stale", new Date(Date.now() - 25 * HOUR));
    const { error, key } = await refusal(registerTopic({ ctx: org.as.owner, topicId: topic.id, input: { contactId: stale } }));
    expect(error).toBeInstanceOf(ConflictError);
    expect(key).toBe("topics.errors.registrationOutsideWindow");
    const [row] = await db.select().from(recurringTopics).where(eq(recurringTopics.id, topic.id));
    expect(row.registration).toBe("unregistered");
  });

  it("sends the request to the admin's own account (pending), and the admin's opt-in registers the topic and links the permission", async () => {
    const admin = await control<{ psid: string }>("POST", `/pages/${pageId}/admin-user`);
    await control("POST", `/users/${admin.psid}/messages`, { text: "It's me, the admin" });
    await settle();
    const contactId = await contactOf(admin.psid);

    const pending = await registerTopic({ ctx: org.as.marketer, topicId: topic.id, input: { contactId } });
    expect(pending).toMatchObject({ registration: "pending", registeredAt: null });
    expect(pending.registrationRequestedAt).not.toBeNull();
    const db = await getDb();
    const [row] = await db.select().from(recurringTopics).where(eq(recurringTopics.id, topic.id));
    expect(row.registrationPsid).toBe(admin.psid);
    // What Meta received: the notification_messages template with our payload, the cadence upper-cased, re-opt-in on.
    const thread = sandbox.state.thread(admin.psid);
    const request = thread.filter((m) => m.direction === "out").at(-1)?.message as { attachment: { payload: Record<string, unknown> } };
    expect(request.attachment.payload).toEqual({
      template_type: "notification_messages",
      title: "Weekly deals",
      payload: row.payload,
      image_url: "https://shop.example/deals.png",
      notification_messages_frequency: "WEEKLY",
      notification_messages_reoptin: "ENABLED",
    });

    await control("POST", `/users/${admin.psid}/notification-optin`, {});
    await settle();
    const registered = await getTopic({ ctx: org.as.marketer, topicId: topic.id });
    expect(registered).toMatchObject({ registration: "registered", subscribers: { active: 1, stopped: 0, expired: 0 } });
    expect(registered.registeredAt).not.toBeNull();
    const [permission] = await db.select().from(messagePermissions).where(eq(messagePermissions.psid, admin.psid));
    expect(permission).toMatchObject({ topicId: topic.id, topic: "Weekly deals", status: "active" });
    expect((await control<{ data: { title: string }[] }>("GET", `/pages/${pageId}/topics`)).data.map((t) => t.title)).toContain("Weekly deals");
    expect((await refusal(registerTopic({ ctx: org.as.owner, topicId: topic.id, input: { contactId } }))).key).toBe("topics.errors.alreadyRegistered");
  });

  it("freezes the title once someone subscribed", async () => {
    expect((await refusal(updateTopic({ ctx: org.as.owner, topicId: topic.id, input: { title: "Weekly offers" } }))).key).toBe("topics.errors.titleFrozen");
    expect(await updateTopic({ ctx: org.as.owner, topicId: topic.id, input: { title: "Weekly deals", imageUrl: null } })).toMatchObject({ title: "Weekly deals", imageUrl: null, registration: "registered" });
  });
});

describe("the m.me/rn link", () => {
  it("points at the Page's m.me/rn with the title and cadence, with its QR code", async () => {
    const share = await getTopicShare({ ctx: org.as.marketer, topicId: topic.id });
    expect(share.link).toBe(`https://m.me/rn/${DEMO.pageId}?topic=Weekly%20deals&cadence=weekly`);
    // Against the sandbox, the dashboard opens the same path on the sandbox's m.me, which shows the topic's opt-in.
    const opened = await fetch(sandboxLinkOf(share.link, sandbox.url), { redirect: "manual" });
    expect(opened.status).toBe(302);
    expect(opened.headers.get("location")).toMatch(/rnTopic=Weekly(%20|\+)deals&rnCadence=weekly/);
    expect(share.qrSvgPath).toBe(`/api/downloads/topics/${topic.id}/qr.svg`);
    expect(String(await renderTopicQr({ ctx: org.as.marketer, topicId: topic.id, format: "svg" }))).toMatch(/^<svg/);
    expect(((await renderTopicQr({ ctx: org.as.marketer, topicId: topic.id, format: "png" })) as Buffer).subarray(1, 4).toString()).toBe("PNG");
  });

  it("an opt-in through the link lands in the ledger with its topic, and stops count as stopped", async () => {
    const { psid } = await control<{ psid: string }>("POST", `/pages/${pageId}/users`, { firstName: "Linda", lastName: "Link" });
    await control("POST", `/users/${psid}/rn-link`, { topic: "Weekly deals", cadence: "weekly", timezone: "Europe/Paris" });
    await settle();
    const db = await getDb();
    const [permission] = await db.select().from(messagePermissions).where(eq(messagePermissions.psid, psid));
    expect(permission).toMatchObject({ topicId: topic.id, userTimeZone: "Europe/Paris", status: "active" });
    await control("POST", `/users/${psid}/notifications/stop`, { title: "Weekly deals" });
    await settle();
    expect((await getTopic({ ctx: org.as.owner, topicId: topic.id })).subscribers).toEqual({ active: 1, stopped: 1, expired: 0 });
  });

  it("links earlier opt-ins to a topic created afterwards, which is then registered", async () => {
    const db = await getDb();
    const { psid } = await control<{ psid: string }>("POST", `/pages/${pageId}/users`, { firstName: "Early", lastName: "Bird" });
    await db.insert(messagePermissions).values({ orgId: org.org.id, channelId, psid, kind: "recurring", topic: "Flash sales", frequency: "daily", tokenSealed: "x", tokenHash: `early-${Date.now()}`, source: "optin", optedInAt: new Date(Date.now() - HOUR) });
    const flash = await createTopic({ ctx: org.as.owner, input: { channelId, title: "flash sales", cadence: "daily" } });
    expect(flash).toMatchObject({ registration: "registered", subscribers: { active: 1, stopped: 0, expired: 0 } });
    await deleteTopic({ ctx: org.as.owner, topicId: flash.id });
  });
});

describe("opt-in requests to people", () => {
  it("asks only people inside the window, once a week, never subscribers, and counts every person", async () => {
    const db = await getDb();
    const ann = await person("Ann");
    const late = await insertContact(`late-${Date.now()}`, "Late", new Date(Date.now() - 30 * HOUR));
    const adminPsid = (await control<{ psid: string }>("POST", `/pages/${pageId}/admin-user`)).psid;
    const admin = await contactOf(adminPsid);

    const first = await requestTopicOptin({ ctx: org.as.marketer, topicId: topic.id, input: { contactIds: [ann.contactId, late, admin] } });
    expect(first).toEqual({ total: 3, counts: outcomes({ sent: 1, outside_window: 1, already_subscribed: 1 }), reconnectNeeded: false });
    const [memory] = await db.select().from(topicRequests).where(and(eq(topicRequests.topicId, topic.id), eq(topicRequests.psid, ann.psid)));
    expect(memory.requestCount).toBe(1);

    // Within 7 days Ann is not asked again (and Meta is not called: its own limit would say the same).
    const again = await requestTopicOptin({ ctx: org.as.marketer, topicId: topic.id, input: { contactIds: [ann.contactId] } });
    expect(again.counts).toEqual(outcomes({ asked_recently: 1 }));

    // Ann opts in to the request: she is a subscriber now.
    await control("POST", `/users/${ann.psid}/notification-optin`, {});
    await settle();
    const [permission] = await db.select().from(messagePermissions).where(eq(messagePermissions.psid, ann.psid));
    expect(permission.topicId).toBe(topic.id);
    const third = await requestTopicOptin({ ctx: org.as.marketer, topicId: topic.id, input: { contactIds: [ann.contactId] } });
    expect(third.counts).toEqual(outcomes({ already_subscribed: 1 }));
    // The contact panel offers the Page's registered topics to managers only.
    expect((await listContactTopics({ ctx: org.as.marketer, contactId: ann.contactId })).map((t) => t.id)).toEqual([topic.id]);
    expect((await refusal(listContactTopics({ ctx: org.as.agent, contactId: ann.contactId }))).error).toBeInstanceOf(ForbiddenError);
    expect((await refusal(listContactTopics({ ctx: other.as.owner, contactId: ann.contactId }))).error).toBeInstanceOf(NotFoundError);
  });

  it("counts Meta's own refusals: outside the window (10/2018278), asked too often (9/2018352), duplicate opt-in (613/1893016)", async () => {
    const db = await getDb();
    // We think Ben wrote just now; Meta knows he never did.
    const ben = await person("Ben", { writes: false });
    await db.update(contacts).set({ lastInboundAt: new Date() }).where(eq(contacts.id, ben.contactId));
    // Cleo was asked; our memory of it is lost, Meta's is not.
    const cleo = await person("Cleo");
    expect((await requestTopicOptin({ ctx: org.as.owner, topicId: topic.id, input: { contactIds: [cleo.contactId] } })).counts.sent).toBe(1);
    await db.delete(topicRequests).where(eq(topicRequests.psid, cleo.psid));
    // Dora subscribed through the link; the ledger lost her permission.
    const dora = await person("Dora");
    await control("POST", `/users/${dora.psid}/rn-link`, { topic: "Weekly deals", cadence: "weekly" });
    await settle();
    await db.delete(messagePermissions).where(eq(messagePermissions.psid, dora.psid));

    const result = await requestTopicOptin({ ctx: org.as.owner, topicId: topic.id, input: { contactIds: [ben.contactId, cleo.contactId, dora.contactId] } });
    expect(result).toEqual({ total: 3, counts: outcomes({ outside_window: 1, asked_recently: 1, already_subscribed: 1 }), reconnectNeeded: false });
    // A refusal for the window is not a request: Ben may be asked once he writes.
    expect(await db.select().from(topicRequests).where(eq(topicRequests.psid, ben.psid))).toEqual([]);
  });

  it("asks a segment's people or everyone in the window", async () => {
    const eve = await person("Eve");
    const segment = await createSegment({ ctx: org.as.owner, input: { name: "Wrote today", definition: { match: "all", conditions: [{ kind: "lastInbound", op: "within", days: 1 }] } } });
    const bySegment = await requestTopicOptin({ ctx: org.as.owner, topicId: topic.id, input: { segmentId: segment.id } });
    expect(bySegment.counts.sent).toBe(1); // Eve: everyone else who wrote today was asked, is subscribed, or Meta refused
    expect(bySegment.total).toBe(Object.values(bySegment.counts).reduce((a, b) => a + b, 0));
    const everyone = await requestTopicOptin({ ctx: org.as.owner, topicId: topic.id, input: { everyone: true } });
    expect(everyone.counts.sent).toBe(0);
    expect(everyone.counts.asked_recently).toBeGreaterThanOrEqual(1);
    expect(everyone.total).toBe(Object.values(everyone.counts).reduce((a, b) => a + b, 0));
    const [memory] = await (await getDb()).select().from(topicRequests).where(eq(topicRequests.psid, eve.psid));
    expect(memory.requestCount).toBe(1);
    expect((await refusal(requestTopicOptin({ ctx: org.as.owner, topicId: topic.id, input: { segmentId: "00000000-0000-4000-8000-000000000000" } }))).error).toBeInstanceOf(NotFoundError);
    expect((await refusal(requestTopicOptin({ ctx: org.as.owner, topicId: topic.id, input: { contactIds: ["00000000-0000-4000-8000-000000000000"] } }))).key).toBe("topics.errors.contactsNotOnPage");
  });

  it("counts a region refusal from Meta as unavailable, for everyone left", async () => {
    const fay = await person("Fay");
    const gus = await person("Gus");
    await control("PUT", `/pages/${pageId}/region`, { region: "US" });
    try {
      const result = await requestTopicOptin({ ctx: org.as.owner, topicId: topic.id, input: { contactIds: [fay.contactId, gus.contactId] } });
      expect(result.counts).toEqual(outcomes({ unavailable: 2 }));
    } finally {
      await control("PUT", `/pages/${pageId}/region`, { region: "EU" });
    }
  });

  it("flags the channel for reconnection when Meta refuses its token (190), and counts the rest as failed", async () => {
    const hal = await person("Hal");
    const ida = await person("Ida");
    await control("POST", `/pages/${pageId}/token-death`, { subcode: 460 });
    const result = await requestTopicOptin({ ctx: org.as.owner, topicId: topic.id, input: { contactIds: [hal.contactId, ida.contactId] } });
    expect(result).toEqual({ total: 2, counts: outcomes({ failed: 2 }), reconnectNeeded: true });
    const [channel] = await (await getDb()).select({ reconnectReason: channels.reconnectReason }).from(channels).where(eq(channels.id, channelId));
    expect(channel.reconnectReason).toMatch(/#190/);
  });
});
