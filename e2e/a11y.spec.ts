import { expect, test, type APIRequestContext, type Browser, type BrowserContext, type Locator, type Page } from "@playwright/test";
import { translator } from "../lib/i18n/translate";
import { expectAccessible } from "./axe";
import { signUp } from "./helpers";
import { DEMO_OWNER, storageStateOf } from "./personas";

/**
 * Every dialog and menu of the app, opened and scanned with axe for WCAG 2.1 AA (e2e/axe.ts) in English and in
 * Chinese: the pages themselves are scanned by e2e/layout.spec.ts. Dialogs that change something (a new key, an
 * invitation, a deletion) are opened in an organisation of this spec's own; the demo organisation's are only
 * opened and dismissed.
 */
const APP_URL = process.env.APP_URL ?? "http://127.0.0.1:3100";
const DEMO_API_KEY = "mdk_demo_key_do_not_use_in_production";
const DEMO = `/o/${DEMO_OWNER.slug}`;
const LOCALES = ["en", "zh-CN"] as const;

let own: { slug: string; state: Awaited<ReturnType<BrowserContext["storageState"]>> };
let ids: { channel: string; campaign: string; campaignName: string };

async function v1<T>(request: APIRequestContext, method: string, path: string, body?: unknown): Promise<T> {
  const res = await request.fetch(`/api/v1${path}`, { method, data: body, headers: { authorization: `Bearer ${DEMO_API_KEY}` } });
  expect(res.ok(), `${method} ${path}: ${res.status()} ${await res.text()}`).toBeTruthy();
  return (await res.json()) as T;
}

test.beforeAll(async ({ browser, request }) => {
  test.setTimeout(300_000);
  const context = await browser.newContext();
  const page = await context.newPage();
  const owner = await signUp(page, { org: "Accessible 无障碍" });
  own = { slug: owner.slug, state: await context.storageState() };
  await context.close();
  const channels = await v1<{ data: { id: string }[] }>(request, "GET", "/channels");
  const campaignName = `A11y ${Date.now().toString(36)}`;
  const campaign = await v1<{ id: string }>(request, "POST", "/campaigns", {
    name: campaignName,
    channelId: channels.data[0]!.id,
    invitation: { type: "text", text: "Want to know when it's back? 想在到货时收到通知吗？" },
    requestTitle: "Restock alert",
    content: { type: "text", text: "It's back! 到货啦！" },
  });
  ids = { channel: channels.data[0]!.id, campaign: campaign.id, campaignName };
});

async function open(browser: Browser, locale: string, as: "demo" | "own", path: string): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1366, height: 800 }, locale, storageState: as === "demo" ? storageStateOf("demo") : own.state });
  await context.addCookies([{ name: "md-locale", value: locale, url: APP_URL }]);
  const page = await context.newPage();
  await page.goto(path);
  await expect(page.locator("html")).toHaveAttribute("lang", locale);
  return page;
}

/** Clicks `trigger`, scans with the dialog open, and (unless told to leave it) dismisses it with Escape. */
async function scanDialog(page: Page, trigger: Locator, label: string, leaveOpen = false): Promise<Locator> {
  await trigger.click();
  const dialog = page.locator("dialog[open]");
  await expect(dialog).toBeVisible();
  await expectAccessible(page, label);
  if (!leaveOpen) {
    await page.keyboard.press("Escape");
    await expect(dialog).toHaveCount(0);
  }
  return dialog;
}

async function scanMenu(page: Page, trigger: Locator, label: string) {
  await trigger.click();
  await expect(page.getByRole("menu")).toBeVisible();
  await expectAccessible(page, label);
  await page.keyboard.press("Escape");
  await expect(page.getByRole("menu")).toHaveCount(0);
}

/** A button whose accessible name starts with the message's text before its first {placeholder}. */
function buttonStartingWith(scope: Page | Locator, template: string): Locator {
  return scope.locator(`button[aria-label^="${template.split("{")[0]}"]`).first();
}

