import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { RunningSandbox } from "../server";
import { DEMO, PLATFORM } from "../state/demo";
import { control, graph, startReceiver, waitFor, withSandbox } from "../testing/harness";
import { signatureSha256 } from "../webhooks/signature";

const REDIRECT = "http://127.0.0.1:3000/facebook/login/callback";
let sandbox: RunningSandbox;
beforeAll(async () => {
  sandbox = await withSandbox();
});
afterAll(() => sandbox.close());
afterEach(() => sandbox.core.reset());

async function facebookUser(name: string, pages: string[]) {
  const res = await control(sandbox, "POST", "/facebook-users", { name, pages: pages.map((p) => ({ name: p })) });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body as { id: string; name: string; pages: { id: string; name: string }[] };
}

function dialogUrl(extra: Record<string, string> = {}) {
  const q = new URLSearchParams({ client_id: PLATFORM.appId, redirect_uri: REDIRECT, state: "st ate/ä&=", config_id: PLATFORM.loginConfigId, response_type: "code", ...extra });
  return `${sandbox.url}/v21.0/dialog/oauth?${q}`;
}

/** Posts the dialog's form as a browser would. */
async function decide(form: { user?: string; permissions?: string[]; pages?: string[]; action: "continue" | "cancel"; redirectUri?: string }) {
  const body = new URLSearchParams({ client_id: PLATFORM.appId, redirect_uri: form.redirectUri ?? REDIRECT, state: "st ate/ä&=", config_id: PLATFORM.loginConfigId, response_type: "code", action: form.action });
  if (form.user) body.set("user", form.user);
  for (const p of form.permissions ?? PLATFORM.loginPermissions) body.append("permission", p);
  for (const p of form.pages ?? []) body.append("page", p);
  const res = await fetch(`${sandbox.url}/v21.0/dialog/oauth`, { method: "POST", body, redirect: "manual", headers: { "Content-Type": "application/x-www-form-urlencoded" } });
  return { status: res.status, location: new URL(res.headers.get("location") ?? "http://none/") };
}

async function exchange(code: string, redirectUri = REDIRECT) {
  const q = new URLSearchParams({ client_id: PLATFORM.appId, client_secret: PLATFORM.appSecret, redirect_uri: redirectUri, code });
  return graph(sandbox, "GET", `/v21.0/oauth/access_token?${q}`);
}

/** Dialog → code → short-lived → long-lived user token. */
async function login(user: { id: string; pages: { id: string }[] }, options: { permissions?: string[]; pages?: string[] } = {}) {
  const decided = await decide({ user: user.id, action: "continue", permissions: options.permissions, pages: options.pages ?? user.pages.map((p) => p.id) });
  const short = await exchange(decided.location.searchParams.get("code")!);
  expect(short.status, JSON.stringify(short.body)).toBe(200);
  const q = new URLSearchParams({ grant_type: "fb_exchange_token", client_id: PLATFORM.appId, client_secret: PLATFORM.appSecret, fb_exchange_token: short.body.access_token });
  const long = await graph(sandbox, "GET", `/v21.0/oauth/access_token?${q}`);
  expect(long.status).toBe(200);
  return long.body.access_token as string;
}

const debug = (token: string, appToken = `${PLATFORM.appId}|${PLATFORM.appSecret}`) =>
  graph(sandbox, "GET", `/v21.0/debug_token?${new URLSearchParams({ input_token: token, access_token: appToken })}`);

describe("Facebook Login dialog", () => {
  it("renders the users, the permissions asked and each user's Pages, HTML-escaped", async () => {
    await facebookUser("Ana <b>Admin</b>", ["Shop & Co", "Bakery"]);
    const res = await fetch(dialogUrl());
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain("Messenger Desk Platform is requesting access");
    expect(html).toMatch(/<input type="radio" name="user" value="\d+"> Ana &lt;b&gt;Admin&lt;\/b&gt;<\/label>/);
    expect(html).toContain("Sandbox Admin");
    for (const p of PLATFORM.loginPermissions) expect(html).toContain(`name="permission" value="${p}" checked> ${p}</label>`);
    expect(html).toContain("Shop &amp; Co");
    expect(html).toContain("Demo Page");
    expect(html).toContain('value="st ate/ä&amp;="');
    expect(html).toMatch(/<button type="submit" name="action" value="continue">Continue<\/button>/);
    expect(html).toMatch(/<button type="submit" name="action" value="cancel">Cancel<\/button>/);
  });

  it("answers an unknown client_id or config_id with an HTML error page", async () => {
    const unknownApp = await fetch(dialogUrl({ client_id: "999" }));
    expect(unknownApp.status).toBe(400);
    expect(await unknownApp.text()).toContain("Invalid App ID");
    const unknownConfig = await fetch(dialogUrl({ config_id: "123" }));
    expect(unknownConfig.status).toBe(400);
    expect(unknownConfig.headers.get("content-type")).toContain("text/html");
  });

  it("Continue redirects with a code and the state verbatim; Cancel with Meta's access_denied", async () => {
    const ana = await facebookUser("Ana", ["Shop"]);
    const ok = await decide({ user: ana.id, action: "continue", pages: [ana.pages[0].id] });
    expect(ok.status).toBe(302);
    expect(ok.location.origin + ok.location.pathname).toBe(REDIRECT);
    expect(ok.location.searchParams.get("code")).toMatch(/^AQ/);
    expect(ok.location.searchParams.get("state")).toBe("st ate/ä&=");

    const cancel = await decide({ user: ana.id, action: "cancel" });
    expect(cancel.status).toBe(302);
    expect(Object.fromEntries(cancel.location.searchParams)).toEqual({
      error: "access_denied",
      error_code: "200",
      error_description: "Permissions error",
      error_reason: "user_denied",
      state: "st ate/ä&=",
    });
  });
});

