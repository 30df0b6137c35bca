import { expect, test } from "@playwright/test";
import { mailedLink, PASSWORD, signIn, signOut, signUp, uniqueEmail } from "./helpers";
import { ownerOrg } from "./personas";

test("sign up creates the account and its first organisation, then lands in it", async ({ page }) => {
  const email = uniqueEmail("signup");
  const { slug } = await signUp(page, { name: "Wang Fang", email, org: "Shenzhen Lights Export" });
  await expect(page.getByRole("heading", { level: 1, name: "Channels" })).toBeVisible();
  await expect(mainNavLink(page, "Settings")).toBeVisible();

  // The root sends a signed-in user to their organisation.
  await page.goto("/");
  await expect(page).toHaveURL(new RegExp(`/o/${slug}/channels$`));

  // The same email cannot sign up twice.
  await signOut(page);
  await page.goto("/sign-up");
  await page.getByLabel("Your name").fill("Someone Else");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByLabel("Organisation name").fill("Another Org");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByRole("main").getByRole("alert")).toContainText("An account with this email already exists");
});

test("until the emailed link is opened, a new account waits: no organisation, a resend button, and the link works once", async ({ page, browser }) => {
  const email = uniqueEmail("unverified");
  await page.goto("/sign-up");
  await page.getByLabel("Your name").fill("Not Yet");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByLabel("Organisation name").fill("Waiting Org");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page).toHaveURL(/\/verify-email$/);
  await expect(page.getByRole("heading", { name: "Check your email" })).toBeVisible();
  await expect(page.getByText(`We sent a link to ${email}.`)).toBeVisible();
  const first = await mailedLink(email, "/verify-email/");

  // Creating an organisation another way is refused with the reason.
  await page.goto("/orgs/new");
  await expect(page.getByRole("status").filter({ hasText: "Verify your email address to create organisations" })).toBeVisible();
  await expect(page.getByLabel("Organisation name")).toHaveCount(0);

  // "Resend the link" mails a new link, which replaces the first.
  await page.goto("/verify-email");
  await page.getByRole("button", { name: "Resend the link" }).click();
  await expect(page.getByText(`A new link is on its way to ${email}.`)).toBeVisible();
  const second = await mailedLink(email, "/verify-email/");
  expect(second).not.toBe(first);
  await page.goto(first);
  await expect(page.getByRole("heading", { name: "This link is no longer valid" })).toBeVisible();

  // Opened in another browser (signed out), the link verifies and then asks to sign in.
  const other = await browser.newContext();
  const otherPage = await other.newPage();
  await otherPage.goto(second);
  await otherPage.getByRole("button", { name: "Verify email" }).click();
  await expect(otherPage).toHaveURL(/\/sign-in\?callbackUrl=/);
  await other.close();

  await page.goto("/");
  await expect(page).toHaveURL(/\/o\/[^/]+\/channels$/);
  await expect(page.getByTestId("current-org")).toHaveText("Waiting Org");
  await page.goto(second);
  await expect(page.getByRole("heading", { name: "This link is no longer valid" })).toBeVisible();
});

test("sign-up shows field errors under the fields", async ({ page }) => {
  await page.goto("/sign-up");
  await page.getByLabel("Your name").fill("Short Password");
  await page.getByLabel("Email").fill("not-an-email");
  await page.getByLabel("Password").fill("short");
  await page.getByLabel("Organisation name").fill("Org");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByText("Enter a valid email address.")).toBeVisible();
  await expect(page.getByText("Password must be at least 8 characters.")).toBeVisible();
  await expect(page.getByLabel("Email")).toHaveValue("not-an-email");
});

test("sign in, after a wrong password shows an error", async ({ page }) => {
  // The owner persona's account (signed up by the setup project); this browser has no session.
  const { email, password, org } = ownerOrg();

  // Signed out, the root goes to sign-in.
  await page.goto("/");
  await expect(page).toHaveURL(/\/sign-in/);

  await signIn(page, email, "wrong-password-1");
  await expect(page.getByRole("main").getByRole("alert")).toHaveText("Incorrect email or password.");
  await expect(page).toHaveURL(/\/sign-in/);

  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/o\/[^/]+\/channels$/);
  await expect(page.getByTestId("current-org")).toHaveText(org);
});

function mainNavLink(page: import("@playwright/test").Page, name: string) {
  return page.getByRole("navigation", { name: "Main navigation" }).first().getByRole("link", { name });
}

test("sign-up checks each field as it is left, with the server's own rules, before anything is sent", async ({ page }) => {
  await page.goto("/sign-up");
  const password = page.getByLabel("Password");
  await password.fill("short");
  await password.press("Tab");
  await expect(page.getByText("Password must be at least 8 characters.")).toBeVisible();
  // Corrected, the message goes as the user types.
  await password.fill(PASSWORD);
  await expect(page.getByText("Password must be at least 8 characters.")).toBeHidden();

  const email = page.getByLabel("Email");
  await email.fill("not-an-email");
  await email.press("Tab");
  await expect(page.getByText("Enter a valid email address.")).toBeVisible();
  // Submitting with the error open sends nothing: the page stays, no account is made.
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page).toHaveURL(/\/sign-up$/);
  await expect(page.getByLabel("Your name")).toBeFocused();
});
