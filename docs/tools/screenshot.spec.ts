import { expect, test, type Page } from "@playwright/test";
import { acceptInvitation, createInvitation } from "../../e2e/helpers";

/**
 * Refreshes docs/screenshot.png: the Members page of the demo organisation, signed in as the demo owner.
 * Not part of the test suite (it lives outside e2e/): it adds two teammates and one open invitation to the
 * demo organisation, so `npm run screenshot` runs it against a throwaway database.
 */
test.use({ viewport: { width: 1280, height: 720 }, deviceScaleFactor: 2, locale: "en-US" });

const TEAM = [
  { email: "chen.jing@demo.example.com", name: "Chen Jing", role: "Agent" as const },
  { email: "maria.lopez@demo.example.com", name: "María López", role: "Marketer" as const },
];
const PENDING = { email: "li.na@demo.example.com", role: "Agent" as const };

async function memberEmails(page: Page) {
  await page.goto("/o/demo/settings/members");
  await expect(page.getByTestId("member-row").first()).toBeVisible();
  return page.getByTestId("member-row").allInnerTexts();
}

test("screenshot of the Members page for the README", async ({ page, browser }) => {
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill("demo@example.com");
  await page.getByLabel("Password").fill("messenger-desk-demo");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/o\/demo\//);

  const rows = (await memberEmails(page)).join("\n");
  for (const person of TEAM.filter((p) => !rows.includes(p.email))) {
    const { link } = await createInvitation(page, "demo", person.email, person.role);
    const { context } = await acceptInvitation(browser, link, { name: person.name });
    await context.close();
  }
  await page.goto("/o/demo/settings/members");
  if ((await page.getByTestId("invitation-row").filter({ hasText: PENDING.email }).count()) === 0) {
    const { dialog } = await createInvitation(page, "demo", PENDING.email, PENDING.role);
    await dialog.getByRole("button", { name: "Done" }).click();
  }
  await page.reload();
  await expect(page.getByTestId("member-row")).toHaveCount(3);
  await page.mouse.move(0, 0);
  await page.screenshot({ path: "docs/screenshot.png" });
});
