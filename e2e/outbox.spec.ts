import { expect, test } from "@playwright/test";
import { ownerOrg, storageStateOf } from "./personas";

test("instance owners read the mail outbox in the dashboard; anyone else gets Page not found, as does the JSON endpoint", async ({ browser }) => {
  // The owner persona signed up (their verification mail is in the outbox) and is not an instance owner.
  const owner = ownerOrg();
  const ownerContext = await browser.newContext({ storageState: storageStateOf("owner") });
  const page = await ownerContext.newPage();
  await page.goto("/admin/outbox");
  await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
  expect((await page.request.get(`/api/admin/outbox?to=${encodeURIComponent(owner.email)}`)).status()).toBe(404);
  // Signed out: the same 404, never a list.
  const anonymous = await browser.newContext();
  expect((await anonymous.request.get("/api/admin/outbox")).status()).toBe(404);
  await anonymous.close();
  await ownerContext.close();

  // The demo owner is the instance owner of the demo (npm run admin:grant-owner in a real installation).
  const demo = await browser.newContext({ storageState: storageStateOf("demo") });
  const demoPage = await demo.newPage();
  await demoPage.goto("/o/demo/channels");
  await demoPage.getByRole("button", { name: "Account menu" }).click();
  await demoPage.getByRole("menuitem", { name: "Outbox" }).click();
  await expect(demoPage.getByRole("heading", { level: 1, name: "Outbox" })).toBeVisible();
  const mail = demoPage.getByTestId("outbox-email").filter({ hasText: owner.email });
  await expect(mail).toContainText("Verify your email address for Messenger Desk");
  await expect(mail).toContainText("/verify-email/");
  await demo.close();
});
