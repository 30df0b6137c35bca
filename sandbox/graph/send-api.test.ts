import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { DAY_MS, YEAR_MS } from "../clock";
import type { RunningSandbox } from "../server";
import { DEMO } from "../state/demo";
import { control, graph, withSandbox } from "../testing/harness";

let sandbox: RunningSandbox;
beforeAll(async () => {
  sandbox = await withSandbox();
});
beforeEach(() => sandbox.core.reset());
afterAll(() => sandbox.close());

const send = (body: unknown, token: string = DEMO.pageAccessToken, path = "/v21.0/me/messages") =>
  graph(sandbox, "POST", `${path}?access_token=${token}`, body);

/** A person who just wrote to the demo Page (open 24 h window). */
function engagedUser() {
  const user = sandbox.controls.users.createUser(DEMO.pageId);
  sandbox.controls.users.sendText(user.psid, "hi");
  return user;
}

function otnRequest(title = "Tell me when it's back", payload = "restock-42") {
  return { attachment: { type: "template", payload: { template_type: "one_time_notif_req", title, payload } } };
}

describe("Send API: accepted messages", () => {
  it("sends text inside the window and answers recipient_id and message_id", async () => {
    const user = engagedUser();
    const res = await send({ recipient: { id: user.psid }, messaging_type: "RESPONSE", message: { text: "Hello!" } });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ recipient_id: user.psid, message_id: expect.stringMatching(/^m_/) });
    expect(sandbox.state.thread(user.psid).at(-1)).toMatchObject({ direction: "out", message: { text: "Hello!" } });
  });

  it("accepts /{page-id}/messages, attachments by URL, quick replies, button and generic templates, sender actions", async () => {
    const user = engagedUser();
    const path = `/v21.0/${DEMO.pageId}/messages`;
    const bodies = [
      { message: { attachment: { type: "image", payload: { url: "https://example.com/a.png", is_reusable: true } } } },
      { message: { text: "Pick", quick_replies: Array.from({ length: 13 }, (_, i) => ({ content_type: "text", title: `Q${i}`, payload: `P${i}` })) } },
      { message: { attachment: { type: "template", payload: { template_type: "button", text: "Hi", buttons: [{ type: "postback", title: "Go", payload: "GO" }] } } } },
      { message: { attachment: { type: "template", payload: { template_type: "generic", elements: [{ title: "Item", subtitle: "Nice", buttons: [{ type: "web_url", url: "https://x.y", title: "See" }] }] } } } },
      { sender_action: "typing_on" },
    ];
    for (const body of bodies) {
      const res = await send({ recipient: { id: user.psid }, ...body }, DEMO.pageAccessToken, path);
      expect(res.status, JSON.stringify(res.body)).toBe(200);
    }
  });

  it("records every call for inspection with counts by outcome", async () => {
    const user = engagedUser();
    await send({ recipient: { id: user.psid }, message: { text: "one" } });
    await send({ recipient: { id: "999" }, message: { text: "two" } });
    const list = await control(sandbox, "GET", `/send-calls?pageId=${DEMO.pageId}&psid=${user.psid}`);
    expect(list.body.total).toBe(1);
    expect(list.body.data[0]).toMatchObject({ ok: true, kind: "text", psid: user.psid });
    const count = await control(sandbox, "GET", `/send-calls/count?pageId=${DEMO.pageId}`);
    expect(count.body).toEqual({ total: 2, ok: 1, failed: 1, byErrorCode: { "100": 1 } });
  });
});

