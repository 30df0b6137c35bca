import { randomInt } from "node:crypto";
import { expect, test, type APIRequestContext } from "@playwright/test";
import { signUp } from "./helpers";

/**
 * The FAQ bot's admin side that is not the bot itself: an external bot connector (created, its secret shown
 * once, a test call that fails as it should), the analytics page, and the Page's Messenger profile saved from
 * the channel page, applied to the sandbox and seen by a simulated person as a "Talk to a human" menu.
 */
const SANDBOX = process.env.SANDBOX_URL ?? "http://127.0.0.1:4010";
const digits = (n: number) => Array.from({ length: n }, () => randomInt(10)).join("");

async function control<T = Record<string, unknown>>(request: APIRequestContext, method: string, path: string, body?: unknown): Promise<T> {
  const res = await request.fetch(`${SANDBOX}/_sandbox/api${path}`, { method, data: body === undefined ? undefined : body });
  expect(res.ok(), `${method} ${path}: ${res.status()} ${await res.text()}`).toBeTruthy();
  return (await res.json()) as T;
}

test("connectors, analytics and the Messenger profile's Talk to a human menu", async ({ page, request }) => {
  test.setTimeout(120_000);
  const { slug } = await signUp(page, { name: "Wang Fang" });

  // A connector: the secret is shown once; a test call to an endpoint that does not exist says so.
  await page.goto(`/o/${slug}/bot/connectors`);
  await expect(page.getByRole("heading", { name: "No connectors yet" })).toBeVisible();
  await page.getByRole("button", { name: "New connector" }).click();
  let dialog = page.getByRole("dialog");
  await dialog.getByLabel("Name").fill("Chatopera");
  await dialog.getByLabel("Endpoint URL").fill("http://bot.example.com/hook");
  await dialog.getByRole("button", { name: "Create" }).click();
  await expect(dialog.getByText("The endpoint must use HTTPS")).toBeVisible();
  await dialog.getByLabel("Endpoint URL").fill("https://bot.invalid/hook");
  await dialog.getByRole("button", { name: "Create" }).click();
  dialog = page.getByRole("dialog", { name: "The connector's secret" });
  await expect(dialog.getByRole("textbox")).toHaveValue(/^mdbot_[\w-]{43}$/);
  await dialog.getByRole("button", { name: "I have copied it" }).click();
  const row = page.getByTestId("connector-row");
  await expect(row).toContainText("Chatopera");
  await row.getByRole("button", { name: "Test call" }).click();
  await expect(row.getByTestId("connector-test-result")).toHaveText("The call failed: the endpoint could not be reached.");

  // Analytics: nothing yet, in either language.
  await page.goto(`/o/${slug}/bot/analytics`);
  await expect(page.getByTestId("bot-total-answered")).toContainText("0");
  await expect(page.getByText("The bot answered everything it was asked in this period.")).toBeVisible();

  // A channel for a sandbox Page, then its Messenger profile from the channel page.
  const app = await control<{ id: string; secret: string }>(request, "POST", "/apps", { name: "E2E bot app", secret: `e2e-secret-${digits(8)}` });
  const fbPage = await control<{ id: string; accessToken: string }>(request, "POST", "/pages", { appId: app.id, name: `E2E Bot Shop ${digits(4)}` });
  await page.goto(`/o/${slug}/settings/skill-groups`);
  await page.getByRole("button", { name: "New skill group" }).first().click();
  await page.getByRole("dialog").getByLabel("Name").fill("Support");
  await page.getByRole("dialog").getByRole("button", { name: "Create" }).click();
  await expect(page.getByTestId("skill-group-name")).toHaveText("Support");
  await page.goto(`/o/${slug}/channels/new`);
  await page.getByLabel("Channel name").fill("Bot store");
  await page.getByLabel("Page ID").fill(fbPage.id);
  await page.getByLabel("Page access token").fill(fbPage.accessToken);
  await page.getByLabel("App ID").fill(app.id);
  await page.getByLabel("App secret").fill(app.secret);
  await page.getByRole("button", { name: "Connect Page" }).click();
  await expect(page).toHaveURL(new RegExp(`/o/${slug}/channels/[0-9a-f-]{36}$`));
  await page.getByTestId("messenger-profile-link").click();
  await expect(page.getByTestId("messenger-profile-status")).toContainText("Not saved yet");
  await expect(page.getByTestId("menu-locale")).toHaveCount(2);
  await page.getByTestId("messenger-profile-save").click();
  await expect(page.getByTestId("messenger-profile-status")).toContainText("Applied to the Page");

  // Meta (the sandbox) has it, and a person writing in Chinese sees 转人工 in the menu.
  const profile = await control<{ persistent_menu: { locale: string; call_to_actions: { title: string; payload: string }[] }[] }>(request, "GET", `/pages/${fbPage.id}/messenger-profile`);
  expect(profile.persistent_menu.map((m) => [m.locale, m.call_to_actions[0]])).toEqual([
    ["default", { type: "postback", title: "Talk to a human", payload: "MD_BOT_HUMAN" }],
    ["zh_CN", { type: "postback", title: "转人工", payload: "MD_BOT_HUMAN" }],
  ]);
  const person = await control<{ psid: string }>(request, "POST", `/pages/${fbPage.id}/users`, { firstName: "Li", locale: "zh_CN", inWindow: true });
  const menu = await control<{ items: { title: string }[]; getStarted: boolean }>(request, "GET", `/users/${person.psid}/menu`);
  expect(menu).toMatchObject({ items: [{ title: "转人工" }], getStarted: true });
});