describe("authorization codes", () => {
  it("are single use", async () => {
    const ana = await facebookUser("Ana", ["Shop"]);
    const code = (await decide({ user: ana.id, action: "continue" })).location.searchParams.get("code")!;
    const first = await exchange(code);
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ token_type: "bearer", expires_in: 5400 });
    const again = await exchange(code);
    expect(again.status).toBe(400);
    expect(again.body.error).toMatchObject({ code: 100, error_subcode: 36009, message: "This authorization code has been used.", type: "OAuthException" });
  });

  it("are bound to the redirect_uri and the app, and expire after 10 minutes", async () => {
    const ana = await facebookUser("Ana", ["Shop"]);
    const code = (await decide({ user: ana.id, action: "continue" })).location.searchParams.get("code")!;
    const other = await exchange(code, "http://127.0.0.1:3000/elsewhere");
    expect(other.body.error).toMatchObject({ code: 100, error_subcode: 36008 });
    expect(other.body.error.message).toContain("redirect_uri is identical");

    const otherApp = await graph(sandbox, "GET", `/oauth/access_token?${new URLSearchParams({ client_id: DEMO.appId, client_secret: DEMO.appSecret, redirect_uri: REDIRECT, code })}`);
    expect(otherApp.body.error).toMatchObject({ code: 100, message: "Invalid verification code format." });
    const badSecret = await graph(sandbox, "GET", `/oauth/access_token?${new URLSearchParams({ client_id: PLATFORM.appId, client_secret: "x", redirect_uri: REDIRECT, code })}`);
    expect(badSecret.body.error.code).toBe(1);

    sandbox.controls.clock.advance(10 * 60_000 + 1);
    const expired = await exchange(code);
    expect(expired.body.error).toMatchObject({ code: 100, error_subcode: 36007 });
    expect((await exchange("AQnot-a-code")).body.error).toMatchObject({ code: 100, message: "Invalid verification code format." });
  });
});

