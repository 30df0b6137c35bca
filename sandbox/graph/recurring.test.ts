/**
 * Recurring notifications (notification_messages) as Meta runs them in 2026: topics registered by the Page's
 * admin, m.me/rn links, opt-in / stop / resume / re-opt-in webhooks (signed), the request limits, cadence and
 * the 48 h gap on the moving clock, expiry, and the regions where the feature survived 2026-02-10.
 */
import { createHmac } from "node:crypto";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { DAY_MS, HOUR_MS } from "../clock";
import type { RunningSandbox } from "../server";
import { control, graph, startReceiver, waitFor, withSandbox } from "../testing/harness";
import { RECURRING_DISCONTINUED_AT, recurringAvailable } from "./regions";

const SECRET = "rn-secret";
let sandbox: RunningSandbox;
let receiver: Awaited<ReturnType<typeof startReceiver>>;
let pageId: string;
let pageToken: string;

beforeAll(async () => {
  receiver = await startReceiver();
  sandbox = await withSandbox();
});
afterAll(async () => {
  await sandbox.close();
  await receiver.close();
});
beforeEach(async () => {
  sandbox.core.reset();
  receiver.received.length = 0;
  const app = (await control(sandbox, "POST", "/apps", { secret: SECRET, callbackUrl: receiver.url, verifyToken: "verify-me" })).body;
  const page = (await control(sandbox, "POST", "/pages", { appId: app.id, region: "EU" })).body;
  pageId = page.id;
  pageToken = page.accessToken;
});

const send = (body: unknown) => graph(sandbox, "POST", `/v21.0/me/messages?access_token=${pageToken}`, body);
const request = (title = "Weekly deals", frequency = "WEEKLY") => ({
  attachment: { type: "template", payload: { template_type: "notification_messages", title, payload: `topic:${title}`, notification_messages_frequency: frequency } },
});

/** A person who just wrote to the Page (open window). */
async function engaged(timezone?: string) {
  const user = (await control(sandbox, "POST", `/pages/${pageId}/users`, { inWindow: true, timezone })).body;
  return user.psid as string;
}

/** The Page's admin asks themselves and opts in: the topic is registered. */
async function registerTopic(title = "Weekly deals", frequency = "WEEKLY") {
  const admin = (await control(sandbox, "POST", `/pages/${pageId}/admin-user`)).body;
  expect((await send({ recipient: { id: admin.psid }, message: request(title, frequency) })).status).toBe(200);
  expect((await control(sandbox, "POST", `/users/${admin.psid}/notification-optin`, {})).status).toBe(200);
}

async function optedIn(title = "Weekly deals", frequency = "WEEKLY", timezone = "Europe/Paris") {
  const psid = await engaged(timezone);
  expect((await send({ recipient: { id: psid }, message: request(title, frequency) })).status).toBe(200);
  const { token } = (await control(sandbox, "POST", `/users/${psid}/notification-optin`, {})).body;
  return { psid, token: token as string };
}

const notify = (token: string, text = "This week's deals") => send({ recipient: { notification_messages_token: token }, message: { text } });
const optinEvents = () => receiver.events().filter((e: any) => e.optin?.type === "notification_messages") as any[];

describe("topics: registered by the Page's admin", () => {
  it("a request for an unregistered topic fails with 100; after the admin opts in, others can be asked", async () => {
    const psid = await engaged();
    const refused = await send({ recipient: { id: psid }, message: request() });
    expect(refused.status).toBe(400);
    expect(refused.body.error).toMatchObject({ code: 100 });
    expect(refused.body.error.message).toMatch(/not registered/);

    await registerTopic();
    const topics = (await control(sandbox, "GET", `/pages/${pageId}/topics`)).body.data;
    expect(topics).toEqual([expect.objectContaining({ title: "Weekly deals", frequency: "WEEKLY" })]);
    expect((await send({ recipient: { id: psid }, message: request() })).status).toBe(200);
  });

  it("m.me/rn/PAGE?topic=&cadence= lets a person opt in to a registered topic; an unknown topic is refused", async () => {
    const psid = (await control(sandbox, "POST", `/pages/${pageId}/users`, {})).body.psid;
    expect((await control(sandbox, "POST", `/users/${psid}/rn-link`, { topic: "Weekly deals", cadence: "weekly" })).status).toBe(404);
    await registerTopic();
    const dismissed = await control(sandbox, "POST", `/users/${psid}/rn-link`, { topic: "Weekly deals", cadence: "weekly", allow: false });
    expect(dismissed.body).toEqual({ outcome: "dismissed" });
    const allowed = await control(sandbox, "POST", `/users/${psid}/rn-link`, { topic: "Weekly deals", cadence: "weekly", timezone: "Asia/Seoul" });
    expect(allowed.body).toMatchObject({ outcome: "opted_in", token: expect.stringMatching(/^nm_/) });
    const event = await waitFor(() => optinEvents().find((e) => e.sender.id === psid));
    expect(event.optin).toMatchObject({ title: "Weekly deals", notification_messages_frequency: "WEEKLY", notification_messages_timezone: "Asia/Seoul" });
    expect((await control(sandbox, "POST", `/users/${psid}/rn-link`, { topic: "Weekly deals" })).status).toBe(409);
  });

  it("the link itself opens the user page with Messenger's opt-in prompt for the topic", async () => {
    const page = sandbox.state.pages.get(pageId)!;
    const res = await fetch(`${sandbox.url}/m.me/rn/${page.username}?topic=Weekly%20deals&cadence=weekly`, { redirect: "manual" });
    expect(res.status).toBe(302);
    const target = new URL(res.headers.get("location")!, sandbox.url);
    expect(Object.fromEntries(target.searchParams)).toEqual({ page: pageId, rnTopic: "Weekly deals", rnCadence: "weekly" });
    const html = await (await fetch(`${sandbox.url}${target.pathname}${target.search}`)).text();
    expect(html).toContain('data-testid="rn-allow"');
  });
});

