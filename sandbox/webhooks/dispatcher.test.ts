import { createHmac } from "node:crypto";
import { afterEach, describe, expect, it } from "vitest";
import type { RunningSandbox } from "../server";
import { DEMO } from "../state/demo";
import { control, graph, startReceiver, waitFor, withSandbox } from "../testing/harness";

const SECRET = "test-app-secret";
let sandbox: RunningSandbox | undefined;
let receiver: Awaited<ReturnType<typeof startReceiver>> | undefined;
afterEach(async () => {
  await sandbox?.close();
  await receiver?.close();
  sandbox = receiver = undefined;
});

/** Independent HMAC (not the sandbox's helper) over the raw bytes received. */
const expectedSignature = (raw: Buffer) => `sha256=${createHmac("sha256", SECRET).update(raw).digest("hex")}`;

async function setup(options: Parameters<typeof startReceiver>[0] = {}, webhooks = {}) {
  receiver = await startReceiver(options);
  sandbox = await withSandbox({ webhooks });
  const app = await control(sandbox, "POST", "/apps", { name: "Test app", secret: SECRET, callbackUrl: receiver.url, verifyToken: "verify-me" });
  expect(app.status, JSON.stringify(app.body)).toBe(200);
  const page = await control(sandbox, "POST", "/pages", { appId: app.body.id, name: "Shop", username: "shop" });
  return { appId: app.body.id as string, page: page.body as { id: string; accessToken: string } };
}

