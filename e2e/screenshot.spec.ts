import { expect, test } from "@playwright/test";

/**
 * Refreshes docs/screenshot.png (the Members page, signed in as the demo owner). Off by default so the
 * test run never rewrites the file: UPDATE_SCREENSHOT=1 npx playwright test e2e/screenshot.spec.ts
 */
test.skip(!process.env.UPDATE_SCREENSHOT, "set UPDATE_SCREENSHOT=1 to refresh docs/screenshot.png");
test.use({ viewport: { width: 1280, height: 760 }, deviceScaleFactor: 2, locale: "en-US" });

test("screenshot of the Members page for the README", async ({ page }) => {
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill("demo@example.com");
  await page.getByLabel("Password").fill("messenger-desk-demo");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/o\/demo\//);
  await page.goto("/o/demo/settings/members");
  await expect(page.getByTestId("member-row").first()).toBeVisible();
  await page.mouse.move(0, 0);
  await page.screenshot({ path: "docs/screenshot.png" });
});
