import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RunningSandbox } from "../server";
import { DEMO } from "../state/demo";
import { control, graph, withSandbox } from "../testing/harness";

let sandbox: RunningSandbox;
beforeAll(async () => {
  sandbox = await withSandbox();
});
afterAll(() => sandbox.close());

describe("Graph API: nodes and tokens", () => {
  it("answers GET /v21.0/me with the demo Page for its token", async () => {
    const res = await graph(sandbox, "GET", `/v21.0/me?access_token=${DEMO.pageAccessToken}`);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ name: "Demo Page", id: DEMO.pageId });
  });

  it("accepts unversioned paths, fields and a Bearer header", async () => {
    const res = await fetch(`${sandbox.url}/${DEMO.pageId}?fields=id,name,username`, { headers: { Authorization: `Bearer ${DEMO.pageAccessToken}` } });
    expect(await res.json()).toEqual({ id: DEMO.pageId, name: "Demo Page", username: "demopage" });
  });

  it("answers a wrong token with 400 and Graph's error shape, code 190", async () => {
    const res = await graph(sandbox, "GET", "/v21.0/me?access_token=wrong");
    expect(res.status).toBe(400);
    expect(res.body.error).toMatchObject({ type: "OAuthException", code: 190 });
    expect(typeof res.body.error.message).toBe("string");
    expect(typeof res.body.error.fbtrace_id).toBe("string");
  });

  it("rejects an unknown field with error 100", async () => {
    const res = await graph(sandbox, "GET", `/v21.0/me?fields=secret&access_token=${DEMO.pageAccessToken}`);
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe(100);
  });

  it("gives a user's profile to their Page only", async () => {
    const user = sandbox.controls.users.createUser(DEMO.pageId, { firstName: "Ada", lastName: "Lovelace", locale: "fr_FR" });
    const res = await graph(sandbox, "GET", `/v21.0/${user.psid}?fields=first_name,last_name,profile_pic,locale&access_token=${DEMO.pageAccessToken}`);
    expect(res.body).toEqual({ first_name: "Ada", last_name: "Lovelace", profile_pic: user.profilePic, locale: "fr_FR" });
    const other = await control(sandbox, "POST", "/pages", { name: "Other" });
    const denied = await graph(sandbox, "GET", `/v21.0/${user.psid}?access_token=${other.body.accessToken}`);
    expect(denied.status).toBe(400);
    expect(denied.body.error).toMatchObject({ code: 100, error_subcode: 33 });
  });

  it("subscribes the app to a Page's fields and lists them", async () => {
    const post = await fetch(`${sandbox.url}/v21.0/${DEMO.pageId}/subscribed_apps`, {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
      body: `subscribed_fields=messages,messaging_optins,message_echoes&access_token=${DEMO.pageAccessToken}`,
    });
    expect(await post.json()).toEqual({ success: true });
    const get = await graph(sandbox, "GET", `/v21.0/${DEMO.pageId}/subscribed_apps?access_token=${DEMO.pageAccessToken}`);
    expect(get.body.data[0]).toMatchObject({ id: DEMO.appId, subscribed_fields: ["messages", "messaging_optins", "message_echoes"] });
    const bad = await graph(sandbox, "POST", `/v21.0/${DEMO.pageId}/subscribed_apps?access_token=${DEMO.pageAccessToken}`, { subscribed_fields: "nonsense" });
    expect(bad.body.error.code).toBe(100);
  });

  it("exchanges a user token for a long-lived one that lists Pages with their tokens", async () => {
    const query = new URLSearchParams({ grant_type: "fb_exchange_token", client_id: DEMO.appId, client_secret: DEMO.appSecret, fb_exchange_token: DEMO.userAccessToken });
    const res = await graph(sandbox, "GET", `/v21.0/oauth/access_token?${query}`);
    expect(res.body).toMatchObject({ token_type: "bearer" });
    expect(res.body.expires_in).toBeGreaterThan(50 * 86400);
    const accounts = await graph(sandbox, "GET", `/v21.0/me/accounts?access_token=${res.body.access_token}`);
    expect(accounts.body.data[0]).toMatchObject({ id: DEMO.pageId, name: "Demo Page", access_token: DEMO.pageAccessToken });
    const wrongSecret = await graph(sandbox, "GET", `/v21.0/oauth/access_token?${new URLSearchParams({ ...Object.fromEntries(query), client_secret: "nope" })}`);
    expect(wrongSecret.status).toBe(400);
  });

  it("answers 190/460 for a revoked token and works again once restored", async () => {
    await control(sandbox, "POST", `/pages/${DEMO.pageId}/token/revoke`);
    const revoked = await graph(sandbox, "GET", `/me?access_token=${DEMO.pageAccessToken}`);
    expect(revoked.body.error).toMatchObject({ code: 190, error_subcode: 460 });
    await control(sandbox, "POST", `/pages/${DEMO.pageId}/token/restore`);
    expect((await graph(sandbox, "GET", `/me?access_token=${DEMO.pageAccessToken}`)).status).toBe(200);
  });
});

describe("Graph API: batch requests", () => {
  it("runs up to 50 operations, each answered and recorded separately", async () => {
    const user = sandbox.controls.users.createUser(DEMO.pageId, { threadStarted: true, lastInboundAt: sandbox.controls.clock.now() });
    const batch = [
      { method: "POST", relative_url: "v21.0/me/messages", body: `recipient=${encodeURIComponent(JSON.stringify({ id: user.psid }))}&message=${encodeURIComponent(JSON.stringify({ text: "one" }))}` },
      { method: "POST", relative_url: "v21.0/me/messages", body: `recipient=${encodeURIComponent(JSON.stringify({ id: "404" }))}&message=${encodeURIComponent(JSON.stringify({ text: "two" }))}` },
      { method: "GET", relative_url: "v21.0/me?fields=id" },
    ];
    const res = await graph(sandbox, "POST", `/v21.0/?access_token=${DEMO.pageAccessToken}`, { batch: JSON.stringify(batch) });
    expect(res.status).toBe(200);
    const results = res.body as unknown as { code: number; body: string }[];
    expect(results.map((r) => r.code)).toEqual([200, 400, 200]);
    expect(JSON.parse(results[0].body)).toMatchObject({ recipient_id: user.psid });
    expect(JSON.parse(results[1].body).error.code).toBe(100);
    const tooMany = await graph(sandbox, "POST", `/?access_token=${DEMO.pageAccessToken}`, { batch: Array(51).fill(batch[2]) });
    expect(tooMany.body.error.code).toBe(100);
  });
});