for (const locale of LOCALES) {
  test(`every dialog and menu passes axe: ${locale}`, async ({ browser }) => {
    // Two dozen dialogs and menus, each scanned; generous for a loaded machine.
    test.setTimeout(900_000);
    const t = translator(locale);
    const raw = (key: Parameters<typeof t>[0]) => t(key);
    const button = (page: Page, name: string) => page.getByRole("button", { name, exact: true }).first();
    const tag = `${locale}`;

    // The shell's menus, and a campaign row's.
    let page = await open(browser, locale, "demo", `${DEMO}/campaigns`);
    await scanMenu(page, page.getByRole("button", { name: t("shell.switchOrg") }).first(), `org switcher (${tag})`);
    await scanMenu(page, page.getByRole("button", { name: t("shell.accountMenu") }).first(), `user menu (${tag})`);
    await scanMenu(page, page.getByRole("button", { name: t("campaigns.action.more", { name: ids.campaignName }) }), `campaign row menu (${tag})`);
    await page.context().close();

    // A campaign's dialogs.
    page = await open(browser, locale, "demo", `${DEMO}/campaigns/${ids.campaign}`);
    const actions = page.getByTestId("campaign-actions");
    await scanDialog(page, actions.getByRole("button", { name: t("campaigns.action.qr"), exact: true }), `campaign QR dialog (${tag})`);
    await scanDialog(page, actions.getByRole("button", { name: t("campaigns.action.sendNow"), exact: true }), `campaign send-now dialog (${tag})`);
    await scanDialog(page, actions.getByRole("button", { name: t("campaigns.action.delete"), exact: true }), `campaign delete dialog (${tag})`);
    await page.context().close();

    // A channel's.
    page = await open(browser, locale, "demo", `${DEMO}/channels/${ids.channel}`);
    await scanDialog(page, button(page, t("channels.actions.disable")), `channel disable dialog (${tag})`);
    await scanDialog(page, button(page, t("channels.actions.delete")), `channel delete dialog (${tag})`);
    const regenerate = button(page, t("channels.webhook.regenerate"));
    if (await regenerate.isVisible()) await scanDialog(page, regenerate, `webhook regenerate dialog (${tag})`);
    await page.context().close();

    // Removing a member (the demo organisation's marketer); dismissed.
    page = await open(browser, locale, "demo", `${DEMO}/settings/members`);
    await scanDialog(page, buttonStartingWith(page, raw("members.remove.label")), `remove member dialog (${tag})`);
    await page.context().close();

    // The rest in this spec's own organisation: an API key, an invitation, a skill group, the deletion.
    page = await open(browser, locale, "own", `/o/${own.slug}/settings/api-keys`);
    let dialog = await scanDialog(page, button(page, t("apiKeys.create")), `create API key dialog (${tag})`, true);
    await dialog.getByLabel(t("common.name")).fill(`a11y ${locale}`);
    await dialog.getByRole("button", { name: t("common.create"), exact: true }).click();
    await expect(dialog.getByRole("heading", { name: t("apiKeys.secret.title") })).toBeVisible();
    await expectAccessible(page, `API key secret dialog (${tag})`);
    await dialog.getByRole("button", { name: t("common.done"), exact: true }).click();
    await scanDialog(page, buttonStartingWith(page, raw("apiKeys.revoke.label")), `revoke API key dialog (${tag})`);
    await page.context().close();

    page = await open(browser, locale, "own", `/o/${own.slug}/settings/members`);
    dialog = await scanDialog(page, button(page, t("members.invite")), `invite member dialog (${tag})`, true);
    await dialog.getByLabel(t("common.email"), { exact: true }).fill(`a11y-${locale.toLowerCase()}-${Date.now().toString(36)}@example.com`);
    await dialog.locator("button[type=submit]").click();
    await expect(dialog.getByRole("heading", { name: t("members.invite.linkTitle") })).toBeVisible();
    await expectAccessible(page, `invitation link dialog (${tag})`);
    await dialog.getByRole("button", { name: t("common.done"), exact: true }).click();
    await scanDialog(page, buttonStartingWith(page, raw("members.invitations.revokeLabel")), `revoke invitation dialog (${tag})`);
    await page.context().close();

    page = await open(browser, locale, "own", `/o/${own.slug}/settings/skill-groups`);
    dialog = await scanDialog(page, button(page, t("skillGroups.create")), `new skill group dialog (${tag})`, true);
    await dialog.getByLabel(t("common.name")).fill(`a11y ${locale}`);
    await dialog.getByRole("button", { name: t("common.create"), exact: true }).click();
    await expect(page.getByTestId("skill-group-name")).toBeVisible();
    await page.goto(`/o/${own.slug}/settings/skill-groups`);
    await scanDialog(page, page.locator(`button[aria-label^="${t("common.delete")} "]`).first(), `delete skill group dialog (${tag})`);
    await page.context().close();

    page = await open(browser, locale, "own", `/o/${own.slug}/settings/general`);
    await scanDialog(page, button(page, t("orgSettings.delete.open")), `delete organisation dialog (${tag})`);
    await page.context().close();
  });
}

test("a menu is driven by the keyboard, shows where it is, and closes when Tab leaves it", async ({ browser }) => {
  const page = await open(browser, "en", "demo", `${DEMO}/campaigns`);
  const trigger = page.getByRole("button", { name: "Account menu" });
  await trigger.focus();
  await page.keyboard.press("Enter");
  const menu = page.getByRole("menu");
  await expect(menu).toBeVisible();
  await page.keyboard.press("ArrowDown");
  const highlighted = menu.locator("[data-highlighted]");
  await expect(highlighted).toHaveCount(1);
  // The focus indicator: an outline in the accent, not only a faint fill.
  const outline = await highlighted.evaluate((el) => ({ style: getComputedStyle(el).outlineStyle, width: getComputedStyle(el).outlineWidth }));
  expect(outline).toEqual({ style: "solid", width: "2px" });

  await page.keyboard.press("Tab");
  await expect(menu).toHaveCount(0);
  // Focus moved on from the trigger, as it would from any other button; it is not stuck in a closed menu.
  await expect(trigger).not.toBeFocused();
  // The menu closes first and focus lands a frame later: wait for it to land somewhere, not on the page body.
  await expect.poll(() => page.evaluate(() => document.activeElement !== document.body && document.activeElement !== null)).toBe(true);

  // Shift+Tab from the open menu goes back to the control before the trigger.
  await trigger.focus();
  await page.keyboard.press("Enter");
  await expect(menu).toBeVisible();
  await page.keyboard.press("Shift+Tab");
  await expect(menu).toHaveCount(0);
  await expect(trigger).not.toBeFocused();
  // The menu closes first and focus lands a frame later: wait for it to land somewhere, not on the page body.
  await expect.poll(() => page.evaluate(() => document.activeElement !== document.body && document.activeElement !== null)).toBe(true);
  await page.context().close();
});
