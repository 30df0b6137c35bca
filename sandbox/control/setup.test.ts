/**
 * The sandbox page's "Apps, Pages and webhooks" (sandbox/web/setup.js) drives these control endpoints: a
 * developer creates an app and a Page and subscribes the app's webhook for the Page, as in Meta's App Dashboard.
 */
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import type { RunningSandbox } from "../server";
import { control, waitFor, withSandbox } from "../testing/harness";

let sandbox: RunningSandbox | undefined;
let receiver: Awaited<ReturnType<typeof startEndpoint>> | undefined;
afterEach(async () => {
  await sandbox?.close();
  await receiver?.close();
  sandbox = receiver = undefined;
});

/** A webhook endpoint that records every request (the handshake GETs too) and checks the verify token. */
async function startEndpoint(verifyToken: string) {
  const requests: { method: string; url: URL; body: string }[] = [];
  const server = http.createServer((req, res) => {
    let body = "";
    req.on("data", (c: Buffer) => (body += c.toString("utf8")));
    req.on("end", () => {
      const url = new URL(req.url ?? "/", "http://x");
      requests.push({ method: req.method ?? "", url, body });
      if (req.method === "GET") {
        const ok = url.searchParams.get("hub.mode") === "subscribe" && url.searchParams.get("hub.verify_token") === verifyToken;
        res.writeHead(ok ? 200 : 403).end(ok ? url.searchParams.get("hub.challenge") : "forbidden");
        return;
      }
      res.writeHead(200).end("EVENT_RECEIVED");
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}/facebook/webhook/777`, requests, close: () => new Promise<void>((r) => server.close(() => r())) };
}

describe("setting up an app, a Page and its webhook from the sandbox page", () => {
  it("creates the app and the Page with the ids, secret and token given, and lists them", async () => {
    sandbox = await withSandbox();
    const app = await control(sandbox, "POST", "/apps", { name: "My shop app", id: "2999", secret: "shh" });
    expect(app.status, JSON.stringify(app.body)).toBe(200);
    const page = await control(sandbox, "POST", "/pages", { appId: "2999", name: "My Shop", id: "1999", username: "myshop", accessToken: "shop-token" });
    expect(page.status, JSON.stringify(page.body)).toBe(200);
    expect(page.body).toMatchObject({ id: "1999", name: "My Shop", username: "myshop", appId: "2999", accessToken: "shop-token" });

    const apps = (await control(sandbox, "GET", "/apps")).body.data as { id: string; name: string; secret: string }[];
    expect(apps.find((a) => a.id === "2999")).toMatchObject({ name: "My shop app", secret: "shh" });
    const pages = (await control(sandbox, "GET", "/pages")).body.data as { id: string }[];
    expect(pages.map((p) => p.id)).toContain("1999");
    // The Page token works on the Graph API at once, as a channel's connection check needs.
    const me = await fetch(`${sandbox.url}/v21.0/me?access_token=shop-token`);
    expect(await me.json()).toEqual({ id: "1999", name: "My Shop" });
  });

  it("answers clear errors for a bad id or a taken username, and creates nothing", async () => {
    sandbox = await withSandbox();
    const bad = await control(sandbox, "POST", "/apps", { name: "x", id: "abc" });
    expect(bad.status).toBe(400);
    expect(bad.body.issues[0].path).toEqual(["id"]);
    const taken = await control(sandbox, "POST", "/pages", { name: "Copy", username: "demopage" });
    expect(taken.status).toBe(409);
    expect(taken.body.error).toContain("demopage");
    expect((await control(sandbox, "GET", "/pages")).body.data).toHaveLength(1);
  });

  it("subscribes the app's webhook for a Page after Meta's verification handshake, then delivers only the chosen fields", async () => {
    sandbox = await withSandbox();
    receiver = await startEndpoint("my-verify-token");
    await control(sandbox, "POST", "/apps", { name: "My shop app", id: "2999", secret: "shh" });
    await control(sandbox, "POST", "/pages", { appId: "2999", name: "My Shop", id: "1999", username: "myshop" });

    const res = await control(sandbox, "PUT", "/pages/1999/subscription", {
      callbackUrl: receiver.url,
      verifyToken: "my-verify-token",
      subscribedFields: ["messages", "messaging_optins"],
    });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.app).toMatchObject({ id: "2999", callbackUrl: receiver.url, verifyToken: "my-verify-token", subscriptionActive: true });
    expect(res.body.page.subscribedFields).toEqual(["messages", "messaging_optins"]);
    // The handshake: one GET with hub.mode=subscribe, the verify token and a challenge, before any event.
    expect(receiver.requests).toHaveLength(1);
    const [handshake] = receiver.requests;
    expect(handshake.method).toBe("GET");
    expect(handshake.url.pathname).toBe("/facebook/webhook/777");
    expect(handshake.url.searchParams.get("hub.mode")).toBe("subscribe");
    expect(handshake.url.searchParams.get("hub.verify_token")).toBe("my-verify-token");
    expect(handshake.url.searchParams.get("hub.challenge")).toMatch(/^\d+$/);

    // A person writes (field messages: delivered) and taps a button (messaging_postbacks: not subscribed, not sent).
    const user = sandbox.controls.users.createUser("1999");
    sandbox.controls.users.sendText(user.psid, "Hello shop");
    await waitFor(() => receiver!.requests.some((r) => r.method === "POST"));
    const posted = receiver.requests.filter((r) => r.method === "POST").map((r) => JSON.parse(r.body));
    expect(posted[0].entry[0]).toMatchObject({ id: "1999", messaging: [{ sender: { id: user.psid }, message: { text: "Hello shop" } }] });
    sandbox.controls.users.postback(user.psid, { title: "Menu", payload: "MENU" });
    const events = (await control(sandbox, "GET", `/webhook-events?psid=${user.psid}&field=messaging_postbacks`)).body.data;
    expect(events.map((e: { status: string }) => e.status)).toEqual(["not_subscribed"]);
  });

  it("refuses a callback that does not echo the challenge for the verify token, changing nothing", async () => {
    sandbox = await withSandbox();
    receiver = await startEndpoint("the-right-token");
    await control(sandbox, "POST", "/apps", { name: "My shop app", id: "2999" });
    await control(sandbox, "POST", "/pages", { appId: "2999", name: "My Shop", id: "1999" });
    const res = await control(sandbox, "PUT", "/pages/1999/subscription", { callbackUrl: receiver.url, verifyToken: "a-guess", subscribedFields: ["messages"] });
    expect(res.status).toBe(422);
    expect(res.body.error).toMatch(/couldn't be validated.*403/);
    expect((await control(sandbox, "GET", "/apps/2999")).body.callbackUrl).toBeNull();
    expect((await control(sandbox, "GET", "/pages/1999")).body.subscribedFields).not.toEqual(["messages"]);

    const missing = await control(sandbox, "PUT", "/pages/1999/subscription", { callbackUrl: "not a url", verifyToken: "" });
    expect(missing.status).toBe(400);
    expect(missing.body.issues.map((i: { path: string[] }) => i.path[0]).sort()).toEqual(["callbackUrl", "verifyToken"]);
    expect((await control(sandbox, "PUT", "/pages/404/subscription", { callbackUrl: receiver.url, verifyToken: "x" })).status).toBe(404);
  });
});
