import http from "node:http";
import type { AddressInfo } from "node:net";
import { expect, test } from "@playwright/test";

/**
 * The sandbox's "Apps, Pages and webhooks" page in Chromium, as a developer trying their own webhook without
 * curl: create an app and a Page, subscribe the app's webhook for the Page (the sandbox performs Meta's
 * verification handshake), and see a person's message arrive. And the page in Chinese for a Chinese browser.
 */
const SANDBOX = process.env.SANDBOX_URL ?? "http://127.0.0.1:4010";

/** A webhook endpoint that answers the handshake for `verifyToken` and keeps every event it is sent. */
async function startEndpoint(verifyToken: string) {
  const bodies: { entry: { id: string; messaging: { message?: { text?: string } }[] }[] }[] = [];
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://x");
    if (req.method === "GET") {
      const ok = url.searchParams.get("hub.mode") === "subscribe" && url.searchParams.get("hub.verify_token") === verifyToken;
      res.writeHead(ok ? 200 : 403).end(ok ? url.searchParams.get("hub.challenge") : "forbidden");
      return;
    }
    let body = "";
    req.on("data", (c: Buffer) => (body += c.toString("utf8")));
    req.on("end", () => {
      bodies.push(JSON.parse(body));
      res.writeHead(200).end("EVENT_RECEIVED");
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}/webhook`, bodies, close: () => new Promise<void>((r) => server.close(() => r())) };
}

test("a developer creates an app and a Page and subscribes a webhook from the sandbox page", async ({ page }) => {
  const endpoint = await startEndpoint("my-verify-token");
  const suffix = String(Date.now()).slice(-9);
  const appId = `29${suffix}`;
  const pageId = `19${suffix}`;
  try {
    await page.goto(`${SANDBOX}/_sandbox/`);
    await page.getByRole("link", { name: "Apps, Pages and webhooks" }).click();
    await expect(page.locator("body")).toHaveAttribute("data-ready", "true");

    const appForm = page.locator("#app-form");
    await appForm.getByLabel("App name").fill("My shop app");
    await appForm.getByLabel("App ID").fill(appId);
    await appForm.getByLabel("App secret").fill("my-app-secret");
    await appForm.getByRole("button", { name: "Create app" }).click();
    await expect(page.getByTestId("status")).toHaveText(`App ${appId} created`);
    await expect(page.getByTestId("apps-table").locator(`tr[data-app-id="${appId}"]`)).toContainText("My shop app");

    const pageForm = page.locator("#page-form");
    await pageForm.getByLabel("App").selectOption(appId);
    await pageForm.getByLabel("Page name").fill("My Shop");
    await pageForm.getByLabel("Page ID").fill(pageId);
    await pageForm.getByLabel("Username").fill(`shop${suffix}`);
    await pageForm.getByLabel("Page access token").fill(`token-${suffix}`);
    await pageForm.getByRole("button", { name: "Create Page" }).click();
    await expect(page.getByTestId("status")).toHaveText(`Page ${pageId} created: open m.me/shop${suffix} to play a user`);
    await expect(page.getByTestId("pages-table").locator(`tr[data-page-id="${pageId}"]`)).toContainText(`token-${suffix}`);

    // A wrong verify token: the handshake fails and the page says why; nothing is subscribed.
    const subscription = page.locator("#subscription-form");
    await page.locator("#subscription-page").selectOption(pageId);
    await subscription.getByLabel("Callback URL").fill(endpoint.url);
    await subscription.getByLabel("Verify token").fill("a-guess");
    await subscription.getByRole("button", { name: "Verify and subscribe" }).click();
    await expect(page.getByTestId("status")).toContainText("couldn't be validated");
    await expect(page.getByTestId("apps-table").locator(`tr[data-app-id="${appId}"]`)).toContainText("none");

    await subscription.getByLabel("Verify token").fill("my-verify-token");
    await subscription.getByRole("checkbox", { name: "message_reads" }).uncheck();
    await subscription.getByRole("button", { name: "Verify and subscribe" }).click();
    await expect(page.getByTestId("status")).toHaveText(`Verified: ${endpoint.url} now receives the events of My Shop`);
    await expect(page.getByTestId("apps-table").locator(`tr[data-app-id="${appId}"]`)).toContainText(endpoint.url);
    await expect(page.getByTestId("pages-table").locator(`tr[data-page-id="${pageId}"]`)).not.toContainText("message_reads");

    // A person writes to the new Page on the user page; the event reaches the subscribed webhook.
    await page.goto(`${SANDBOX}/m.me/shop${suffix}`);
    await page.getByTestId("get-started").click();
    await page.getByTestId("text-input").fill("Hello, shop");
    await page.getByTestId("send-text").click();
    await expect
      .poll(() => endpoint.bodies.flatMap((b) => b.entry.filter((e) => e.id === pageId).flatMap((e) => e.messaging.map((m) => m.message?.text))))
      .toContain("Hello, shop");
  } finally {
    await endpoint.close();
  }
});

test.describe("for a browser asking for Chinese", () => {
  test.use({ locale: "zh-CN" });

  test("the sandbox's pages speak Simplified Chinese, and the switch goes back to English", async ({ page }) => {
    await page.goto(`${SANDBOX}/_sandbox/setup`);
    await expect(page.getByRole("heading", { name: "应用、主页和 Webhook" })).toBeVisible();
    await expect(page.getByRole("button", { name: "创建应用" })).toBeVisible();
    await page.goto(`${SANDBOX}/_sandbox/`);
    await expect(page.getByTestId("new-person")).toHaveText("新用户");
    await page.getByTestId("lang-select").selectOption("en");
    await expect(page.getByTestId("new-person")).toHaveText("New person");
    await page.context().clearCookies();
  });
});
