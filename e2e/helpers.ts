import { expect, request, type APIRequestContext, type Browser, type Page } from "@playwright/test";

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

/** The demo owner (seeded with DEMO_SEED=1) is the instance owner who may read the local mail outbox. */
const DEMO_OWNER = { email: "demo@example.com", password: "messenger-desk-demo" };
let outboxReader: Promise<APIRequestContext> | undefined;

/** Signs in by HTTP as the demo owner (next-auth's credentials flow), once per worker. */
async function outboxSession(): Promise<APIRequestContext> {
  outboxReader ??= (async () => {
    const api = await request.newContext({ baseURL: process.env.APP_URL });
    const { csrfToken } = (await (await api.get("/api/auth/csrf")).json()) as { csrfToken: string };
    const res = await api.post("/api/auth/callback/credentials", { form: { csrfToken, ...DEMO_OWNER, json: "true" } });
    expect(res.ok()).toBe(true);
    return api;
  })();
  return outboxReader;
}

/**
 * The newest link containing `path` in mail to `to`, read from the app's outbox (no SMTP_URL in tests)
 * through the instance-owner-only endpoint, as the operator would read it in the dashboard.
 */
export async function mailedLink(to: string, path: "/verify-email/" | "/invite/" | "/reset-password/" | "/change-email/"): Promise<string> {
  const api = await outboxSession();
  let link: string | undefined;
  await expect
    .poll(async () => {
      const res = await api.get(`/api/admin/outbox?to=${encodeURIComponent(to)}`);
      expect(res.status()).toBe(200);
      const { data } = (await res.json()) as { data: { text: string }[] };
      link = data.flatMap((mail) => mail.text.match(/https?:\/\/\S+/g) ?? []).find((l) => l.includes(path));
      return link;
    })
    .toBeTruthy();
  return link!;
}

/** Opens the verification link mailed to `email` and confirms it; the new organisation's Channels page shows. */
export async function verifyEmail(page: Page, email: string) {
  await page.goto(await mailedLink(email, "/verify-email/"));
  await page.getByRole("button", { name: "Verify email" }).click();
}

/**
 * Signs up through the form (English labels), verifies the email through the link in the outbox, and waits
 * until the new organisation's Channels page shows.
 */
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
  await expect(page).toHaveURL(/\/verify-email$/);
  await verifyEmail(page, user.email);
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
  await page.getByRole("menuitem", { name: "Sign out" }).click();
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

/** Opens an invitation link in a new browser context (a new person), chooses a password and joins. */
export async function acceptInvitation(browser: Browser, link: string, opts: { name?: string; password?: string } = {}) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(link);
  await page.getByLabel("Your name").fill(opts.name ?? "Invited Agent");
  await page.getByLabel("Password").fill(opts.password ?? PASSWORD);
  await page.getByRole("button", { name: "Join organisation" }).click();
  // The new member lands on their role's page: campaigns (marketer), conversations (agent) or channels.
  await expect(page).toHaveURL(/\/o\/[^/]+\/(channels|campaigns|conversations)$/);
  return { context, page };
}

export function mainNav(page: Page) {
  return page.getByRole("navigation", { name: "Main navigation" }).first();
}

/**
 * Waits until the page has hydrated (components/shell/hydrated-mark.tsx), then a moment for the fetches it
 * starts. Not "networkidle": a page holding the live-updates stream never goes quiet.
 */
export async function hydrated(page: Page, settleMs = 250) {
  await page.locator("html[data-hydrated]").waitFor({ state: "attached", timeout: 15_000 });
  if (settleMs > 0) await page.waitForTimeout(settleMs);
}

export const SANDBOX_URL = process.env.SANDBOX_URL ?? "http://127.0.0.1:4010";
export const APP_URL = process.env.APP_URL ?? "http://127.0.0.1:3100";

/** The sandbox's control API (what a test does as Meta or as a person on Messenger); fails the test on an error. */
export async function control<T = Record<string, unknown>>(request: APIRequestContext, method: string, path: string, body?: unknown): Promise<T> {
  const res = await request.fetch(`${SANDBOX_URL}/_sandbox/api${path}`, { method, data: body });
  expect(res.ok(), `${method} ${path}: ${res.status()} ${await res.text()}`).toBeTruthy();
  return (await res.json()) as T;
}

/** The dashboard's own API as the signed-in member of `request` (session cookie, same-origin JSON writes). */
export async function api<T = Record<string, unknown>>(request: APIRequestContext, slug: string, method: string, path: string, body?: unknown): Promise<T> {
  const res = await request.fetch(`/api/v1${path}`, { method, data: body, headers: { "x-org-slug": slug, origin: APP_URL, "content-type": "application/json" } });
  expect(res.ok(), `${method} ${path}: ${res.status()} ${await res.text()}`).toBeTruthy();
  return (await res.json()) as T;
}
