import { expect, test, type Page } from "@playwright/test";
import { signUp } from "./helpers";
import { storageStateOf } from "./personas";

/** A suffix unique to the attempt (slugs are instance-wide, and a retry runs again). */
const tag = () => Math.random().toString(36).slice(2, 8);

async function openGeneral(page: Page, slug: string) {
  await page.goto(`/o/${slug}/settings/general`);
  await expect(page.getByTestId("org-profile")).toBeVisible();
}

test("an owner renames the organisation and changes its slug; old links redirect members, and stay unknown to others", async ({ page, browser }) => {
  const t = tag();
  const owner = await signUp(page, { org: `Settings Co ${t}` });
  await openGeneral(page, owner.slug);

  // A malformed slug is refused under the field, and nothing is saved.
  await page.getByLabel("URL slug").fill("Not A Slug");
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByText("Use lower-case letters, digits and hyphens")).toBeVisible();

  const newSlug = `renamed-${t}`;
  await page.getByLabel("Organisation name").fill(`Renamed Co ${t}`);
  await page.getByLabel("URL slug").fill(newSlug);
  await page.getByLabel("Colour").selectOption({ label: "Teal" });
  await page.getByLabel("Time zone").selectOption("Asia/Shanghai");
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page).toHaveURL(new RegExp(`/o/${newSlug}/settings/general$`));
  await expect(page.getByTestId("current-org")).toHaveText(`Renamed Co ${t}`);
  await expect(page.getByTestId("current-org-slug")).toHaveText(newSlug);

  // The old address answers with a redirect to the same page under the new slug, query and all.
  const old = await page.request.get(`/o/${owner.slug}/settings/members?from=bookmark`, { maxRedirects: 0 });
  expect([307, 308]).toContain(old.status());
  expect(old.headers()["location"]).toMatch(new RegExp(`/o/${newSlug}/settings/members\\?from=bookmark$`));
  await page.goto(`/o/${owner.slug}/campaigns`);
  await expect(page).toHaveURL(new RegExp(`/o/${newSlug}/campaigns$`));
  await expect(page.getByTestId("current-org")).toHaveText(`Renamed Co ${t}`);

  // Someone who is not a member learns nothing from the old slug: it is a 404 like any unknown one.
  const outsider = await browser.newContext({ storageState: storageStateOf("owner") });
  try {
    const answer = await outsider.request.get(`/o/${owner.slug}/channels`, { maxRedirects: 0 });
    expect(answer.status()).toBe(404);
  } finally {
    await outsider.close();
  }

  // The change is in the audit log.
  await page.goto(`/o/${newSlug}/settings/audit-log`);
  const row = page.getByTestId("audit-row").filter({ hasText: "Organisation settings changed" }).first();
  await expect(row).toBeVisible();
  // Its time reads on the organisation's clock (UTC+8 here), whatever the browser's zone.
  const time = row.locator("time");
  const iso = (await time.getAttribute("datetime"))!;
  const shanghai = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "short", timeZone: "Asia/Shanghai" }).format(new Date(iso));
  await expect(time).toHaveText(shanghai);
});

test("an owner deletes the organisation by typing its slug: its API key answers 401 at once, and a restore brings it back", async ({ page }) => {
  const t = tag();
  const owner = await signUp(page, { org: `Doomed Co ${t}` });

  // An API key that works before the deletion.
  await page.goto(`/o/${owner.slug}/settings/api-keys`);
  await page.getByRole("button", { name: "Create API key" }).first().click();
  const keyDialog = page.getByRole("dialog");
  await keyDialog.getByLabel("Name").fill("CRM");
  await keyDialog.getByRole("button", { name: "Create", exact: true }).click();
  const secretField = page.locator("#api-key-secret");
  await expect(secretField).toHaveValue(/\S{20,}/);
  const secret = await secretField.inputValue();
  await keyDialog.getByRole("button", { name: "Done" }).click();
  const callApi = () => page.request.get("/api/v1/skill-groups", { headers: { authorization: `Bearer ${secret}` } });
  expect((await callApi()).status()).toBe(200);

  await openGeneral(page, owner.slug);
  await page.getByRole("button", { name: "Delete organisation…" }).click();
  const dialog = page.getByRole("dialog");
  await dialog.getByLabel(`Type ${owner.slug} to confirm`).fill(`Doomed Co ${t}`);
  await dialog.getByRole("button", { name: "Delete organisation" }).click();
  await expect(dialog.getByText(`Type the organisation's slug, ${owner.slug}, to confirm.`)).toBeVisible();
  await dialog.getByLabel(`Type ${owner.slug} to confirm`).fill(owner.slug);
  await dialog.getByRole("button", { name: "Delete organisation" }).click();

  await expect(page.getByTestId("pending-deletion")).toHaveText("Scheduled for deletion");
  expect((await callApi()).status()).toBe(401);
  // Nothing but Settings is left to the owner until it is restored.
  await page.goto(`/o/${owner.slug}/channels`);
  await expect(page.getByTestId("pending-deletion")).toBeVisible();
  await expect(page.getByTestId("no-access")).toBeVisible();

  await openGeneral(page, owner.slug);
  await page.getByRole("button", { name: "Restore organisation" }).click();
  await expect(page.getByTestId("pending-deletion")).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Delete organisation…" })).toBeVisible();
  expect((await callApi()).status()).toBe(200);
});
