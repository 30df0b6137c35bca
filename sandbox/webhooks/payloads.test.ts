/**
 * Fidelity: the sandbox's webhook payloads must have the same structure (keys, nesting, value types) as
 * the examples in Meta's reference, kept as hand-written fixtures in sandbox/fixtures.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RunningSandbox } from "../server";
import { startReceiver, waitFor, withSandbox } from "../testing/harness";

const fixtures = JSON.parse(readFileSync(path.join(import.meta.dirname, "../fixtures/meta-webhook-examples.json"), "utf8")) as Record<string, unknown>;

/** The structure of a JSON value: object keys (sorted) with their shapes, array item shape, primitive type. */
function shape(value: unknown): unknown {
  if (Array.isArray(value)) return [shape(value[0])];
  if (value && typeof value === "object") {
    return Object.fromEntries(Object.keys(value).sort().map((k) => [k, shape((value as Record<string, unknown>)[k])]));
  }
  return typeof value;
}

let sandbox: RunningSandbox;
let receiver: Awaited<ReturnType<typeof startReceiver>>;
let pageId: string;
let pageToken: string;

beforeAll(async () => {
  receiver = await startReceiver();
  sandbox = await withSandbox();
  const res = await fetch(`${sandbox.url}/_sandbox/api/apps`, {
    method: "POST",
    body: JSON.stringify({ secret: "s", callbackUrl: receiver.url, verifyToken: "verify-me" }),
  });
  const app = (await res.json()) as { id: string };
  // EU: recurring notifications still exist there after 2026-02-10.
  const page = sandbox.state.addPage({ appId: app.id, region: "EU", subscribedFields: ["messages", "message_echoes", "messaging_postbacks", "messaging_referrals", "messaging_optins", "message_deliveries", "message_reads", "message_reactions"] });
  pageId = page.id;
  pageToken = page.accessToken;
});
afterAll(async () => {
  await sandbox.close();
  await receiver.close();
});

async function sendAsPage(body: unknown) {
  const res = await fetch(`${sandbox.url}/v21.0/me/messages?access_token=${pageToken}`, { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(body) });
  return (await res.json()) as { message_id: string };
}

/** Runs `act`, then returns the first event delivered afterwards that satisfies `pick`. */
async function captured(act: () => unknown | Promise<unknown>, pick: (e: Record<string, any>) => boolean) {
  const before = receiver.events().length;
  await act();
  return (await waitFor(() => receiver.events().slice(before).find(pick))) as Record<string, any>;
}

