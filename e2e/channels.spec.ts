import { createHmac, randomInt } from "node:crypto";
import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import { signUp, control } from "./helpers";
import { DEMO_OWNER, ownerOrg, storageStateOf } from "./personas";

/**
 * A Messenger channel end to end through the dashboard and the sandbox (Meta's emulator): connect a new
 * Page of a new app, check the connection, hand the callback URL and verify token to the app (the sandbox
 * performs Meta's handshake against our GET), then simulated people write and the conversation view shows
 * it live. Also: duplicated deliveries, a forged signature, a signed batch speaking for another app's
 * Page, and a revoked token flagging "reconnect needed".
 */
const SANDBOX = process.env.SANDBOX_URL ?? "http://127.0.0.1:4010";
const APP_URL = process.env.APP_URL ?? "http://127.0.0.1:3100";
const DEMO_PAGE = "1000000000000001";

const digits = (n: number) => Array.from({ length: n }, () => randomInt(10)).join("");

function signedPost(request: APIRequestContext, pageId: string, body: unknown, secret: string) {
  const raw = JSON.stringify(body);
  return request.post(`/facebook/webhook/${pageId}`, {
    data: raw,
    headers: { "content-type": "application/json", "x-hub-signature-256": `sha256=${createHmac("sha256", secret).update(raw).digest("hex")}` },
  });
}

async function openConversationOf(page: Page, slug: string, psid: string) {
  await page.goto(`/o/${slug}/conversations`);
  const row = page.locator(`[data-testid="conversation-row"][data-psid="${psid}"]`);
  await expect(row).toBeVisible({ timeout: 20_000 });
  await row.getByRole("link").click();
  await expect(page).toHaveURL(new RegExp(`/o/${slug}/conversations/[0-9a-f-]{36}$`));
}

test.use({ permissions: ["clipboard-read", "clipboard-write"] });

