/**
 * The Marketing Messages API for Messenger: the subscription-token list (paging, no duplicates), campaigns
 * (budget, schedule, status, payment method, permissions, regions) and sends (each documented error, exactly
 * once per token per campaign, the Page's rate limit, the send log).
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { DAY_MS, MINUTE_MS } from "../clock";
import type { RunningSandbox } from "../server";
import { DEMO } from "../state/demo";
import { SandboxStore } from "../state/store";
import { control, graph, withSandbox } from "../testing/harness";

let sandbox: RunningSandbox;
beforeAll(async () => {
  sandbox = await withSandbox();
});
beforeEach(() => sandbox.core.reset());
afterAll(() => sandbox.close());

const ACT = `act_${DEMO.adAccountId}`;
const api = (method: string, path: string, body?: unknown, token: string = DEMO.pageAccessToken) =>
  graph(sandbox, method, `/v21.0/${path}${path.includes("?") ? "&" : "?"}access_token=${token}`, body);

async function subscribers(count: number, title?: string, pageId: string = DEMO.pageId) {
  return (await control(sandbox, "POST", `/pages/${pageId}/bulk/subscription-tokens`, { count, title })).body.granted as { psid: string; token: string }[];
}
async function campaign(body: Record<string, unknown> = {}) {
  const res = await api("POST", `${ACT}/message_campaign`, { name: "Spring sale", page_id: DEMO.pageId, daily_budget: 5000, ...body });
  expect(res.status).toBe(200);
  return res.body.id as string;
}
const message = { text: "20% off this week" };
const sendTo = (campaignId: string, token: string, extra: Record<string, unknown> = {}) =>
  api("POST", `${ACT}/messages`, { message_campaign_id: campaignId, messenger_delivery_data: { subscription_token: token }, message, ...extra });

describe("GET /{page-id}/notification_message_tokens", () => {
  it("pages through every active token once with cursors (limit capped at 1000)", async () => {
    const granted = await subscribers(2500);
    const seen: string[] = [];
    let path = `${DEMO.pageId}/notification_message_tokens?limit=5000`;
    let pages = 0;
    for (;;) {
      const res = await api("GET", path);
      expect(res.status).toBe(200);
      pages++;
      expect(res.body.data.length).toBeLessThanOrEqual(1000);
      seen.push(...res.body.data.map((t: any) => t.notification_messages_token));
      if (!res.body.paging?.next) break;
      path = `${DEMO.pageId}/notification_message_tokens?limit=1000&after=${res.body.paging.cursors.after}`;
    }
    expect(pages).toBe(3);
    expect(new Set(seen).size).toBe(2500);
    expect(seen).toEqual(granted.map((g) => g.token));
  });

  it("answers Meta's fields, default limit 100, and leaves out stopped and expired tokens", async () => {
    const granted = await subscribers(120, "Offers");
    const first = await api("GET", `${DEMO.pageId}/notification_message_tokens`);
    expect(first.body.data).toHaveLength(100);
    expect(first.body.data[0]).toEqual({
      notification_messages_token: granted[0].token,
      recipient_id: granted[0].psid,
      notification_messages_reoptin: "ENABLED",
      creation_timestamp: expect.any(Number),
      token_expiry_timestamp: expect.any(Number),
      user_token_status: "NOT_REFRESHED",
      topic_title: "Offers",
      notification_messages_timezone: "UTC",
      next_eligible_time: expect.any(Number),
    });
    await control(sandbox, "POST", `/users/${granted[0].psid}/notifications/stop`, {});
    const all = await api("GET", `${DEMO.pageId}/notification_message_tokens?limit=1000`);
    expect(all.body.data).toHaveLength(119);
    expect(all.body.paging.next).toBeUndefined();
    sandbox.controls.clock.advance(274 * DAY_MS); // weekly tokens live 9 months
    expect((await api("GET", `${DEMO.pageId}/notification_message_tokens`)).body.data).toEqual([]);
  });

  it("do_not_return_duplicates gives one token per person", async () => {
    const [person] = await subscribers(1, "Offers");
    await subscribers(3, "Offers");
    sandbox.state.addNotificationToken({ ...sandbox.state.notificationTokens.get(person.token)!, token: "nm_second", title: "News" });
    expect((await api("GET", `${DEMO.pageId}/notification_message_tokens`)).body.data).toHaveLength(5);
    const unique = (await api("GET", `${DEMO.pageId}/notification_message_tokens?do_not_return_duplicates=true`)).body.data;
    expect(unique).toHaveLength(4);
    expect(new Set(unique.map((t: any) => t.recipient_id)).size).toBe(4);
  });

  it("another Page's id is refused", async () => {
    const other = (await control(sandbox, "POST", "/pages", {})).body;
    expect((await api("GET", `${other.id}/notification_message_tokens`)).body.error).toMatchObject({ code: 100 });
  });
});

describe("POST act_<id>/message_campaign", () => {
  it("creates a campaign and shows it with its status", async () => {
    const id = await campaign();
    const node = await api("GET", `${id}?fields=id,name,status,effective_status,daily_budget,page_id`);
    expect(node.body).toEqual({ id, name: "Spring sale", status: "ACTIVE", effective_status: "ACTIVE", daily_budget: "5000", page_id: DEMO.pageId });
    expect((await api("POST", id, { status: "PAUSED" })).body).toEqual({ success: true });
    expect((await api("GET", `${id}?fields=effective_status`)).body).toEqual({ effective_status: "PAUSED" });
  });

  it("refuses both budgets, a missing name, an ad account without a payment method, missing permissions, and ineligible Pages", async () => {
    expect((await api("POST", `${ACT}/message_campaign`, { name: "x", page_id: DEMO.pageId, daily_budget: 1, lifetime_budget: 2 })).body.error.code).toBe(100);
    expect((await api("POST", `${ACT}/message_campaign`, { page_id: DEMO.pageId })).body.error.code).toBe(100);
    expect((await api("POST", "act_999/message_campaign", { name: "x", page_id: DEMO.pageId })).body.error).toMatchObject({ code: 100, error_subcode: 33 });

    await control(sandbox, "PUT", `/ad-accounts/${DEMO.adAccountId}`, { hasPaymentMethod: false });
    const unpaid = await api("POST", `${ACT}/message_campaign`, { name: "x", page_id: DEMO.pageId });
    expect(unpaid.body.error.code).toBe(100);
    expect(unpaid.body.error.message).toMatch(/payment method/);
    await control(sandbox, "PUT", `/ad-accounts/${DEMO.adAccountId}`, { hasPaymentMethod: true });

    await control(sandbox, "PUT", `/apps/${DEMO.appId}/permissions`, { marketingMessages: false });
    expect((await api("POST", `${ACT}/message_campaign`, { name: "x", page_id: DEMO.pageId })).body.error).toMatchObject({ code: 200 });
    await control(sandbox, "PUT", `/apps/${DEMO.appId}/permissions`, { marketingMessages: true, adsManagement: false });
    expect((await api("POST", `${ACT}/message_campaign`, { name: "x", page_id: DEMO.pageId })).body.error.message).toMatch(/ads_management/);
    await control(sandbox, "PUT", `/apps/${DEMO.appId}/permissions`, { adsManagement: true });

    for (const region of ["EU", "UK", "JP", "KR", "AU"]) {
      await control(sandbox, "PUT", `/pages/${DEMO.pageId}/region`, { region });
      expect((await api("POST", `${ACT}/message_campaign`, { name: "x", page_id: DEMO.pageId })).body.error).toMatchObject({ code: 10 });
    }
    await control(sandbox, "PUT", `/pages/${DEMO.pageId}/region`, { region: "US", businessCountry: "CN" });
    expect((await api("POST", `${ACT}/message_campaign`, { name: "x", page_id: DEMO.pageId })).body.error).toMatchObject({ code: 10 });
    await control(sandbox, "PUT", `/pages/${DEMO.pageId}/region`, { businessCountry: "BR" });
    expect((await api("POST", `${ACT}/message_campaign`, { name: "x", page_id: DEMO.pageId })).status).toBe(200);
  });
});

describe("POST act_<id>/messages", () => {
  it("delivers once per token per campaign and logs each call with the subscription kind", async () => {
    const [a, b] = await subscribers(2);
    const id = await campaign();
    const sent = await sendTo(id, a.token);
    expect(sent.status).toBe(200);
    expect(sent.body).toEqual({ id: expect.stringMatching(/^m_/) });
    expect(sandbox.state.thread(a.psid).at(-1)).toMatchObject({ direction: "out", message, campaignId: id });
    expect((await sendTo(id, a.token)).body.error.code).toBe(100);
    expect((await sendTo(id, b.token)).status).toBe(200);
    // A new campaign may message the same person again.
    expect((await sendTo(await campaign({ name: "Summer" }), a.token)).status).toBe(200);
    const log = (await control(sandbox, "GET", `/send-calls/count?tokenKind=subscription&campaignId=${id}`)).body;
    expect(log).toMatchObject({ total: 3, ok: 2, failed: 1 });
    expect((await control(sandbox, "GET", `/send-calls/count?tokenKind=subscription&psid=${a.psid}`)).body).toMatchObject({ ok: 2 });
  });

  it("2300000 while the campaign is not active (paused, not started, ended)", async () => {
    const [a] = await subscribers(1);
    const paused = await campaign({ status: "PAUSED" });
    expect((await sendTo(paused, a.token)).body.error).toMatchObject({ code: 2300000 });
    const now = Math.floor(sandbox.controls.clock.now() / 1000);
    const later = await campaign({ start_time: now + 3600, end_time: now + 7200 });
    expect((await sendTo(later, a.token)).body.error).toMatchObject({ code: 2300000 });
    sandbox.controls.clock.advance(61 * MINUTE_MS);
    expect((await sendTo(later, a.token)).status).toBe(200);
    const lifetime = await campaign({ daily_budget: undefined, lifetime_budget: 100000 });
    sandbox.controls.clock.advance(31 * DAY_MS);
    expect((await sendTo(lifetime, a.token)).body.error).toMatchObject({ code: 2300000 });
  });

  it("2300004 for an unknown or unsubscribed token, 2300005 for another Page's subscriber", async () => {
    const [a, b] = await subscribers(2);
    const id = await campaign();
    expect((await sendTo(id, "nm_nope")).body.error).toMatchObject({ code: 2300004 });
    expect((await api("POST", `${DEMO.pageId}/messaging_customer_base/unsubscribe`, { psids: [a.psid] })).body).toMatchObject({ success: true });
    expect((await sendTo(id, a.token)).body.error).toMatchObject({ code: 2300004 });
    await control(sandbox, "POST", `/users/${b.psid}/notifications/stop`, {}); // the person unsubscribes in Messenger
    expect((await sendTo(id, b.token)).body.error).toMatchObject({ code: 2300004 });

    const other = (await control(sandbox, "POST", "/pages", { appId: DEMO.appId })).body;
    const [stranger] = await subscribers(1, undefined, other.id);
    expect((await sendTo(id, stranger.token)).body.error).toMatchObject({ code: 2300005 });
  });

  it("2300052 when the person talked with the Page within min_conversation_gap_seconds", async () => {
    const [a] = await subscribers(1);
    const id = await campaign();
    sandbox.controls.users.sendText(a.psid, "is the sale on?");
    sandbox.controls.clock.advance(10 * MINUTE_MS);
    const refused = await sendTo(id, a.token, { min_conversation_gap_seconds: 3600 });
    expect(refused.body.error).toMatchObject({ code: 2300052, message: "This person is not available right now." });
    expect((await sendTo(id, a.token, { min_conversation_gap_seconds: 300 })).status).toBe(200);
  });

  it("a Page in an ineligible region or a business in mainland China cannot send", async () => {
    const [a] = await subscribers(1);
    const id = await campaign();
    await control(sandbox, "PUT", `/pages/${DEMO.pageId}/region`, { region: "JP" });
    expect((await sendTo(id, a.token)).body.error).toMatchObject({ code: 10 });
    await control(sandbox, "PUT", `/pages/${DEMO.pageId}/region`, { region: "US", businessCountry: "CN" });
    expect((await sendTo(id, a.token)).body.error).toMatchObject({ code: 10 });
  });

  it("the Page's calls-per-second limit applies (613), and the refused calls are logged", async () => {
    const granted = await subscribers(8);
    const id = await campaign();
    await control(sandbox, "PUT", `/pages/${DEMO.pageId}/faults`, { rateLimitPerSecond: 3 });
    const results = await Promise.all(granted.map((g) => sendTo(id, g.token)));
    const limited = results.filter((r) => r.body.error?.code === 613);
    expect(limited.length).toBeGreaterThan(0);
    expect((await control(sandbox, "GET", `/send-calls/count?tokenKind=subscription&campaignId=${id}&errorCode=613`)).body.total).toBe(limited.length);
  });
});

describe("persistence", () => {
  it("a saved state keeps tokens (with their indexes), topics, ad accounts, campaigns and who was messaged", async () => {
    const [a] = await subscribers(2, "Offers");
    const id = await campaign();
    expect((await sendTo(id, a.token)).status).toBe(200);
    sandbox.state.notificationTopics.set(SandboxStore.topicKey(DEMO.pageId, "Offers"), { pageId: DEMO.pageId, title: "Offers", frequency: "WEEKLY", payload: "o", registeredAt: 1, registeredBy: a.psid });
    const restored = new SandboxStore();
    restored.restore(JSON.parse(JSON.stringify(sandbox.state.snapshot())));
    expect(restored.notificationTokensOfPage(DEMO.pageId).map((t) => t.token)).toEqual(sandbox.state.notificationTokensOfPage(DEMO.pageId).map((t) => t.token));
    expect(restored.notificationTokensOf(a.psid)[0]).toMatchObject({ token: a.token, title: "Offers", reoptin: "ENABLED" });
    expect(restored.topic(DEMO.pageId, "Offers")).toMatchObject({ frequency: "WEEKLY" });
    expect(restored.adAccounts.get(DEMO.adAccountId)).toMatchObject({ hasPaymentMethod: true });
    expect(restored.campaigns.get(id)).toMatchObject({ name: "Spring sale", status: "ACTIVE" });
    expect(restored.campaignDeliveriesOf(id).has(a.token)).toBe(true);
  });
});
