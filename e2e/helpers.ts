import { expect, type Browser, type Page } from "@playwright/test";

export const PASSWORD = "e2e-password-123";

/** A fresh address per call, so tests never share users and can run in any order. */
export function uniqueEmail(prefix = "user"): string {
  return `${prefix}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}@example.com`;
}

/** The organisation slug from a URL like /o/{slug}/channels. */
export function orgSlugOf(page: Page): string {
  const match = /\/o\/([^/]+)/.exec(new URL(page.url()).pathname);
  if (!match) throw new Error(`not inside an organisation: ${page.url()}`);
  return match[1];
}

/** Signs up through the form (English labels) and waits until the new organisation's Channels page shows. */
export async function signUp(page: Page, opts: { name?: string; email?: string; password?: string; org?: string } = {}) {
  const user = {
    name: opts.name ?? "Test Owner",
    email: opts.email ?? uniqueEmail("owner"),
    password: opts.password ?? PASSWORD,
    org: opts.org ?? `Org ${Math.random().toString(36).slice(2, 7)}`,
  };
  await page.goto("/sign-up");
  await page.getByLabel("Your name").fill(user.name);
  await page.getByLabel("Email").fill(user.email);
  await page.getByLabel("Password").fill(user.password);
  await page.getByLabel("Organisation name").fill(user.org);
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page).toHaveURL(/\/o\/[^/]+\/channels$/);
  await expect(page.getByTestId("current-org")).toHaveText(user.org);
  return { ...user, slug: orgSlugOf(page) };
}

export async function signIn(page: Page, email: string, password = PASSWORD) {
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

export async function signOut(page: Page) {
  await page.getByRole("button", { name: "Account menu" }).click();
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/sign-in/);
}

/** As an owner/admin on any page of the org: creates an invitation in Settings → Members and returns its link. */
export async function createInvitation(page: Page, slug: string, email: string, role: "Admin" | "Marketer" | "Agent" | "Owner" = "Agent") {
  await page.goto(`/o/${slug}/settings/members`);
  await page.getByRole("button", { name: "Invite member" }).click();
  const dialog = page.getByRole("dialog");
  await dialog.getByLabel("Email").fill(email);
  await dialog.getByLabel("Role").selectOption({ label: role });
  await dialog.getByRole("button", { name: "Create invitation link" }).click();
  const link = dialog.getByLabel("Invitation link");
  await expect(link).toHaveValue(/\/invite\/[A-Za-z0-9_-]+$/);
  return { dialog, link: await link.inputValue() };
}

/** Opens an invitation link in a new browser context (a different person), sets a password and joins. */
export async function acceptInvitation(browser: Browser, link: string, opts: { name?: string; password?: string } = {}) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(link);
  await page.getByLabel("Your name").fill(opts.name ?? "Invited Agent");
  await page.getByLabel("Password").fill(opts.password ?? PASSWORD);
  await page.getByRole("button", { name: "Join organisation" }).click();
  await expect(page).toHaveURL(/\/o\/[^/]+\/channels$/);
  return { context, page };
}

export function mainNav(page: Page) {
  return page.getByRole("navigation", { name: "Main navigation" }).first();
}
