import { expect, test, type Locator, type Page } from "@playwright/test";
import { createInvitation, signUp } from "./helpers";
import { DEMO_OWNER, storageStateOf } from "./personas";

/**
 * The path a keyboard-only person takes through the app, with `page.keyboard` alone (Tab, Shift+Tab, Enter,
 * Space, arrows, typing; no clicks): sign in, switch organisation, create a campaign and copy its share link.
 * After every action, focus must be somewhere a keyboard user can continue from, never dropped on <body>.
 */

/** Focus is on an element, not dropped on <body> (a dropped focus sends the next Tab back to the top of the page). */
async function expectFocusKept(page: Page, what: string) {
  // Soft: the walk goes on (Chromium continues Tab from where focus was lost), and every place it is lost is reported.
  await expect
    .configure({ soft: true })
    .poll(() => page.evaluate(() => document.activeElement?.tagName.toLowerCase() ?? "none"), { message: `focus after ${what}`, timeout: 5_000 })
    .not.toMatch(/^(body|none)$/);
}

/** Presses Tab (or Shift+Tab) until `target` has focus, as a person walks the page; fails after `max` presses. */
async function tabTo(page: Page, target: Locator, { back = false, max = 40 } = {}) {
  for (let i = 0; i < max; i++) {
    if (await target.evaluate((el) => el === document.activeElement).catch(() => false)) return;
    await page.keyboard.press(back ? "Shift+Tab" : "Tab");
  }
  await expect(target).toBeFocused();
}

/** In an open menu, presses ArrowDown until `item` has focus. */
async function arrowTo(page: Page, item: Locator, max = 15) {
  for (let i = 0; i < max; i++) {
    if (await item.evaluate((el) => el === document.activeElement).catch(() => false)) return;
    await page.keyboard.press("ArrowDown");
  }
  await expect(item).toBeFocused();
}

const switcher = (page: Page) => page.getByRole("button", { name: /switch organisation/i });

/** Opens the organisation switcher from the keyboard and chooses `name`. */
async function switchOrganisation(page: Page, name: string) {
  await tabTo(page, switcher(page), { back: true });
  await page.keyboard.press("Enter");
  const menu = page.getByRole("menu");
  await expect(menu).toBeVisible();
  await expectFocusKept(page, "opening the organisation switcher");
  await arrowTo(page, menu.getByRole("menuitem", { name: new RegExp(`^${name}`) }));
  await page.keyboard.press("Enter");
  await expect(page.getByTestId("current-org")).toHaveText(name);
  await expectFocusKept(page, `switching to ${name}`);
}

