import { randomInt } from "node:crypto";
import { expect, test, type Page } from "@playwright/test";
import { hydrated, signUp, control } from "./helpers";

/**
 * "Connect with Facebook" end to end with the sandbox playing Meta's login dialog (Facebook Login for Business
 * with the platform app): an admin signs in as a Facebook user who owns three Pages, picks two with a skill group
 * each, and comes back to two healthy channels that receive messages through the app-level callback. Declining
 * pages_messaging creates nothing and says why.
 */
const SANDBOX = process.env.SANDBOX_URL ?? "http://127.0.0.1:4010";

async function createSkillGroup(page: Page, slug: string, name: string) {
  await page.goto(`/o/${slug}/settings/skill-groups`);
  await page.getByRole("button", { name: "New skill group" }).first().click();
  await page.getByRole("dialog").getByLabel("Name").fill(name);
  await page.getByRole("dialog").getByRole("button", { name: "Create" }).click();
  await expect(page.getByTestId("skill-group-name")).toHaveText(name);
}

/** From the Channels page into the sandbox's login dialog, as `user`. */
async function openDialogAs(page: Page, slug: string, user: string) {
  await page.goto(`/o/${slug}/channels`);
  await hydrated(page);
  await page.getByRole("button", { name: "Connect with Facebook" }).click();
  await page.waitForURL(new RegExp(`^${SANDBOX}/v[\\d.]+/dialog/oauth`));
  await page.getByRole("radio", { name: user }).check();
}