describe("Send API: policy errors as Meta enforces them", () => {
  it("100 for an unknown recipient, with subcode 2018001", async () => {
    const res = await send({ recipient: { id: "123456" }, message: { text: "hi" } });
    expect(res.status).toBe(400);
    expect(res.body.error).toMatchObject({ code: 100, error_subcode: 2018001, type: "OAuthException" });
  });

  it.each([
    ["text over 2000 characters", { text: "x".repeat(2001) }],
    ["empty message", {}],
    ["14 quick replies", { text: "q", quick_replies: Array.from({ length: 14 }, (_, i) => ({ content_type: "text", title: `t${i}`, payload: "p" })) }],
    ["OTN title over 65 characters", otnRequest("t".repeat(66))],
    ["attachment without URL", { attachment: { type: "image", payload: {} } }],
    ["button template with 4 buttons", { attachment: { type: "template", payload: { template_type: "button", text: "x", buttons: Array(4).fill({ type: "postback", title: "a", payload: "b" }) } } }],
  ])("100 for a bad parameter: %s", async (_name, message) => {
    const user = engagedUser();
    const res = await send({ recipient: { id: user.psid }, message });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe(100);
  });

  it("100 for a bad messaging_type or a MESSAGE_TAG without a valid tag", async () => {
    const user = engagedUser();
    expect((await send({ recipient: { id: user.psid }, messaging_type: "PROMO", message: { text: "x" } })).body.error.code).toBe(100);
    expect((await send({ recipient: { id: user.psid }, messaging_type: "MESSAGE_TAG", tag: "NOPE", message: { text: "x" } })).body.error.code).toBe(100);
  });

  it("10/2018278 outside the 24 h window; HUMAN_AGENT allows 7 days", async () => {
    const user = engagedUser();
    sandbox.controls.clock.advance(DAY_MS + 1000);
    const outside = await send({ recipient: { id: user.psid }, messaging_type: "RESPONSE", message: { text: "late" } });
    expect(outside.status).toBe(400);
    expect(outside.body.error).toMatchObject({ code: 10, error_subcode: 2018278 });
    const agent = await send({ recipient: { id: user.psid }, messaging_type: "MESSAGE_TAG", tag: "HUMAN_AGENT", message: { text: "agent here" } });
    expect(agent.status).toBe(200);
    sandbox.controls.clock.advance(6 * DAY_MS);
    const tooLate = await send({ recipient: { id: user.psid }, messaging_type: "MESSAGE_TAG", tag: "HUMAN_AGENT", message: { text: "too late" } });
    expect(tooLate.body.error).toMatchObject({ code: 10, error_subcode: 2018278 });
  });

  it("a person who never wrote is outside the window", async () => {
    const user = sandbox.controls.users.createUser(DEMO.pageId);
    expect((await send({ recipient: { id: user.psid }, message: { text: "cold" } })).body.error.code).toBe(10);
  });

  it("referral and opt-in reopen the window", async () => {
    const user = engagedUser();
    sandbox.controls.clock.advance(2 * DAY_MS);
    sandbox.controls.users.openLink(user.psid, "again");
    expect((await send({ recipient: { id: user.psid }, message: { text: "welcome back" } })).status).toBe(200);
  });

  it("OTN: a token sends exactly one message, outside the window, and expires after a year", async () => {
    const user = engagedUser();
    expect((await send({ recipient: { id: user.psid }, message: otnRequest() })).status).toBe(200);
    const { token } = sandbox.controls.users.tapNotifyMe(user.psid);
    sandbox.controls.clock.advance(30 * DAY_MS);
    const first = await send({ recipient: { one_time_notif_token: token }, message: { text: "It's back!" } });
    expect(first.status).toBe(200);
    expect(first.body.recipient_id).toBe(user.psid);
    const second = await send({ recipient: { one_time_notif_token: token }, message: { text: "Again?" } });
    expect(second.status).toBe(400);
    expect(second.body.error.code).toBe(100);
    expect(second.body.error.message).toMatch(/already been used/);
    const counted = await control(sandbox, "GET", `/send-calls/count?token=${token}`);
    expect(counted.body).toMatchObject({ total: 2, ok: 1, failed: 1 });

    sandbox.controls.users.sendText(user.psid, "hi again");
    await send({ recipient: { id: user.psid }, message: otnRequest() });
    const { token: old } = sandbox.controls.users.tapNotifyMe(user.psid);
    sandbox.controls.clock.advance(YEAR_MS + DAY_MS);
    const expired = await send({ recipient: { one_time_notif_token: old }, message: { text: "a year later" } });
    expect(expired.body.error.code).toBe(100);
    expect(expired.body.error.message).toMatch(/expired/);
    expect((await send({ recipient: { one_time_notif_token: "forged" }, message: { text: "x" } })).body.error.code).toBe(100);
  });

  it("551/1545041 for a person who blocked the Page", async () => {
    const user = engagedUser();
    sandbox.controls.users.setBlocked(user.psid, true);
    const res = await send({ recipient: { id: user.psid }, message: { text: "hello?" } });
    expect(res.status).toBe(400);
    expect(res.body.error).toMatchObject({ code: 551, error_subcode: 1545041 });
  });

  it("190 for a bad token, recorded as a rejected call", async () => {
    const res = await send({ recipient: { id: "1" }, message: { text: "x" } }, "bad-token");
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe(190);
    expect(sandbox.controls.sendLog.count({}).byErrorCode).toEqual({ "190": 1 });
  });

  it("613 beyond the Page's calls-per-second limit", async () => {
    const user = engagedUser();
    await control(sandbox, "PUT", `/pages/${DEMO.pageId}/faults`, { rateLimitPerSecond: 5 });
    const results = await Promise.all(Array.from({ length: 12 }, () => send({ recipient: { id: user.psid }, message: { text: "burst" } })));
    const limited = results.filter((r) => r.body.error?.code === 613);
    expect(limited.length).toBeGreaterThanOrEqual(5);
    expect(limited[0].body.error.error_subcode).toBe(2534040);
  });

  it("temporary errors (1, 2, -1, 1200) at the configured rate, with latency", async () => {
    const user = engagedUser();
    await control(sandbox, "PUT", `/pages/${DEMO.pageId}/faults`, { temporaryErrorRate: 1, temporaryErrorCodes: [1200], latency: { kind: "fixed", ms: 60 } });
    const started = Date.now();
    const res = await send({ recipient: { id: user.psid }, message: { text: "x" } });
    expect(Date.now() - started).toBeGreaterThanOrEqual(55);
    expect(res.status).toBe(500);
    expect(res.body.error.code).toBe(1200);
    await control(sandbox, "PUT", `/pages/${DEMO.pageId}/faults`, { temporaryErrorRate: 0, latency: { kind: "none" } });
    expect((await send({ recipient: { id: user.psid }, message: { text: "x" } })).status).toBe(200);
  });
});