describe("user tokens", () => {
  it("know the Facebook user and the permissions granted and declined", async () => {
    const ana = await facebookUser("Ana", ["Shop"]);
    const token = await login(ana, { permissions: ["pages_show_list", "pages_manage_metadata", "business_management"] });
    expect((await graph(sandbox, "GET", `/v21.0/me?access_token=${token}`)).body).toEqual({ name: "Ana", id: ana.id });
    const permissions = await graph(sandbox, "GET", `/v21.0/me/permissions?access_token=${token}`);
    expect(permissions.body.data).toEqual(
      expect.arrayContaining([
        { permission: "public_profile", status: "granted" },
        { permission: "pages_show_list", status: "granted" },
        { permission: "pages_messaging", status: "declined" },
      ]),
    );
    const info = await debug(token);
    expect(info.body.data).toMatchObject({ app_id: PLATFORM.appId, type: "USER", is_valid: true, user_id: ana.id });
    expect(info.body.data.scopes).not.toContain("pages_messaging");
  });

  it("refuse /me/accounts without pages_show_list", async () => {
    const ana = await facebookUser("Ana", ["Shop"]);
    const token = await login(ana, { permissions: ["pages_messaging"] });
    const res = await graph(sandbox, "GET", `/v21.0/me/accounts?access_token=${token}`);
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe(200);
    expect(res.body.error.message).toContain("pages_show_list");
  });

  it("page /me/accounts over 30 Pages with limit 25, only the chosen ones, with tasks and a picture", async () => {
    const names = Array.from({ length: 31 }, (_, i) => `Page ${String(i + 1).padStart(2, "0")}`);
    const res = await control(sandbox, "POST", "/facebook-users", { name: "Many", pages: names.map((name, i) => ({ name, tasks: i === 0 ? ["ANALYZE"] : undefined })) });
    const many = res.body as { id: string; pages: { id: string }[] };
    const token = await login(many, { pages: many.pages.slice(0, 30).map((p) => p.id) });
    const first = await graph(sandbox, "GET", `/v21.0/me/accounts?fields=id,name,access_token,tasks,picture{url}&limit=25&access_token=${token}`);
    expect(first.body.data).toHaveLength(25);
    expect(first.body.data[0]).toMatchObject({ id: many.pages[0].id, name: "Page 01", tasks: ["ANALYZE"] });
    expect(first.body.data[1].tasks).toContain("MESSAGING");
    expect(first.body.data[0].picture.data).toMatchObject({ width: 50, height: 50, is_silhouette: false });
    const picture = await fetch(first.body.data[0].picture.data.url);
    expect(picture.headers.get("content-type")).toBe("image/svg+xml");
    expect(await picture.text()).toContain(">P0<");
    expect(first.body.paging.cursors.after).toBeTruthy();
    expect(first.body.paging.next).toContain("/me/accounts?");

    const second = await graph(sandbox, "GET", new URL(first.body.paging.next).pathname + new URL(first.body.paging.next).search);
    expect(second.body.data.map((p: { name: string }) => p.name)).toEqual(["Page 26", "Page 27", "Page 28", "Page 29", "Page 30"]);
    expect(second.body.paging.next).toBeUndefined();
    expect(second.body.paging.cursors.after).toBeUndefined();
  });
});

describe("Page tokens per app", () => {
  it("gives the platform app the Page's own token on its Pages and a connected-app token on the demo Page", async () => {
    const ana = await facebookUser("Ana", ["Shop"]);
    const token = await login(ana);
    const [shop] = (await graph(sandbox, "GET", `/v21.0/me/accounts?access_token=${token}`)).body.data;
    expect(shop.access_token).toBe(sandbox.state.pages.get(ana.pages[0].id)!.accessToken);

    const demoUser = (await control(sandbox, "GET", "/facebook-users")).body.data.find((u: { name: string }) => u.name === "Sandbox Admin");
    const demoLogin = await login(demoUser);
    const [demo] = (await graph(sandbox, "GET", `/v21.0/me/accounts?access_token=${demoLogin}`)).body.data;
    expect(demo.id).toBe(DEMO.pageId);
    expect(demo.access_token).not.toBe(DEMO.pageAccessToken);
    const info = await debug(demo.access_token);
    expect(info.body.data).toMatchObject({ app_id: PLATFORM.appId, type: "PAGE", profile_id: DEMO.pageId, is_valid: true, expires_at: 0, user_id: demoUser.id });
    // The same token on the next login (minted once).
    const again = (await graph(sandbox, "GET", `/v21.0/me/accounts?access_token=${demoLogin}`)).body.data[0];
    expect(again.access_token).toBe(demo.access_token);
    // The legacy demo user token still lists the demo Page with the demo app's token.
    const legacy = await graph(sandbox, "GET", `/v21.0/me/accounts?access_token=${DEMO.userAccessToken}`);
    expect(legacy.body.data[0]).toMatchObject({ id: DEMO.pageId, access_token: DEMO.pageAccessToken });
  });
});

