import { expect, test } from "@playwright/test";
import { signUp } from "./helpers";
import { storageStateOf } from "./personas";

test("a user with two organisations switches between them in the header", async ({ page }) => {
  const first = await signUp(page, { org: "Guangzhou Textiles" });

  // Create a second organisation from the switcher.
  await page.getByRole("button", { name: "Switch organisation" }).click();
  await page.getByRole("menuitem", { name: "Create organisation" }).click();
  await expect(page.getByRole("heading", { name: "Create an organisation" })).toBeVisible();
  await page.getByLabel("Organisation name").fill("Yiwu Gifts");
  await page.getByRole("button", { name: "Create organisation" }).click();
  await expect(page.getByTestId("current-org")).toHaveText("Yiwu Gifts");
  await expect(page).toHaveURL(/\/o\/[^/]+\/channels$/);
  const secondUrl = page.url();

  // Switch back to the first.
  await page.getByRole("button", { name: "Switch organisation" }).click();
  await page.getByRole("menuitem", { name: "Guangzhou Textiles" }).click();
  await expect(page.getByTestId("current-org")).toHaveText("Guangzhou Textiles");
  await expect(page).toHaveURL(new RegExp(`/o/${first.slug}/channels$`));

  // And to the second again.
  await page.getByRole("button", { name: "Switch organisation" }).click();
  await page.getByRole("menuitem", { name: "Yiwu Gifts" }).click();
  await expect(page.getByTestId("current-org")).toHaveText("Yiwu Gifts");
  await expect(page).toHaveURL(secondUrl);
});

test.describe("as the owner persona", () => {
  test.use({ storageState: storageStateOf("owner") });

  test("an organisation the user does not belong to is not found", async ({ page }) => {
    await page.goto("/o/demo/settings/members");
    await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
    await page.goto("/o/no-such-org-e2e/channels");
    await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
  });
});

test("the account menu works from the keyboard: arrow keys move, Escape closes and focus goes back", async ({ page }) => {
  await signUp(page);
  const trigger = page.getByRole("button", { name: "Account menu" });
  await trigger.focus();
  await page.keyboard.press("Enter");
  const menu = page.getByRole("menu");
  await expect(menu).toBeVisible();
  await page.keyboard.press("End");
  await expect(menu.getByRole("menuitem", { name: "Sign out" })).toBeFocused();
  await page.keyboard.press("ArrowUp");
  await expect(menu.getByRole("menuitem", { name: "Your profile" })).toBeFocused();
  await page.keyboard.press("ArrowUp");
  await expect(menu.getByRole("menuitemradio", { name: "English" })).toBeFocused();
  await expect(menu.getByRole("menuitemradio", { name: "English" })).toHaveAttribute("aria-checked", "true");
  await page.keyboard.press("Escape");
  await expect(menu).toHaveCount(0);
  await expect(trigger).toBeFocused();
});