test("keyboard only: sign in, switch organisation, create a campaign and copy its share link", async ({ browser }) => {
  // One long walk (a sign-up and an invitation first): three times the usual time.
  test.slow();
  // Setup, not under test: someone with an organisation of their own who is also a Marketer of Demo Co
  // (whose demo Page is connected, so campaigns can be created there).
  const setup = await browser.newContext();
  const setupPage = await setup.newPage();
  const home = `Keyboard Home ${Math.random().toString(36).slice(2, 7)}`;
  const user = await signUp(setupPage, { name: "Kim Keyboard", org: home });
  const demo = await browser.newContext({ storageState: storageStateOf("demo") });
  const { link } = await createInvitation(await demo.newPage(), DEMO_OWNER.slug, user.email, "Marketer");
  await demo.close();
  await setupPage.goto(link);
  await setupPage.getByRole("button", { name: "Join organisation" }).click();
  await expect(setupPage).toHaveURL(/\/o\/demo\/campaigns$/);
  const demoName = (await setupPage.getByTestId("current-org").textContent())!.trim();
  await setup.close();

  const context = await browser.newContext({ permissions: ["clipboard-read", "clipboard-write"] });
  const page = await context.newPage();
  const kb = page.keyboard;

  // The sign-in page opens with focus on the email field.
  await page.goto("/sign-in");
  const email = page.getByLabel("Email");
  await expect(email).toBeFocused();

  // The language switch keeps focus on itself when the page comes back in the other language.
  await tabTo(page, page.getByRole("button", { name: "中文" }), { back: true });
  await kb.press("Space");
  await expect(page.locator("html")).toHaveAttribute("lang", "zh-CN");
  await expect(page.getByRole("heading", { level: 1 })).toContainText("登录");
  await expectFocusKept(page, "switching to 中文");
  await tabTo(page, page.getByRole("button", { name: "English" }));
  await kb.press("Space");
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Sign in");
  await expectFocusKept(page, "switching back to English");

  // Submitting the empty form says what is missing and leaves focus on the missing field.
  await tabTo(page, page.getByRole("button", { name: "Sign in" }));
  await kb.press("Enter");
  await expect.soft(email).toHaveAttribute("aria-invalid", "true");
  await expect.soft(email).toBeFocused();
  await expect.soft(email).toHaveAccessibleDescription("Email is required.");
  await expectFocusKept(page, "submitting the empty sign-in form");

  await tabTo(page, email);
  await kb.type(user.email);
  await tabTo(page, page.getByLabel("Password"));
  await kb.type(user.password);
  await tabTo(page, page.getByRole("button", { name: "Sign in" }));
  await kb.press("Enter");
  await expect(page).toHaveURL(/\/o\/[^/]+\//);
  await expectFocusKept(page, "signing in");

  // The header's buttons are named by what they show (WCAG 2.5.3).
  const current = (await page.getByTestId("current-org").textContent())!.trim();
  await expect.soft(switcher(page)).toHaveAccessibleName(new RegExp(`^${current}`));
  await expect.soft(page.getByRole("button", { name: /account menu/i })).toHaveAccessibleName(/^Kim Keyboard/);

  // Switch organisation: to the home organisation (if not already there), then to Demo Co.
  if (current !== home) await switchOrganisation(page, home);
  await switchOrganisation(page, demoName);

  // Create a campaign.
  await tabTo(page, page.getByRole("link", { name: "Campaigns" }).first(), { back: true });
  await kb.press("Enter");
  await expect(page).toHaveURL(/\/o\/demo\/campaigns$/);
  await expectFocusKept(page, "opening Campaigns");
  await tabTo(page, page.getByRole("link", { name: "New campaign" }).first());
  await kb.press("Enter");
  await expect(page).toHaveURL(/\/o\/demo\/campaigns\/new$/);
  const name = page.getByLabel("Campaign name");
  await expect.soft(name).toBeFocused();
  // Loaded afresh, the form still puts focus on its first field once it is ready.
  await page.goto(page.url());
  await expect.soft(name).toBeFocused();

  // An empty submit: focus goes to the first field in error.
  await tabTo(page, page.getByRole("button", { name: "Create campaign" }));
  await kb.press("Enter");
  await expect.soft(name).toBeFocused();
  await expect.soft(name).toHaveAttribute("aria-invalid", "true");

  await tabTo(page, name, { back: true });
  const campaignName = `Keyboard sale ${Date.now().toString(36)}`;
  await kb.type(campaignName);
  await tabTo(page, page.getByLabel("Subscription request title"));
  await kb.type("Restock alert");
  await tabTo(page, page.getByLabel("Message text"));
  await kb.type("It is back in stock.");
  await tabTo(page, page.getByRole("button", { name: "Create campaign" }));
  await kb.press("Enter");
  await expect(page).toHaveURL(/\/o\/demo\/campaigns\/[0-9a-f-]{36}$/);
  await expect(page.getByRole("heading", { level: 1 })).toContainText(campaignName);
  await expectFocusKept(page, "creating the campaign");
  await expect.soft(page).toHaveTitle(`${campaignName} · Campaigns · Messenger Desk`);

  // Copy its share link.
  const shareLink = await page.getByLabel("Share link (m.me)").inputValue();
  // The share panel's copy button says what it copies (the header's "Copy link" copies the same link).
  await expect.soft(page.getByRole("button", { name: "Copy share link", exact: true })).toHaveCount(1);
  await tabTo(page, page.getByRole("button", { name: "Copy link", exact: true }));
  await kb.press("Enter");
  await expect(page.getByRole("button", { name: "Copied" })).toBeFocused();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(shareLink);
  await expectFocusKept(page, "copying the share link");

  // Every page in the shell starts with a skip link, visible when focused, that moves focus to the content.
  await page.goto(page.url());
  await kb.press("Tab");
  const skip = page.getByRole("link", { name: "Skip to content" });
  await expect(skip).toBeFocused();
  await expect(skip).toBeVisible();
  await kb.press("Enter");
  await expect(page.locator("main")).toBeFocused();
  await context.close();
});