test("connect a Page, receive messages live, refuse forged and foreign deliveries, flag reconnect needed", async ({ page, request, browser }) => {
  test.setTimeout(150_000);
  // The sandbox side: a new app with its own secret, a Page of that app, and a person.
  const app = await control<{ id: string; secret: string }>(request, "POST", "/apps", { name: "E2E channels app", secret: `e2e-secret-${digits(8)}` });
  const fbPage = await control<{ id: string; accessToken: string }>(request, "POST", "/pages", { appId: app.id, name: `E2E Shop ${digits(4)}` });
  const person = await control<{ psid: string }>(request, "POST", `/pages/${fbPage.id}/users`, { firstName: "Lina", lastName: "Chen" });

  const { slug } = await signUp(page, { name: "Chen Jing" });

  // Every channel belongs to a skill group: the form says so and links to Settings.
  await page.getByRole("link", { name: "Connect a Page" }).click();
  await expect(page.getByText("Every channel belongs to a skill group")).toBeVisible();
  await page.getByRole("link", { name: "Create a skill group" }).click();
  await page.getByRole("button", { name: "New skill group" }).first().click();
  await page.getByRole("dialog").getByLabel("Name").fill("Europe support");
  await page.getByRole("dialog").getByRole("button", { name: "Create" }).click();
  await expect(page.getByTestId("skill-group-name")).toHaveText("Europe support");

  // Create the channel.
  await page.goto(`/o/${slug}/channels/new`);
  await page.getByLabel("Channel name").fill("EU store");
  await page.getByLabel("Page ID").fill(fbPage.id);
  await page.getByLabel("Page access token").fill(fbPage.accessToken);
  await page.getByLabel("App ID").fill(app.id);
  await page.getByLabel("App secret").fill(app.secret);
  await expect(page.getByLabel("Skill group")).toHaveValue(/[0-9a-f-]{36}/);
  await page.getByRole("button", { name: "Connect Page" }).click();
  await expect(page).toHaveURL(new RegExp(`/o/${slug}/channels/[0-9a-f-]{36}$`));
  await expect(page.getByRole("heading", { name: "EU store" })).toBeVisible();
  await expect(page.getByTestId("guide-step-3")).toHaveAttribute("data-state", "todo");
  // The secret never comes back: only a masked hint.
  await expect(page.getByText(fbPage.accessToken, { exact: true })).toHaveCount(0);

  // Check connection: the token opens the Page and the app gets subscribed to every field.
  await page.getByRole("button", { name: "Check connection" }).click();
  await expect(page.getByTestId("check-result")).toHaveAttribute("data-ok", "true");
  // Every field the app uses, Conversation Routing's messaging_handovers and standby included.
  await expect(page.getByTestId("subscribed-fields").locator("li")).toHaveCount(10);
  await expect(page.getByTestId("subscribed-fields")).toContainText("standby");
  await expect(page.getByTestId("subscribed-fields")).not.toContainText("not subscribed");
  await expect(page.getByTestId("guide-step-3")).toHaveAttribute("data-state", "done");
  await expect(page.getByTestId("guide-step-5")).toHaveAttribute("data-state", "done");
  await expect(page.getByTestId("guide-step-4")).toHaveAttribute("data-state", "todo");
  await expect(page.getByTestId("channel-status")).toHaveText("Active");

  // Copy the callback URL and the verify token shown, and give them to the app (the sandbox does the handshake).
  const callbackField = page.getByLabel("Callback URL");
  const callbackUrl = await callbackField.inputValue();
  expect(callbackUrl).toBe(`${APP_URL}/facebook/webhook/${fbPage.id}`);
  // Shown whole, beside its copy button: it wraps instead of scrolling out of sight, and its tooltip holds it too.
  await expect(callbackField).toHaveAttribute("title", callbackUrl);
  expect(await callbackField.evaluate((el) => el.scrollWidth <= el.clientWidth && el.scrollHeight <= el.clientHeight + 1)).toBe(true);
  await page.getByTestId("webhook-panel").getByRole("button", { name: "Copy callback URL" }).click();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(callbackUrl);
  const verifyToken = await page.getByLabel("Verify token").inputValue();
  expect(verifyToken).toMatch(/^mdv_/);
  await page.getByTestId("webhook-panel").getByRole("button", { name: "Copy verify token" }).click();
  await expect(page.getByTestId("webhook-panel").getByRole("button", { name: "Copied" }).last()).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(verifyToken);
  const wrong = await request.fetch(`${SANDBOX}/_sandbox/api/apps/${app.id}/webhook`, { method: "PUT", data: { callbackUrl, verifyToken: "not-the-token" } });
  expect(wrong.status()).toBe(422);
  await control(request, "PUT", `/apps/${app.id}/webhook`, { callbackUrl, verifyToken });

  // The person writes; every delivery is duplicated by the sandbox.
  await control(request, "PUT", "/webhook-options", { duplicateRate: 1 });
  const hello = `Hello, do you ship to Lyon? ${digits(5)}`;
  try {
    await control(request, "POST", `/users/${person.psid}/messages`, { text: hello });
    await openConversationOf(page, slug, person.psid);
    const messages = page.getByTestId("message");
    await expect(messages).toHaveCount(1, { timeout: 20_000 });
    await expect(messages.first()).toContainText(hello);
    await expect(messages.first()).toHaveAttribute("data-direction", "inbound");

    // The image appears without a reload, pushed by the live stream (with the stream up the page polls only
    // every 30 s, so seeing it within 10 s is the stream's doing), after the text, loaded through the app's
    // image proxy: the agent's browser never contacts the host in the event (here the sandbox's CDN).
    await expect(page.getByTestId("live-indicator")).toHaveAttribute("data-state", "live");
    const imageRequests: string[] = [];
    const cspViolations: string[] = [];
    page.on("console", (message) => {
      if (/Content Security Policy/i.test(message.text())) cspViolations.push(message.text());
    });
    page.on("request", (req) => {
      if (req.resourceType() === "image") imageRequests.push(req.url());
    });
    await control(request, "POST", `/users/${person.psid}/messages`, { attachment: { type: "image", url: `${SANDBOX}/_sandbox/media/photo.png` } });
    await expect(messages).toHaveCount(2, { timeout: 10_000 });
    await expect(messages.nth(1).getByTestId("message-image")).toBeVisible();
    await expect(messages.nth(1).getByTestId("message-image")).toHaveAttribute("src", new RegExp(`^/api/media/[0-9a-f-]{36}/0\\?org=${slug}$`));
    await expect.poll(() => messages.nth(1).getByTestId("message-image").evaluate((img: HTMLImageElement) => img.naturalWidth)).toBeGreaterThan(0);
    expect(imageRequests.filter((url) => !url.startsWith(APP_URL))).toEqual([]);
    expect(cspViolations).toEqual([]);
    await expect(messages.nth(0)).toContainText(hello);
    // Duplicated deliveries showed once; they did arrive twice.
    const deliveries = await control<{ data: { status: string; duplicate?: boolean }[] }>(request, "GET", `/webhook-deliveries?appId=${app.id}`);
    expect(deliveries.data.filter((d) => d.duplicate && d.status === "delivered").length).toBeGreaterThanOrEqual(1);
    await page.waitForTimeout(3_500);
    await expect(messages).toHaveCount(2);
    await expect(page.getByTestId("message-text").filter({ hasText: hello })).toHaveCount(1);
  } finally {
    await control(request, "PUT", "/webhook-options", { duplicateRate: 0 });
  }

  // A forged signature is refused and shows in the health panel.
  const forgedBody = JSON.stringify({ object: "page", entry: [{ id: fbPage.id, time: Date.now(), messaging: [] }] });
  const forged = await request.post(`/facebook/webhook/${fbPage.id}`, {
    data: forgedBody,
    headers: { "content-type": "application/json", "x-hub-signature-256": `sha256=${"0".repeat(64)}` },
  });
  expect(forged.status()).toBe(401);
  // Signed but not JSON: 400, with the reason; a method Meta never uses: 405.
  const garbage = "{not json";
  const unparseable = await request.post(`/facebook/webhook/${fbPage.id}`, {
    data: Buffer.from(garbage), // a Buffer is sent as is (a string that is not JSON would be JSON-encoded)
    headers: { "content-type": "application/json", "x-hub-signature-256": `sha256=${createHmac("sha256", app.secret).update(garbage).digest("hex")}` },
  });
  expect(unparseable.status()).toBe(400);
  expect(await unparseable.text()).toContain("not valid JSON");
  expect((await request.put(`/facebook/webhook/${fbPage.id}`, { data: "{}" })).status()).toBe(405);

  // A batch signed with this app's secret that also speaks for another app's Page (the demo's):
  // our entry is stored, the foreign one nowhere.
  const ours = `7${digits(15)}`;
  const foreign = `8${digits(15)}`;
  const now = Date.now();
  const batch = await signedPost(
    request,
    fbPage.id,
    {
      object: "page",
      entry: [
        { id: fbPage.id, time: now, messaging: [{ sender: { id: ours }, recipient: { id: fbPage.id }, timestamp: now, message: { mid: `m_ours_${digits(8)}`, text: "Batched and mine" } }] },
        { id: DEMO_PAGE, time: now, messaging: [{ sender: { id: foreign }, recipient: { id: DEMO_PAGE }, timestamp: now, message: { mid: `m_foreign_${digits(8)}`, text: "Not yours" } }] },
      ],
    },
    app.secret,
  );
  expect(batch.status()).toBe(200);
  await openConversationOf(page, slug, ours);
  await expect(page.getByTestId("message")).toContainText("Batched and mine");
  await page.goto(`/o/${slug}/conversations`);
  await expect(page.locator(`[data-psid="${foreign}"]`)).toHaveCount(0);
  // Nor in the organisation that owns the demo Page.
  const demo = await browser.newContext({ storageState: storageStateOf("demo") });
  const demoPage = await demo.newPage();
  await demoPage.goto(`/o/${DEMO_OWNER.slug}/conversations`);
  await expect(demoPage.getByRole("heading", { name: "Conversations", exact: true })).toBeVisible();
  await expect(demoPage.locator(`[data-psid="${foreign}"]`)).toHaveCount(0);
  await demo.close();

  // The channel page shows what arrived and what was refused.
  await page.goto(`/o/${slug}/channels`);
  await page.getByRole("link", { name: "EU store" }).click();
  await expect(page.getByTestId("last-event")).not.toContainText("No events yet");
  await expect(page.getByTestId("guide-step-4")).toHaveAttribute("data-state", "done");
  await expect(page.getByTestId("recent-errors")).toContainText("Signature failure");
  // The chart's table view: the current hour (the last row) counts the events that just arrived.
  const eventsChart = page.getByTestId("events-chart");
  await eventsChart.getByRole("button", { name: /Table view/ }).click();
  await expect(eventsChart.getByTestId("chart-row")).toHaveCount(24);
  await expect(eventsChart.getByTestId("chart-row").last().locator("td").last()).not.toHaveText("0");

  // Meta revokes the token: Check connection fails at the token and the channel needs reconnecting.
  await control(request, "POST", `/pages/${fbPage.id}/token/revoke`);
  await page.getByRole("button", { name: "Check connection" }).click();
  await expect(page.getByTestId("check-result")).toHaveAttribute("data-ok", "false");
  await expect(page.getByTestId("check-result")).toContainText("Page access token");
  await expect(page.getByTestId("reconnect-banner")).toBeVisible();
  await expect(page.getByTestId("guide-step-3")).toHaveAttribute("data-state", "failed");
  // The failed check changed the one badge: "Reconnect needed" only, never beside "Active".
  await expect(page.getByTestId("channel-status")).toHaveText("Reconnect needed");
  await expect(page.getByTestId("channel-status")).toHaveAttribute("data-status", "reconnect_needed");
  await page.getByRole("link", { name: "All channels" }).click();
  await expect(page.getByTestId("reconnect-banner")).toContainText("EU store");
  await expect(page.getByTestId("channel-row").getByTestId("reconnect-needed")).toBeVisible();
  await expect(page.getByTestId("channel-row").getByTestId("channel-status")).toHaveText("Reconnect needed");
  await expect(page.getByTestId("channel-row").getByText("Active", { exact: true })).toHaveCount(0);

  // Why, in words: the sandbox's revoked token is Meta's password-change death (190/460).
  await page.getByRole("link", { name: "EU store" }).click();
  await expect(page.getByTestId("reconnect-reason")).toContainText("changed its password");

  // Disconnect (confirmed): the app leaves the Page, the token is gone, the channel says so and offers no check.
  await page.getByRole("button", { name: "Disconnect", exact: true }).click();
  const confirm = page.getByRole("dialog", { name: "Disconnect EU store from its Page?" });
  await expect(confirm).toBeVisible();
  await confirm.getByRole("button", { name: "Disconnect", exact: true }).click();
  await expect(confirm).toBeHidden();
  await expect(page.getByTestId("channel-status")).toHaveAttribute("data-status", "disconnected");
  await expect(page.getByTestId("channel-status")).toHaveText("Disconnected");
  await expect(page.getByTestId("disconnected-banner")).toBeVisible();
  await expect(page.getByRole("button", { name: "Check connection" })).toHaveCount(0);
});