describe("webhook payloads match Meta's documented examples", () => {
  it("envelope: object, entry[id, time, messaging[]]", async () => {
    const user = sandbox.controls.users.createUser(pageId);
    const before = receiver.received.length;
    sandbox.controls.users.sendAttachment(user.psid, "image", "https://example.com/cat.png");
    const hit = await waitFor(() => receiver.received[before]);
    expect(shape(hit.json)).toEqual(shape(fixtures.envelope));
  });

  it.each([
    ["messages_text", (psid: string) => sandbox.controls.users.sendText(psid, "hello, world!"), (e: any) => e.message && !e.message.is_echo],
    ["messages_text_quick_reply", (psid: string) => sandbox.controls.users.sendText(psid, "Red", "RED"), (e: any) => e.message?.quick_reply],
    ["messages_attachment", (psid: string) => sandbox.controls.users.sendAttachment(psid, "image", "https://example.com/a.png"), (e: any) => e.message?.attachments],
    ["messaging_referrals_shortlink", (psid: string) => sandbox.controls.users.openLink(psid, "spring"), (e: any) => e.referral],
    ["messaging_postbacks_button", (psid: string) => sandbox.controls.users.postback(psid, { title: "Go", payload: "GO" }), (e: any) => e.postback],
    ["message_reactions", (psid: string) => sandbox.controls.users.react(psid, "m_x"), (e: any) => e.reaction],
  ])("%s", async (name, act, pick) => {
    const user = sandbox.controls.users.createUser(pageId, { threadStarted: true });
    const event = await captured(() => act(user.psid), pick);
    expect(shape(event)).toEqual(shape(fixtures[name]));
  });

  it("messaging_postbacks with referral after Get Started on a new thread", async () => {
    const user = sandbox.controls.users.createUser(pageId);
    const event = await captured(() => sandbox.controls.users.openLink(user.psid, "summer-sale"), (e) => e.postback);
    expect(shape(event)).toEqual(shape(fixtures.messaging_postbacks_referral));
    expect(event.postback.referral).toEqual({ ref: "summer-sale", source: "SHORTLINK", type: "OPEN_THREAD" });
  });

  it("message_echoes for a Page message with metadata", async () => {
    const user = sandbox.controls.users.createUser(pageId);
    sandbox.controls.users.sendText(user.psid, "hi");
    const event = await captured(() => sendAsPage({ recipient: { id: user.psid }, message: { text: "hello, world!", metadata: "meta" } }), (e) => e.message?.is_echo);
    expect(shape(event)).toEqual(shape(fixtures.message_echoes_text));
  });

  it("messaging_optins for one_time_notif_req and notification_messages", async () => {
    const user = sandbox.controls.users.createUser(pageId);
    sandbox.controls.users.sendText(user.psid, "hi");
    await sendAsPage({ recipient: { id: user.psid }, message: { attachment: { type: "template", payload: { template_type: "one_time_notif_req", title: "Back in stock?", payload: "sku-1" } } } });
    const otn = await captured(() => sandbox.controls.users.tapNotifyMe(user.psid), (e) => e.optin?.type === "one_time_notif_req");
    expect(shape(otn)).toEqual(shape(fixtures.messaging_optins_one_time_notif_req));
    expect(otn.optin.payload).toBe("sku-1");

    // The topic exists once the Page's admin opted in to it themselves.
    const request = { attachment: { type: "template", payload: { template_type: "notification_messages", title: "Deals", payload: "deals", notification_messages_frequency: "WEEKLY" } } };
    const admin = sandbox.controls.subscriptions.adminOf(pageId);
    await sendAsPage({ recipient: { id: admin.psid }, message: request });
    sandbox.controls.subscriptions.optIn(admin.psid);
    await sendAsPage({ recipient: { id: user.psid }, message: request });
    const nm = await captured(() => sandbox.controls.users.optInNotifications(user.psid, undefined, "Asia/Tokyo"), (e) => e.optin?.type === "notification_messages" && e.sender.id === user.psid);
    expect(shape(nm)).toEqual(shape(fixtures.messaging_optins_notification_messages));
    expect(nm.optin).toMatchObject({ payload: "deals", title: "Deals", notification_messages_frequency: "WEEKLY", notification_messages_timezone: "Asia/Tokyo", user_token_status: "NOT_REFRESHED" });

    const stop = await captured(() => sandbox.controls.subscriptions.setStopped(user.psid, { title: "Deals" }, true), (e) => e.optin?.notification_messages_status);
    expect(shape(stop)).toEqual(shape(fixtures.messaging_optins_notification_messages_status));
    expect(stop.optin).toMatchObject({ notification_messages_status: "STOP NOTIFICATIONS", notification_messages_token: nm.optin.notification_messages_token });
  });

  it("message_deliveries and message_reads", async () => {
    const user = sandbox.controls.users.createUser(pageId);
    sandbox.controls.users.sendText(user.psid, "hi");
    const sent = await sendAsPage({ recipient: { id: user.psid }, message: { text: "delivered?" } });
    const delivery = await captured(() => sandbox.controls.users.deliver(user.psid), (e) => e.delivery);
    expect(shape(delivery)).toEqual(shape(fixtures.message_deliveries));
    expect(delivery.delivery.mids).toEqual([sent.message_id]);
    const read = await captured(() => sandbox.controls.users.read(user.psid), (e) => e.read);
    expect(shape(read)).toEqual(shape(fixtures.message_reads));
  });
});