test("connect two of three Pages with Facebook; a declined permission creates nothing and says why", async ({ page, request }) => {
  test.setTimeout(150_000);
  const tag = String(randomInt(10_000, 99_999));
  const fbUser = await control<{ id: string; name: string; pages: { id: string; name: string }[] }>(request, "POST", "/facebook-users", {
    name: `Farah Page-owner ${tag}`,
    pages: [{ name: `Tea House ${tag}` }, { name: `Book Shop ${tag}` }, { name: `Bike Repair ${tag}` }],
  });
  const [tea, books, bikes] = fbUser.pages;

  const { slug } = await signUp(page, { name: "Farah Admin" });
  await createSkillGroup(page, slug, "Drinks");
  await createSkillGroup(page, slug, "Reading");

  // Meta's dialog: the permissions asked, the user's three Pages, all ticked; Continue.
  await openDialogAs(page, slug, fbUser.name);
  for (const permission of ["pages_show_list", "pages_messaging", "pages_manage_metadata"]) await expect(page.getByLabel(permission)).toBeChecked();
  for (const p of fbUser.pages) await expect(page.getByLabel(p.name)).toBeChecked();
  await page.getByRole("button", { name: "Continue" }).click();

  // Back in Messenger Desk: the picker with each Page, its picture, and a skill group for each chosen one.
  await expect(page).toHaveURL(new RegExp(`/o/${slug}/channels/connect/[0-9a-f-]{36}$`));
  await hydrated(page);
  await expect(page.getByText(`Signed in to Facebook as ${fbUser.name}`)).toBeVisible();
  await expect(page.getByTestId("offered-page")).toHaveCount(3);
  const picture = page.getByRole("img", { name: `Profile picture of ${tea.name}` });
  await expect(picture).toBeVisible();
  await expect.poll(() => picture.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBeGreaterThan(0);
  await page.getByLabel(`Connect ${tea.name}`).check();
  await page.getByLabel(`Skill group for ${tea.name}`).selectOption({ label: "Drinks" });
  await page.getByLabel(`Connect ${books.name}`).check();
  await page.getByLabel(`Skill group for ${books.name}`).selectOption({ label: "Reading" });
  await page.getByRole("button", { name: "Connect selected Pages" }).click();

  const results = page.getByTestId("connect-result");
  await expect(results).toHaveCount(2, { timeout: 20_000 });
  await expect(results.filter({ hasText: tea.name })).toHaveAttribute("data-status", "connected");
  await expect(results.filter({ hasText: books.name })).toHaveAttribute("data-status", "connected");

  // Two healthy channels, each subscribed with every field (the check reads the platform app's subscription).
  await page.goto(`/o/${slug}/channels`);
  const rows = page.getByTestId("channel-row");
  await expect(rows).toHaveCount(2);
  await expect(rows.filter({ hasText: bikes.name })).toHaveCount(0);
  for (const fbPage of [tea, books]) {
    await page.goto(`/o/${slug}/channels`);
    await page.getByTestId("channel-row").filter({ hasText: fbPage.name }).getByRole("link").first().click();
    await expect(page).toHaveURL(new RegExp(`/o/${slug}/channels/[0-9a-f-]{36}$`));
    await expect(page.getByTestId("channel-detail").getByTestId("channel-status").first()).toHaveText("Active");
    await expect(page.getByTestId("subscribed-fields").locator("li")).toHaveCount(10);
    await expect(page.getByTestId("setup-login-channel")).toBeVisible();
  }

  // Declining pages_messaging in the dialog: the failure names it, says how to grant it, and nothing is created.
  await openDialogAs(page, slug, fbUser.name);
  await page.getByLabel("pages_messaging").uncheck();
  await page.getByRole("button", { name: "Continue" }).click();
  await expect(page).toHaveURL(new RegExp(`/o/${slug}/channels/connect/[0-9a-f-]{36}$`));
  const failure = page.getByTestId("facebook-login-failure");
  await expect(failure).toContainText("You did not grant the permission pages_messaging");
  await expect(failure).toContainText("Business integrations");
  await expect(failure.getByRole("button", { name: "Try again" })).toBeVisible();
  await expect(page.getByTestId("offered-page")).toHaveCount(0);
  await page.goto(`/o/${slug}/channels`);
  await expect(page.getByTestId("channel-row")).toHaveCount(2);

  // A person writes to each Page; the platform app's app-level callback brings both into the conversation list.
  const people: Record<string, string> = {};
  for (const fbPage of [tea, books]) {
    const person = await control<{ psid: string }>(request, "POST", `/pages/${fbPage.id}/users`, { firstName: "Mo", lastName: fbPage.name.split(" ")[0] });
    people[fbPage.id] = person.psid;
    await control(request, "POST", `/users/${person.psid}/messages`, { text: `Hello ${fbPage.name}` });
    await page.goto(`/o/${slug}/conversations`);
    await expect(page.locator(`[data-testid="conversation-row"][data-psid="${person.psid}"]`)).toBeVisible({ timeout: 20_000 });
  }

  // Facebook kills the Tea House token (the owner changed their password): the check flags it with the reason in
  // words and the admin is notified; Reconnect runs the login again for that Page and puts a new token on the
  // same channel, with its conversation still there.
  await control(request, "POST", `/pages/${tea.id}/token-death`, { subcode: 460 });
  await page.goto(`/o/${slug}/channels`);
  await page.getByTestId("channel-row").filter({ hasText: tea.name }).getByRole("link").first().click();
  await expect(page).toHaveURL(new RegExp(`/o/${slug}/channels/[0-9a-f-]{36}$`));
  const channelUrl = page.url();
  await hydrated(page);
  await page.getByRole("button", { name: "Check connection" }).click();
  await expect(page.getByTestId("reconnect-banner")).toBeVisible();
  await expect(page.getByTestId("reconnect-reason")).toContainText("changed its password");
  await page.reload();
  await hydrated(page);
  await page.getByTestId("notification-bell").click();
  await expect(page.getByTestId("notification-list")).toContainText(`The channel ${tea.name} needs reconnecting`);
  await page.keyboard.press("Escape");
  await page.getByTestId("reconnect-panel").getByRole("button", { name: "Reconnect with Facebook" }).click();
  await page.waitForURL(new RegExp(`^${SANDBOX}/v[\\d.]+/dialog/oauth`));
  await page.getByRole("radio", { name: fbUser.name }).check();
  await page.getByRole("button", { name: "Continue" }).click();
  await expect(page).toHaveURL(`${channelUrl}?reconnected=1`);
  await expect(page.getByTestId("reconnected-notice")).toBeVisible();
  await expect(page.getByTestId("reconnect-banner")).toHaveCount(0);
  await expect(page.getByTestId("channel-detail").getByTestId("channel-status").first()).toHaveText("Active");

  // History intact, and the Page's messages arrive again through the new token's subscription.
  await control(request, "POST", `/users/${people[tea.id]}/messages`, { text: `Back again ${tea.name}` });
  await page.goto(`/o/${slug}/conversations`);
  const teaRow = page.locator(`[data-testid="conversation-row"][data-psid="${people[tea.id]}"]`);
  await expect(teaRow).toHaveCount(1);
  await expect(teaRow).toContainText(`Back again ${tea.name}`, { timeout: 20_000 });
});