test("the webhook URL answers 404 to anything that is not a Page id, before any lookup", async ({ request }) => {
  for (const id of ["1".repeat(8 * 1024), "9".repeat(26), "abc", "123abc"]) {
    expect((await request.get(`/facebook/webhook/${id}?hub.mode=subscribe&hub.verify_token=x&hub.challenge=1`)).status()).toBe(404);
    expect((await request.post(`/facebook/webhook/${id}`, { data: "{}", headers: { "content-type": "application/json" } })).status()).toBe(404);
  }
});

test("the platform app's app-level webhook URL answers Meta's handshake with its verify token and refuses unsigned deliveries", async ({ request }) => {
  // playwright.config.ts configures the sandbox's platform app (META_WEBHOOK_VERIFY_TOKEN=platform-verify-token).
  const handshake = await request.get("/facebook/webhook?hub.mode=subscribe&hub.verify_token=platform-verify-token&hub.challenge=4242");
  expect(handshake.status()).toBe(200);
  expect(await handshake.text()).toBe("4242");
  const wrongToken = await request.get("/facebook/webhook?hub.mode=subscribe&hub.verify_token=x&hub.challenge=1");
  expect(wrongToken.status()).toBe(403);
  expect(wrongToken.headers()["content-type"]).toContain("text/plain");
  const unsigned = await request.post("/facebook/webhook", { data: '{"object":"page","entry":[]}', headers: { "content-type": "application/json" } });
  expect(unsigned.status()).toBe(401);
  expect(unsigned.headers()["content-type"]).toContain("text/plain");
});

