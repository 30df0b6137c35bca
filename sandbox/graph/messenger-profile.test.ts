import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { RunningSandbox } from "../server";
import { DEMO } from "../state/demo";
import { control, graph, startReceiver, waitFor, withSandbox } from "../testing/harness";

let sandbox: RunningSandbox;
let receiver: Awaited<ReturnType<typeof startReceiver>>;
beforeAll(async () => {
  sandbox = await withSandbox();
});
beforeEach(async () => {
  sandbox.core.reset();
  receiver = await startReceiver();
  await control(sandbox, "PUT", `/apps/${DEMO.appId}/webhook`, { callbackUrl: receiver.url, verifyToken: "verify-me" });
});
afterEach(() => receiver.close());
afterAll(() => sandbox.close());

const profile = (method: string, body?: unknown, query = "") => graph(sandbox, method, `/v21.0/me/messenger_profile?access_token=${DEMO.pageAccessToken}${query}`, body);
const menu = [
  { locale: "default", composer_input_disabled: false, call_to_actions: [{ type: "postback", title: "Talk to a human", payload: "MD_BOT_HUMAN" }, { type: "web_url", title: "Shop", url: "https://shop.example.com" }] },
  { locale: "zh_CN", composer_input_disabled: false, call_to_actions: [{ type: "postback", title: "转人工", payload: "MD_BOT_HUMAN" }] },
];

describe("POST/GET/DELETE /me/messenger_profile", () => {
  it("sets Get Started, greetings and menus, answers them on GET and removes them on DELETE", async () => {
    const set = await profile("POST", { get_started: { payload: "MD_GET_STARTED" }, greeting: [{ locale: "default", text: "Hi {{user_first_name}}!" }, { locale: "zh_CN", text: "你好！" }], persistent_menu: menu });
    expect(set).toEqual({ status: 200, body: { result: "success" } });
    const got = await profile("GET", undefined, "&fields=get_started,greeting,persistent_menu");
    expect(got.body.data[0].get_started).toEqual({ payload: "MD_GET_STARTED" });
    expect(got.body.data[0].greeting).toHaveLength(2);
    expect(got.body.data[0].persistent_menu[1].call_to_actions[0]).toEqual({ type: "postback", title: "转人工", payload: "MD_BOT_HUMAN" });
    // Get Started cannot go while a menu needs it; both together can.
    expect((await profile("DELETE", { fields: ["get_started"] })).body.error).toMatchObject({ code: 100, type: "OAuthException" });
    expect((await profile("DELETE", { fields: ["persistent_menu", "get_started"] })).body).toEqual({ result: "success" });
    expect((await profile("GET", undefined, "&fields=get_started,persistent_menu")).body).toEqual({ data: [] });
  });

  it("refuses what Meta refuses, with its (#100) error", async () => {
    const refused = async (body: unknown, message: string) => {
      const answer = await profile("POST", body);
      expect(answer.status).toBe(400);
      expect(answer.body.error).toMatchObject({ code: 100, type: "OAuthException", message: `(#100) ${message}` });
    };
    await refused({ persistent_menu: menu }, "You must set a Get Started button if you also wish to use persistent menu.");
    await refused({ greeting: [{ locale: "zh_CN", text: "你好" }] }, "param greeting must contain the default locale");
    await refused({ greeting: [{ locale: "default", text: "x".repeat(161) }] }, "param greeting[0][text] must be at most 160 characters");
    const many = Array.from({ length: 21 }, (_, i) => ({ type: "postback", title: `Item ${i}`, payload: `P${i}` }));
    await refused({ get_started: { payload: "GS" }, persistent_menu: [{ locale: "default", call_to_actions: many }] }, "param persistent_menu[0][call_to_actions] must have at most 20 items");
    await refused({ get_started: { payload: "GS" }, persistent_menu: [{ locale: "en_US", call_to_actions: many.slice(0, 1) }] }, "param persistent_menu must contain the default locale");
    await refused({ get_started: { payload: "GS" }, persistent_menu: [{ locale: "default", call_to_actions: [{ type: "postback", title: "x".repeat(31), payload: "P" }] }] }, "param persistent_menu[0][call_to_actions][0][title] must be at most 30 characters");
    await refused({ get_started: {} }, "param get_started must be an object with a non-empty payload");
    await refused({}, "must specify at least one of the following fields: get_started, greeting, persistent_menu");
    expect((await profile("GET")).body.error).toMatchObject({ code: 100, message: "(#100) The parameter fields is required" });
    // Twenty items is fine; so is a menu once Get Started was set earlier.
    expect((await profile("POST", { get_started: { payload: "GS" } })).status).toBe(200);
    expect((await profile("POST", { persistent_menu: [{ locale: "default", call_to_actions: many.slice(0, 20) }] })).status).toBe(200);
    // A user token is not a Page token.
    expect((await graph(sandbox, "POST", "/v21.0/me/messenger_profile", { get_started: { payload: "x" } })).body.error.code).toBe(2500);
  });
});

describe("simulated users see the profile", () => {
  it("Get Started sends the profile's payload; a menu tap sends a postback in the person's locale", async () => {
    await profile("POST", { get_started: { payload: "MD_GET_STARTED" }, greeting: [{ locale: "default", text: "Welcome" }, { locale: "zh_CN", text: "欢迎" }], persistent_menu: menu });
    const user = sandbox.controls.users.createUser(DEMO.pageId, { locale: "zh_CN" });
    expect((await control(sandbox, "GET", `/users/${user.psid}/menu`)).body).toEqual({ items: [{ type: "postback", title: "转人工", payload: "MD_BOT_HUMAN" }], greeting: "欢迎", getStarted: true });
    await control(sandbox, "POST", `/users/${user.psid}/get-started`, {});
    const started = await waitFor(() => receiver.events().find((e) => (e.postback as { payload?: string } | undefined)?.payload === "MD_GET_STARTED"));
    expect(started.postback).toMatchObject({ title: "Get Started" });
    const tapped = await control(sandbox, "POST", `/users/${user.psid}/menu`, { index: 0 });
    expect(tapped.status).toBe(200);
    const event = await waitFor(() => receiver.events().find((e) => (e.postback as { payload?: string } | undefined)?.payload === "MD_BOT_HUMAN"));
    expect(event.postback).toMatchObject({ title: "转人工", payload: "MD_BOT_HUMAN" });
    // Someone in another locale sees the default menu; a link item sends nothing.
    const other = sandbox.controls.users.createUser(DEMO.pageId, { locale: "fr_FR" });
    await control(sandbox, "POST", `/users/${other.psid}/get-started`, {});
    expect((await control(sandbox, "GET", `/users/${other.psid}/menu`)).body.items.map((i: { title: string }) => i.title)).toEqual(["Talk to a human", "Shop"]);
    expect((await control(sandbox, "POST", `/users/${other.psid}/menu`, { title: "Shop" })).status).toBe(400);
  });
});
