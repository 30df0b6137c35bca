import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { RunningSandbox } from "../server";
import { DEMO } from "../state/demo";
import { control, graph, startReceiver, waitFor, withSandbox } from "../testing/harness";

let sandbox: RunningSandbox;
beforeAll(async () => {
  sandbox = await withSandbox();
});
beforeEach(() => sandbox.core.reset());
afterAll(() => sandbox.close());

const otnRequest = { attachment: { type: "template", payload: { template_type: "one_time_notif_req", title: "Notify me of the sale", payload: "sale" } } };

describe("simulated users through the control API", () => {
  it("new thread: open link -> Get Started postback with referral; existing thread -> messaging_referrals", async () => {
    const user = await control(sandbox, "POST", `/pages/${DEMO.pageId}/users`, { firstName: "Ann" });
    const psid = user.body.psid as string;
    expect((await control(sandbox, "POST", `/users/${psid}/open-link`, { ref: "promo" })).body.outcome).toBe("postback");
    expect((await control(sandbox, "POST", `/users/${psid}/open-link`, { ref: "promo2" })).body.outcome).toBe("referral");
    const events = await control(sandbox, "GET", `/webhook-events?psid=${psid}`);
    expect(events.body.data.map((e: { field: string }) => e.field)).toEqual(["messaging_postbacks", "messaging_referrals"]);
    expect(events.body.data[0].event.postback.referral.ref).toBe("promo");
    expect(events.body.data[0].status).toBe("queued");
  });

  it("getStarted=false waits for the Get Started tap, which carries the ref", async () => {
    const { body: user } = await control(sandbox, "POST", `/pages/demopage/users`, {});
    expect((await control(sandbox, "POST", `/users/${user.psid}/open-link`, { ref: "qr-7", getStarted: false })).body.outcome).toBe("awaiting_get_started");
    await control(sandbox, "POST", `/users/${user.psid}/get-started`, {});
    const events = await control(sandbox, "GET", `/webhook-events?psid=${user.psid}&field=messaging_postbacks`);
    expect(events.body.data[0].event.postback).toMatchObject({ title: "Get Started", payload: "GET_STARTED", referral: { ref: "qr-7" } });
  });

  it("texts, images, quick-reply taps, button postbacks, Notify Me, delivery, read and block", async () => {
    const { body: user } = await control(sandbox, "POST", `/pages/${DEMO.pageId}/users`, { inWindow: true });
    const psid = user.psid as string;
    const send = (message: unknown) => graph(sandbox, "POST", `/v21.0/me/messages?access_token=${DEMO.pageAccessToken}`, { recipient: { id: psid }, message });
    await control(sandbox, "POST", `/users/${psid}/messages`, { text: "hello" });
    await control(sandbox, "POST", `/users/${psid}/messages`, { attachment: { type: "image", url: "https://example.com/p.jpg" } });
    await send({ text: "Color?", quick_replies: [{ content_type: "text", title: "Red", payload: "RED" }] });
    await control(sandbox, "POST", `/users/${psid}/quick-reply`, { index: 0 });
    await send({ attachment: { type: "template", payload: { template_type: "button", text: "Go?", buttons: [{ type: "postback", title: "Go", payload: "GO" }] } } });
    await control(sandbox, "POST", `/users/${psid}/postback`, { index: 0 });
    await send(otnRequest);
    const tapped = await control(sandbox, "POST", `/users/${psid}/notify-me`, {});
    expect(tapped.body.token).toMatch(/^otn_/);
    expect((await control(sandbox, "POST", `/users/${psid}/delivered`)).body.mids).toHaveLength(3);
    expect((await control(sandbox, "POST", `/users/${psid}/read`)).body.watermark).toBeGreaterThan(0);
    await control(sandbox, "POST", `/users/${psid}/block`, { blocked: true });

    const events = (await control(sandbox, "GET", `/webhook-events?psid=${psid}`)).body.data as { field: string; event: any }[];
    expect(events.map((e) => e.field)).toEqual(["messages", "messages", "messages", "messaging_postbacks", "messaging_optins", "message_deliveries", "message_reads"]);
    expect(events[2].event.message).toMatchObject({ text: "Red", quick_reply: { payload: "RED" } });
    expect(events[3].event.postback).toMatchObject({ title: "Go", payload: "GO" });
    expect(events[4].event.optin).toEqual({ type: "one_time_notif_req", payload: "sale", one_time_notif_token: tapped.body.token });
    const thread = (await control(sandbox, "GET", `/users/${psid}/thread`)).body;
    expect(thread.data.filter((m: { direction: string }) => m.direction === "out")).toHaveLength(3);
    expect(thread.user.blocked).toBe(true);
  });

  it("bulk: N users open a link and tap Notify Me once the app answered with a one_time_notif_req", async () => {
    // Play the app: answer every Get Started postback with an OTN request.
    const receiver = await startReceiver();
    try {
      const app = await control(sandbox, "POST", "/apps", { secret: "s", callbackUrl: receiver.url, verifyToken: "verify-me" });
      const page = await control(sandbox, "POST", "/pages", { appId: app.body.id });
      const answered = new Set<string>();
      const timer = setInterval(() => {
        for (const e of receiver.events()) {
          const psid = (e.sender as { id: string }).id;
          if (!e.postback || answered.has(psid)) continue;
          answered.add(psid);
          void graph(sandbox, "POST", `/v21.0/me/messages?access_token=${page.body.accessToken}`, { recipient: { id: psid }, message: otnRequest });
        }
      }, 10);
      const result = await control(sandbox, "POST", `/pages/${page.body.id}/bulk/open-link-and-notify-me`, { count: 25, ref: "launch", waitMs: 5000 });
      clearInterval(timer);
      expect(result.body.opened).toHaveLength(25);
      expect(result.body.tapped).toHaveLength(25);
      expect(result.body.missing).toEqual([]);
      await waitFor(() => receiver.events().filter((e) => e.optin).length === 25, 5000);
    } finally {
      await receiver.close();
    }
  });

  it("bulk: creates N users at once, optionally inside the window", async () => {
    const res = await control(sandbox, "POST", `/pages/${DEMO.pageId}/users/bulk`, { count: 500, inWindow: true });
    expect(res.body.count).toBe(500);
    const send = await graph(sandbox, "POST", `/me/messages?access_token=${DEMO.pageAccessToken}`, { recipient: { id: res.body.psids[499] }, message: { text: "hi" } });
    expect(send.status).toBe(200);
    expect((await control(sandbox, "GET", `/pages/${DEMO.pageId}/users?limit=2`)).body.total).toBe(500);
  });

  it("bulk: grants one-time tokens, and the summary counts what reached each of them once, never or again", async () => {
    const res = await control(sandbox, "POST", `/pages/${DEMO.pageId}/bulk/otn-tokens`, { count: 3, payload: "campaign-x" });
    expect(res.status).toBe(200);
    const [a, b] = res.body.granted as { psid: string; token: string }[];
    const send = (token: string) => graph(sandbox, "POST", `/me/messages?access_token=${DEMO.pageAccessToken}`, { recipient: { one_time_notif_token: token }, message: { text: "sale" } });
    expect((await send(a.token)).status).toBe(200);
    expect((await send(a.token)).status).toBe(400); // single use: the second attempt is refused
    expect((await send(b.token)).status).toBe(200);
    expect((await control(sandbox, "GET", `/users/${a.psid}/thread`)).body.data.filter((m: { direction: string }) => m.direction === "out")).toHaveLength(1);
    const summary = await control(sandbox, "GET", `/otn-tokens/summary?pageId=${DEMO.pageId}&payload=campaign-x`);
    expect(summary.body).toEqual({ tokens: 3, delivered: 2, notDelivered: 1, deliveredMoreThanOnce: 0, refusedAsUsed: 1, otherFailures: 0 });
    expect((await control(sandbox, "GET", `/otn-tokens/summary?payload=other`)).body.tokens).toBe(0);
    expect((await control(sandbox, "POST", `/pages/${DEMO.pageId}/bulk/otn-tokens`, { count: 0, payload: "x" })).status).toBe(400);
  });

  it("filters Send API calls by time", async () => {
    const { body: user } = await control(sandbox, "POST", `/pages/${DEMO.pageId}/users`, { inWindow: true });
    await graph(sandbox, "POST", `/me/messages?access_token=${DEMO.pageAccessToken}`, { recipient: { id: user.psid }, message: { text: "early" } });
    const cut = sandbox.controls.clock.now() + 1;
    sandbox.controls.clock.advance(1000);
    await graph(sandbox, "POST", `/me/messages?access_token=${DEMO.pageAccessToken}`, { recipient: { id: user.psid }, message: { text: "late" } });
    expect((await control(sandbox, "GET", `/send-calls?since=${cut}`)).body.data.map((r: any) => r.message.text)).toEqual(["late"]);
    expect((await control(sandbox, "GET", `/send-calls/count?until=${cut}`)).body.total).toBe(1);
  });

  it("answers 400 with reasons for invalid control input and 404 for unknown users", async () => {
    expect((await control(sandbox, "POST", `/pages/${DEMO.pageId}/users/bulk`, { count: -1 })).status).toBe(400);
    expect((await control(sandbox, "POST", `/users/42/messages`, { text: "x" })).status).toBe(404);
    expect((await control(sandbox, "GET", `/health`)).body.ok).toBe(true);
  });

  it("m.me links redirect to the user page", async () => {
    const res = await fetch(`${sandbox.url}/m.me/demopage?ref=abc`, { redirect: "manual" });
    expect(res.status).toBe(302);
    expect(res.headers.get("location")).toBe(`/_sandbox/?page=${DEMO.pageId}&ref=abc`);
    const page = await fetch(`${sandbox.url}/_sandbox/`);
    expect(page.headers.get("content-type")).toContain("text/html");
  });
});

describe("persistence", () => {
  it("keeps pages, users and tokens across a restart", async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "sandbox-state-"));
    const stateFile = path.join(dir, "state.json");
    try {
      const first = await withSandbox({ stateFile });
      const page = await control(first, "POST", "/pages", { name: "Kept", username: "kept" });
      const user = first.controls.users.createUser(page.body.id, { firstName: "Kim" });
      await first.close();
      const second = await withSandbox({ stateFile });
      expect(second.state.pageByIdOrUsername("kept")?.accessToken).toBe(page.body.accessToken);
      expect(second.state.users.get(user.psid)?.firstName).toBe("Kim");
      expect((await graph(second, "GET", `/v21.0/me?access_token=${page.body.accessToken}`)).body.name).toBe("Kept");
      await second.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