describe("webhook delivery", () => {
  it("refuses a callback that fails the verification handshake", async () => {
    receiver = await startReceiver({ verifyToken: "other" });
    sandbox = await withSandbox();
    const res = await control(sandbox, "POST", "/apps", { secret: SECRET, callbackUrl: receiver.url, verifyToken: "verify-me" });
    expect(res.status).toBe(422);
    const demo = await control(sandbox, "PUT", `/apps/${DEMO.appId}/webhook`, { callbackUrl: receiver.url, verifyToken: "other" });
    expect(demo.status).toBe(200);
  });

  it("signs the exact bytes with X-Hub-Signature-256 and escapes non-ASCII as \\uXXXX", async () => {
    const { page } = await setup();
    const user = sandbox!.controls.users.createUser(page.id);
    sandbox!.controls.users.sendText(user.psid, "Café ☕ 👍 a/b");
    await waitFor(() => receiver!.received.length === 1);
    const [hit] = receiver!.received;
    expect(hit.headers["x-hub-signature-256"]).toBe(expectedSignature(hit.raw));
    expect(hit.headers["x-hub-signature"]).toBe(`sha1=${createHmac("sha1", SECRET).update(hit.raw).digest("hex")}`);
    const text = hit.raw.toString("utf8");
    expect(/[^\x00-\x7f]/.test(text)).toBe(false);
    expect(text).toContain("Caf\\u00e9 \\u2615 \\ud83d\\udc4d a\\/b");
    // Re-serialising the parsed JSON gives other bytes, hence another signature: receivers must use raw bytes.
    expect(expectedSignature(Buffer.from(JSON.stringify(hit.json)))).not.toBe(hit.headers["x-hub-signature-256"]);
    expect(hit.json.entry[0].messaging[0]).toMatchObject({ sender: { id: user.psid }, recipient: { id: page.id }, message: { text: "Café ☕ 👍 a/b" } });
  });

  it("batches events of several Pages of one app in one POST, one event per entry", async () => {
    const { appId, page } = await setup();
    const second = await control(sandbox!, "POST", "/pages", { appId, name: "Shop 2" });
    const a = sandbox!.controls.users.createUser(page.id);
    const b = sandbox!.controls.users.createUser(second.body.id);
    sandbox!.controls.users.sendText(a.psid, "from a");
    sandbox!.controls.users.sendText(b.psid, "from b");
    await waitFor(() => receiver!.received.length >= 1);
    await sandbox!.controls.webhooks.idle();
    expect(receiver!.received).toHaveLength(1);
    const body = receiver!.received[0].json;
    expect(body.object).toBe("page");
    expect(body.entry.map((e) => e.id)).toEqual([page.id, second.body.id]);
    for (const entry of body.entry) expect(entry.messaging).toHaveLength(1);
  });

  it("echoes the Page's own messages when message_echoes is subscribed", async () => {
    const { page } = await setup();
    await graph(sandbox!, "POST", `/v21.0/me/subscribed_apps?access_token=${page.accessToken}`, { subscribed_fields: "messages,message_echoes" });
    const user = sandbox!.controls.users.createUser(page.id);
    sandbox!.controls.users.sendText(user.psid, "hi");
    const sent = await graph(sandbox!, "POST", `/v21.0/me/messages?access_token=${page.accessToken}`, { recipient: { id: user.psid }, message: { text: "yo", metadata: "m1" } });
    const echo = await waitFor(() => receiver!.events().find((e) => (e.message as { is_echo?: boolean })?.is_echo));
    expect(echo).toMatchObject({ sender: { id: page.id }, recipient: { id: user.psid }, message: { is_echo: true, mid: sent.body.message_id, text: "yo", metadata: "m1" } });
  });

  it("retries a failing endpoint (immediately, then backing off) until it answers 200", async () => {
    let failures = 4;
    const { page } = await setup({ status: () => (failures-- > 0 ? 500 : 200) }, { backoffBaseMs: 20 });
    const user = sandbox!.controls.users.createUser(page.id);
    sandbox!.controls.users.sendText(user.psid, "retry me");
    await waitFor(() => receiver!.received.length === 1, 5000);
    const deliveries = await control(sandbox!, "GET", "/webhook-deliveries");
    expect(deliveries.body.data[0]).toMatchObject({ status: "delivered", attempts: 5, lastStatusCode: 200 });
    const events = await control(sandbox!, "GET", `/webhook-events?psid=${user.psid}`);
    expect(events.body.data[0].status).toBe("delivered");
  });

  it("disables the app's subscription after the failure window, as Meta does", async () => {
    const { appId, page } = await setup({ status: () => 503 }, { backoffBaseMs: 10, backoffMaxMs: 20, disableAfterMs: 150 });
    const user = sandbox!.controls.users.createUser(page.id);
    sandbox!.controls.users.sendText(user.psid, "nobody home");
    await waitFor(() => !sandbox!.state.apps.get(appId)!.subscriptionActive, 5000);
    sandbox!.controls.users.sendText(user.psid, "after disable");
    const events = await control(sandbox!, "GET", `/webhook-events?psid=${user.psid}`);
    expect(events.body.data.map((e: { status: string }) => e.status)).toEqual(["failed", "app_disabled"]);
    await control(sandbox!, "POST", `/apps/${appId}/enable`);
    expect(sandbox!.state.apps.get(appId)!.subscriptionActive).toBe(true);
  });

  it("duplicates and reorders deliveries on demand", async () => {
    const { page } = await setup();
    await control(sandbox!, "PUT", "/webhook-options", { duplicateRate: 1, reorder: true, maxBatchEntries: 1 });
    const user = sandbox!.controls.users.createUser(page.id);
    for (let i = 0; i < 10; i++) sandbox!.controls.users.sendText(user.psid, `m${i}`);
    await waitFor(() => receiver!.received.length === 20, 5000);
    const mids = receiver!.events().map((e) => (e.message as { mid: string }).mid);
    expect(new Set(mids).size).toBe(10);
  });

  it("does not deliver fields the Page is not subscribed to, but records them", async () => {
    const { page } = await setup();
    await graph(sandbox!, "POST", `/v21.0/me/subscribed_apps?access_token=${page.accessToken}`, { subscribed_fields: "messaging_optins" });
    const user = sandbox!.controls.users.createUser(page.id);
    sandbox!.controls.users.sendText(user.psid, "ignored");
    const events = await control(sandbox!, "GET", `/webhook-events?psid=${user.psid}`);
    expect(events.body.data[0].status).toBe("not_subscribed");
  });

  it("lists deliveries with their signature and raw body for inspection", async () => {
    const { page } = await setup();
    const user = sandbox!.controls.users.createUser(page.id);
    sandbox!.controls.users.sendText(user.psid, "inspect me");
    await waitFor(() => receiver!.received.length === 1);
    await sandbox!.controls.webhooks.idle();
    const list = await control(sandbox!, "GET", "/webhook-deliveries?includeBody=true&status=delivered");
    expect(list.body.total).toBe(1);
    const [delivery] = list.body.data;
    expect(delivery.rawBody).toBe(receiver!.received[0].raw.toString("utf8"));
    expect(delivery.signature256).toBe(expectedSignature(receiver!.received[0].raw));
    expect((await control(sandbox!, "GET", "/webhook-deliveries")).body.data[0].rawBody).toBeUndefined();
  });
});