describe("debug_token and token death", () => {
  it("answers valid, unknown and wrong-app-token cases", async () => {
    const valid = await debug(DEMO.pageAccessToken, `${DEMO.appId}|${DEMO.appSecret}`);
    expect(valid.body.data).toMatchObject({ app_id: DEMO.appId, type: "PAGE", is_valid: true, profile_id: DEMO.pageId, expires_at: 0 });
    const unknown = await debug("EAAnothing");
    expect(unknown.body.data).toMatchObject({ is_valid: false, error: { code: 190 } });
    const wrongApp = await debug(DEMO.pageAccessToken, `${PLATFORM.appId}|wrong`);
    expect(wrongApp.status).toBe(400);
    expect(wrongApp.body.error.code).toBe(190);
  });

  for (const subcode of [458, 460, 463, 467]) {
    it(`kills a Page token with subcode ${subcode}; the next login mints a fresh one`, async () => {
      const ana = await facebookUser("Ana", ["Shop"]);
      const token = await login(ana);
      const [shop] = (await graph(sandbox, "GET", `/v21.0/me/accounts?access_token=${token}`)).body.data;
      const killed = await control(sandbox, "POST", `/pages/${shop.id}/token-death`, { subcode });
      expect(killed.status, JSON.stringify(killed.body)).toBe(200);

      const call = await graph(sandbox, "GET", `/v21.0/me?access_token=${shop.access_token}`);
      expect(call.status).toBe(400);
      expect(call.body.error).toMatchObject({ code: 190, error_subcode: subcode, type: "OAuthException" });
      expect(call.body.error.message).toMatch(/^Error validating access token: /);
      const info = await debug(shop.access_token);
      expect(info.body.data).toMatchObject({ is_valid: false, type: "PAGE", error: { code: 190, subcode } });

      const relogin = await login(ana);
      const [fresh] = (await graph(sandbox, "GET", `/v21.0/me/accounts?access_token=${relogin}`)).body.data;
      expect(fresh.access_token).not.toBe(shop.access_token);
      expect((await graph(sandbox, "GET", `/v21.0/me?access_token=${fresh.access_token}`)).body).toEqual({ name: "Shop", id: shop.id });
      // Still dead.
      expect((await graph(sandbox, "GET", `/v21.0/me?access_token=${shop.access_token}`)).body.error.error_subcode).toBe(subcode);
    });
  }

  it("kills only the named app's token", async () => {
    const demoUser = (await control(sandbox, "GET", "/facebook-users")).body.data[0];
    const platformToken = (await graph(sandbox, "GET", `/v21.0/me/accounts?access_token=${await login(demoUser)}`)).body.data[0].access_token;
    await control(sandbox, "POST", `/pages/${DEMO.pageId}/token-death`, { subcode: 460, appId: PLATFORM.appId });
    expect((await graph(sandbox, "GET", `/v21.0/me?access_token=${platformToken}`)).body.error.error_subcode).toBe(460);
    expect((await graph(sandbox, "GET", `/v21.0/me?access_token=${DEMO.pageAccessToken}`)).status).toBe(200);
    expect((await control(sandbox, "POST", `/pages/${DEMO.pageId}/token-death`, { subcode: 999 })).status).toBe(400);
  });
});

describe("webhooks of the platform app's Pages", () => {
  it("go to the platform app's app-level callback, signed with its secret, until DELETE subscribed_apps", async () => {
    const receiver = await startReceiver({ verifyToken: PLATFORM.verifyToken });
    try {
      await control(sandbox, "PUT", `/apps/${PLATFORM.appId}/webhook`, { callbackUrl: receiver.url, verifyToken: PLATFORM.verifyToken });
      const ana = await facebookUser("Ana", ["Shop"]);
      const [shop] = (await graph(sandbox, "GET", `/v21.0/me/accounts?access_token=${await login(ana)}`)).body.data;
      const sub = await graph(sandbox, "POST", `/v21.0/${shop.id}/subscribed_apps?access_token=${shop.access_token}`, { subscribed_fields: "messages,messaging_postbacks" });
      expect(sub.body).toEqual({ success: true });

      const person = sandbox.controls.users.createUser(shop.id, { firstName: "Bo" });
      sandbox.controls.users.sendText(person.psid, "hello");
      const hit = await waitFor(() => receiver.received.find((r) => r.json.entry[0]?.id === shop.id));
      expect(hit.headers["x-hub-signature-256"]).toBe(signatureSha256(PLATFORM.appSecret, hit.raw));

      const unsub = await graph(sandbox, "DELETE", `/v21.0/${shop.id}/subscribed_apps?access_token=${shop.access_token}`);
      expect(unsub.body).toEqual({ success: true });
      const before = receiver.received.length;
      sandbox.controls.users.sendText(person.psid, "anyone?");
      await new Promise((r) => setTimeout(r, 200));
      expect(receiver.received.length).toBe(before);
    } finally {
      await receiver.close();
    }
  });
});

describe("persistence", () => {
  it("keeps Facebook users, codes, user tokens and dead tokens in the state file", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "sandbox-login-"));
    const stateFile = path.join(dir, "state.json");
    try {
      const first = await withSandbox({ stateFile });
      const ana = (await control(first, "POST", "/facebook-users", { name: "Ana", pages: [{ name: "Shop" }] })).body;
      await control(first, "POST", `/pages/${ana.pages[0].id}/token-death`, { subcode: 460 });
      await first.close();
      const second = await withSandbox({ stateFile });
      try {
        const users = (await control(second, "GET", "/facebook-users")).body.data;
        expect(users.find((u: { id: string }) => u.id === ana.id)).toMatchObject({ name: "Ana", pages: [{ name: "Shop" }] });
        const call = await graph(second, "GET", `/v21.0/me?access_token=${ana.pages[0].accessToken}`);
        expect(call.body.error).toMatchObject({ code: 190, error_subcode: 460 });
      } finally {
        await second.close();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