describe("opt-in, stop and resume webhooks", () => {
  it("the opt-in webhook carries token, frequency, timezone, expiry, status and title, signed with the app secret", async () => {
    await registerTopic();
    const before = Date.now();
    const { psid, token } = await optedIn("Weekly deals", "WEEKLY", "Asia/Tokyo");
    const hit = await waitFor(() => receiver.received.find((r) => r.json.entry.some((e) => e.messaging.some((m: any) => m.sender?.id === psid && m.optin))));
    expect(hit.headers["x-hub-signature-256"]).toBe(`sha256=${createHmac("sha256", SECRET).update(hit.raw).digest("hex")}`);
    const event = hit.json.entry.flatMap((e) => e.messaging).find((m: any) => m.optin) as any;
    expect(event.optin).toEqual({
      type: "notification_messages",
      payload: "topic:Weekly deals",
      notification_messages_token: token,
      notification_messages_frequency: "WEEKLY",
      notification_messages_timezone: "Asia/Tokyo",
      token_expiry_timestamp: expect.any(Number),
      user_token_status: "NOT_REFRESHED",
      title: "Weekly deals",
    });
    // A weekly token lives 9 months.
    expect(event.optin.token_expiry_timestamp - event.timestamp).toBe(273 * DAY_MS);
    expect(event.timestamp).toBeGreaterThanOrEqual(before);
  });

  it("stopping gives STOP NOTIFICATIONS and sends fail with 10/1893015; resuming gives RESUME NOTIFICATIONS and sends work", async () => {
    await registerTopic();
    const { psid, token } = await optedIn();
    const stopped = await control(sandbox, "POST", `/users/${psid}/notifications/stop`, { title: "Weekly deals" });
    expect(stopped.body.tokens).toEqual([token]);
    const stop = await waitFor(() => optinEvents().find((e) => e.optin.notification_messages_status === "STOP NOTIFICATIONS"));
    expect(stop.optin).toMatchObject({ notification_messages_token: token, title: "Weekly deals" });
    expect((await notify(token)).body.error).toMatchObject({ code: 10, error_subcode: 1893015 });

    await control(sandbox, "POST", `/users/${psid}/notifications/resume`, { token });
    await waitFor(() => optinEvents().find((e) => e.optin.notification_messages_status === "RESUME NOTIFICATIONS"));
    expect((await notify(token)).status).toBe(200);
  });

  it("opting in does not open the 24 h window", async () => {
    await registerTopic();
    const psid = (await control(sandbox, "POST", `/pages/${pageId}/users`, {})).body.psid;
    const { token } = (await control(sandbox, "POST", `/users/${psid}/rn-link`, { topic: "Weekly deals" })).body;
    expect((await send({ recipient: { id: psid }, message: { text: "thanks!" } })).body.error).toMatchObject({ code: 10, error_subcode: 2018278 });
    expect((await notify(token)).status).toBe(200);
  });
});

describe("request limits", () => {
  it("one request with the same title per person per week (9/2018352), then allowed again", async () => {
    await registerTopic();
    const psid = await engaged();
    expect((await send({ recipient: { id: psid }, message: request() })).status).toBe(200);
    expect((await send({ recipient: { id: psid }, message: request() })).body.error).toMatchObject({ code: 9, error_subcode: 2018352 });
    sandbox.controls.clock.advance(7 * DAY_MS);
    sandbox.controls.users.sendText(psid, "back again"); // requests only inside the window
    expect((await send({ recipient: { id: psid }, message: request() })).status).toBe(200);
  });

  it("asking someone already opted in to the topic fails with 613/1893016", async () => {
    await registerTopic();
    const { psid } = await optedIn();
    sandbox.controls.clock.advance(8 * DAY_MS);
    sandbox.controls.users.sendText(psid, "hello");
    expect((await send({ recipient: { id: psid }, message: request() })).body.error).toMatchObject({ code: 613, error_subcode: 1893016 });
  });

  it("bad template fields are refused with 100; the request's time zone is the token's unless the person's Messenger says otherwise", async () => {
    await registerTopic();
    const psid = await engaged();
    const bad = request();
    (bad.attachment.payload as Record<string, unknown>).notification_messages_reoptin = "SOMETIMES";
    expect((await send({ recipient: { id: psid }, message: bad })).body.error).toMatchObject({ code: 100 });
    const withZone = request();
    Object.assign(withZone.attachment.payload, { notification_messages_timezone: "Australia/Sydney", image_url: "https://example.com/deal.png" });
    expect((await send({ recipient: { id: psid }, message: withZone })).status).toBe(200);
    const { token } = (await control(sandbox, "POST", `/users/${psid}/notification-optin`, {})).body;
    expect(sandbox.state.notificationTokens.get(token)).toMatchObject({ timezone: "Australia/Sydney" });
  });

  it("requests only inside the 24 h window (10/2018278)", async () => {
    await registerTopic();
    const psid = await engaged();
    sandbox.controls.clock.advance(DAY_MS + 1000);
    expect((await send({ recipient: { id: psid }, message: request() })).body.error).toMatchObject({ code: 10, error_subcode: 2018278 });
  });
});