test("an owner connects a Page only with its own token, and an agent sees no part of its secrets", async ({ browser, request }) => {
  test.setTimeout(120_000);
  const app = await control<{ id: string; secret: string }>(request, "POST", "/apps", { name: "E2E hints app", secret: `e2e-hint-secret-${digits(8)}` });
  const fbPage = await control<{ id: string; accessToken: string }>(request, "POST", "/pages", { appId: app.id, name: `E2E Hints ${digits(4)}` });
  const otherPage = await control<{ id: string; accessToken: string }>(request, "POST", "/pages", { appId: app.id, name: `E2E Other ${digits(4)}` });
  // The owner and agent personas of one organisation (e2e/personas.ts); names unique per attempt, as the
  // organisation is shared with other specs and kept across a retry.
  const { slug } = ownerOrg();
  const channelName = `Hints store ${digits(4)}`;
  const skillGroup = `Support ${digits(4)}`;
  const ownerContext = await browser.newContext({ storageState: storageStateOf("owner") });
  const page = await ownerContext.newPage();
  await page.goto(`/o/${slug}/settings/skill-groups`);
  await page.getByRole("button", { name: "New skill group" }).first().click();
  await page.getByRole("dialog").getByLabel("Name").fill(skillGroup);
  await page.getByRole("dialog").getByRole("button", { name: "Create" }).click();
  await expect(page.getByTestId("skill-group-name")).toHaveText(skillGroup);

  await page.goto(`/o/${slug}/channels/new`);
  await page.getByLabel("Channel name").fill(channelName);
  await page.getByLabel("Page ID").fill(fbPage.id);
  // First with a real token of another Page: refused, with the same words as any Page that cannot be connected.
  await page.getByLabel("Page access token").fill(otherPage.accessToken);
  await page.getByLabel("App ID").fill(app.id);
  await page.getByLabel("App secret").fill(app.secret);
  // The shared organisation has several skill groups, so none is preselected.
  await page.getByLabel("Skill group").selectOption({ label: skillGroup });
  await expect(page.getByLabel("Skill group")).toHaveValue(/[0-9a-f-]{36}/);
  await page.getByRole("button", { name: "Connect Page" }).click();
  await expect(page.getByText("This Page could not be connected.")).toBeVisible();
  await expect(page).toHaveURL(new RegExp(`/o/${slug}/channels/new$`));
  await page.getByLabel("Page access token").fill(fbPage.accessToken);
  await page.getByRole("button", { name: "Connect Page" }).click();
  await expect(page).toHaveURL(new RegExp(`/o/${slug}/channels/[0-9a-f-]{36}$`));
  const channelUrl = page.url();
  await expect(page.getByText(`••••${fbPage.accessToken.slice(-4)}`)).toBeVisible();
  await ownerContext.close();

  const agentContext = await browser.newContext({ storageState: storageStateOf("agent") });
  const agent = await agentContext.newPage();
  // The page's HTML and the data sent with it (React's payload included) carry no hint at all.
  for (const url of [channelUrl, `/o/${slug}/channels`]) {
    const response = await agent.goto(url);
    await expect(agent.getByText(channelName).first()).toBeVisible();
    const body = await response!.text();
    expect(body).not.toContain("••••");
    expect(await agent.content()).not.toContain("••••");
  }
  await agentContext.close();
});