describe("cadence and the 48 h gap on the moving clock", () => {
  it("weekly: one notification per 7 days (4/2018354 in between)", async () => {
    await registerTopic();
    const { token } = await optedIn();
    expect((await notify(token)).status).toBe(200);
    sandbox.controls.clock.advance(3 * DAY_MS);
    expect((await notify(token)).body.error).toMatchObject({ code: 4, error_subcode: 2018354 });
    sandbox.controls.clock.advance(4 * DAY_MS);
    expect((await notify(token)).status).toBe(200);
  });

  it("daily: the 48 h minimum gap applies (24 h later is too soon)", async () => {
    await registerTopic("Daily tips", "DAILY");
    const { token } = await optedIn("Daily tips", "DAILY");
    expect((await notify(token)).status).toBe(200);
    sandbox.controls.clock.advance(DAY_MS + HOUR_MS);
    expect((await notify(token)).body.error).toMatchObject({ code: 4, error_subcode: 2018354 });
    sandbox.controls.clock.advance(DAY_MS);
    expect((await notify(token)).status).toBe(200);
  });

  it("sends are logged with the token kind, so deliveries per person can be counted", async () => {
    await registerTopic();
    const a = await optedIn();
    const b = await optedIn();
    await control(sandbox, "POST", `/users/${b.psid}/notifications/stop`, {});
    await notify(a.token);
    await notify(b.token);
    const counts = (await control(sandbox, "GET", `/send-calls/count?tokenKind=notification_messages&psid=${a.psid}`)).body;
    expect(counts).toMatchObject({ total: 1, ok: 1 });
    const all = (await control(sandbox, "GET", `/send-calls/count?tokenKind=notification_messages&pageId=${pageId}`)).body;
    expect(all).toMatchObject({ total: 2, ok: 1, byErrorCode: { "10": 1 } });
  });
});

describe("expiry and re-opt-in", () => {
  it("an expired token fails with 100; the re-opt-in the day before expiry refreshes it (REFRESHED webhook)", async () => {
    await registerTopic("Monthly news", "MONTHLY");
    const first = await optedIn("Monthly news", "MONTHLY");
    const second = await optedIn("Monthly news", "MONTHLY");
    sandbox.controls.clock.advance(365 * DAY_MS - HOUR_MS);
    expect((await control(sandbox, "POST", `/users/${first.psid}/notifications/reoptin`, { token: first.token })).body).toMatchObject({ refreshed: true });
    const refreshed = await waitFor(() => optinEvents().find((e) => e.optin.user_token_status === "REFRESHED"));
    expect(refreshed.optin).toMatchObject({ notification_messages_token: first.token, notification_messages_frequency: "MONTHLY" });
    sandbox.controls.clock.advance(2 * HOUR_MS);
    expect((await notify(first.token)).status).toBe(200);
    expect((await notify(second.token)).body.error).toMatchObject({ code: 100 });
    expect((await notify("nm_unknown")).body.error).toMatchObject({ code: 100 });
  });
});

describe("regions", () => {
  it("after 2026-02-10 only AU, EU, JP, KR and UK Pages may ask or send; others get 10", async () => {
    await registerTopic();
    const { token } = await optedIn();
    const psid = await engaged();
    await control(sandbox, "PUT", `/pages/${pageId}/region`, { region: "US" });
    expect((await send({ recipient: { id: psid }, message: request() })).body.error).toMatchObject({ code: 10 });
    expect((await notify(token)).body.error).toMatchObject({ code: 10 });
    for (const region of ["AU", "JP", "KR", "UK"]) {
      await control(sandbox, "PUT", `/pages/${pageId}/region`, { region });
      expect(recurringAvailable(sandbox.state.pages.get(pageId)!, sandbox.controls.clock.now())).toBe(true);
    }
    // Before the cut-off every region still had them.
    expect(recurringAvailable({ ...sandbox.state.pages.get(pageId)!, region: "US" }, RECURRING_DISCONTINUED_AT - 1)).toBe(true);
  });
});
