import { expect, test, type Page } from "@playwright/test";
import { acceptInvitation, createInvitation, mailedLink, PASSWORD, signIn, signUp, uniqueEmail } from "./helpers";

// Every test signs up people of its own: changing passwords and addresses must not touch the shared personas.

async function openProfile(page: Page) {
  await page.getByRole("button", { name: "Account menu" }).click();
  await page.getByRole("menuitem", { name: "Your profile" }).click();
  await expect(page).toHaveURL(/\/account$/);
  await expect(page.getByRole("heading", { level: 1, name: "Your profile" })).toBeVisible();
}

/**
 * The pages the browser fetches for navigations from now on (React Server Component requests, prefetches
 * left out): a server redirect on the way ("/", an organisation's root) shows as a fetch of its own.
 */
function recordPageFetches(page: Page): string[] {
  const paths: string[] = [];
  page.on("request", (request) => {
    const headers = request.headers();
    if (request.method() === "GET" && headers["rsc"] === "1" && !headers["next-router-prefetch"]) paths.push(new URL(request.url()).pathname);
  });
  return paths;
}

test("forgot password: the same answer for any address; the mailed link sets a new password once and signs every session out", async ({ page, browser }) => {
  // A sign-up, a refused and an accepted sign-in, and a password change: past 60 s on a loaded 2-core machine.
  test.slow();
  const owner = await signUp(page, { name: "Reset Owner" });

  const other = await browser.newContext();
  const visitor = await other.newPage();
  await visitor.goto("/sign-in");
  await visitor.getByRole("link", { name: "Forgot your password?" }).click();
  await expect(visitor.getByRole("heading", { name: "Reset your password" })).toBeVisible();
  const unknown = uniqueEmail("nobody");
  await visitor.getByLabel("Email").fill(unknown);
  await visitor.getByRole("button", { name: "Send reset link" }).click();
  await expect(visitor.getByRole("main").getByRole("status")).toHaveText(`If an account uses ${unknown}, a link to reset its password is on its way. It works once, within an hour.`);

  await visitor.goto("/forgot-password");
  await visitor.getByLabel("Email").fill(owner.email);
  await visitor.getByRole("button", { name: "Send reset link" }).click();
  await expect(visitor.getByRole("main").getByRole("status")).toHaveText(`If an account uses ${owner.email}, a link to reset its password is on its way. It works once, within an hour.`);

  // The link only shows a form (opening it uses nothing up); the button sets the password.
  const link = await mailedLink(owner.email, "/reset-password/");
  await visitor.goto(link);
  await visitor.goto(link);
  await expect(visitor.getByRole("heading", { name: "Choose a new password" })).toBeVisible();
  await visitor.getByLabel("New password").fill("short");
  await visitor.getByRole("button", { name: "Set new password" }).click();
  await expect(visitor.getByText("Password must be at least 8 characters.")).toBeVisible();
  await visitor.getByLabel("New password").fill("a-brand-new-password");
  await visitor.getByRole("button", { name: "Set new password" }).click();
  await expect(visitor).toHaveURL(/\/sign-in\?reset=1$/);
  await expect(visitor.getByRole("main").getByRole("status")).toContainText("Your password was changed and every device was signed out.");

  // Used once.
  await visitor.goto(link);
  await expect(visitor.getByRole("heading", { name: "This link is no longer valid" })).toBeVisible();

  // The session that was signed in before the reset is signed out.
  await page.reload();
  await expect(page).toHaveURL(/\/sign-in/);

  // The old password no longer works; the new one does.
  await signIn(visitor, owner.email, PASSWORD);
  await expect(visitor.getByRole("main").getByRole("alert")).toHaveText("Incorrect email or password.");
  await visitor.getByLabel("Password").fill("a-brand-new-password");
  await visitor.getByRole("button", { name: "Sign in" }).click();
  await expect(visitor).toHaveURL(new RegExp(`/o/${owner.slug}/channels$`));
  await other.close();
});

test("changing the password needs the current one, keeps this session and signs the other one out", async ({ page, browser }) => {
  // A sign-up, a refused and an accepted sign-in, and a password change: past 60 s on a loaded 2-core machine.
  test.slow();
  const owner = await signUp(page, { name: "Change Owner" });
  const laptop = await browser.newContext();
  const second = await laptop.newPage();
  await signIn(second, owner.email);
  await expect(second).toHaveURL(new RegExp(`/o/${owner.slug}/channels$`));

  await openProfile(page);
  const password = page.getByTestId("account-password");
  await password.getByLabel("Current password").fill("not-my-password");
  await password.getByLabel("New password").fill("my-changed-password");
  await password.getByRole("button", { name: "Change password" }).click();
  await expect(password.getByText("The current password is not correct.")).toBeVisible();

  await password.getByLabel("Current password").fill(PASSWORD);
  await password.getByRole("button", { name: "Change password" }).click();
  await expect(password.getByRole("status")).toHaveText("Password changed. Every other device was signed out.");

  // This session goes on.
  await page.reload();
  await expect(page.getByRole("heading", { level: 1, name: "Your profile" })).toBeVisible();
  await page.goto(`/o/${owner.slug}/channels`);
  await expect(page.getByRole("heading", { level: 1, name: "Channels" })).toBeVisible();

  // The other one is signed out, and signs in with the new password only.
  await second.reload();
  await expect(second).toHaveURL(/\/sign-in/);
  await signIn(second, owner.email, PASSWORD);
  await expect(second.getByRole("main").getByRole("alert")).toHaveText("Incorrect email or password.");
  await second.getByLabel("Password").fill("my-changed-password");
  await second.getByRole("button", { name: "Sign in" }).click();
  await expect(second).toHaveURL(new RegExp(`/o/${owner.slug}/channels$`));
  await laptop.close();
});

test("the profile changes the name and, once the link mailed to the new address is used, the email; it lists the organisations", async ({ page }) => {
  const owner = await signUp(page, { name: "Profile Owner" });
  await openProfile(page);
  const orgRow = page.getByTestId("account-org").filter({ hasText: owner.org });
  await expect(orgRow).toContainText("Owner");

  const name = page.getByTestId("account-name");
  await name.getByLabel("Your name").fill("Zhang Wei");
  await name.getByRole("button", { name: "Save name" }).click();
  await expect(name.getByRole("status")).toHaveText("Name saved.");

  const email = page.getByTestId("account-email");
  const newEmail = uniqueEmail("moved");
  await email.getByLabel("New email address").fill(owner.email);
  await email.getByRole("button", { name: "Send confirmation link" }).click();
  await expect(email.getByText("This is already your email address.")).toBeVisible();
  await email.getByLabel("New email address").fill(newEmail);
  await email.getByRole("button", { name: "Send confirmation link" }).click();
  await expect(email.getByRole("status")).toHaveText(`We sent a link to ${newEmail}. Your address changes when you open it.`);
  // Nothing changes until the link is used; the pending address shows.
  await page.reload();
  await expect(email).toContainText(`You sign in with ${owner.email}.`);
  await expect(email).toContainText(`Waiting for confirmation of ${newEmail}`);

  await page.goto(await mailedLink(newEmail, "/change-email/"));
  await expect(page.getByRole("heading", { name: "Confirm your new email address" })).toBeVisible();
  await page.getByRole("button", { name: "Use this address" }).click();
  await expect(page).toHaveURL(/\/account$/);
  await expect(page.getByTestId("account-email")).toContainText(`You sign in with ${newEmail}.`);
  await expect(page.getByTestId("account-email")).not.toContainText("Waiting for confirmation");

  // The organisation's link opens it.
  await page.getByTestId("account-org").filter({ hasText: owner.org }).getByRole("link").click();
  await expect(page).toHaveURL(new RegExp(`/o/${owner.slug}/channels$`));
  // The session shows the account as it is now.
  await page.getByRole("button", { name: "Account menu" }).click();
  await expect(page.getByRole("menu")).toContainText("Zhang Wei");
  await expect(page.getByRole("menu")).toContainText(newEmail);
});

test("each role lands on its own page: marketers on Campaigns, agents on Conversations, owners on Channels, straight after sign-in", async ({ page, browser }) => {
  // One sign-up, two invitations and three sign-ins.
  test.slow();
  const owner = await signUp(page, { name: "Landing Owner" });
  const people = { marketer: uniqueEmail("landing-marketer"), agent: uniqueEmail("landing-agent") };
  for (const [role, email] of [["Marketer", people.marketer], ["Agent", people.agent]] as const) {
    const { dialog, link } = await createInvitation(page, owner.slug, email, role);
    await dialog.getByRole("button", { name: "Done" }).click();
    const { context } = await acceptInvitation(browser, link, { name: `${role} Person` });
    await context.close();
  }

  for (const [email, section, heading] of [
    [people.marketer, "campaigns", "Campaigns"],
    [people.agent, "conversations", "Conversations"],
    [owner.email, "channels", "Channels"],
  ] as const) {
    const context = await browser.newContext();
    const member = await context.newPage();
    await member.goto("/sign-in");
    const fetched = recordPageFetches(member);
    await member.getByLabel("Email").fill(email);
    await member.getByLabel("Password").fill(PASSWORD);
    await member.getByRole("button", { name: "Sign in" }).click();
    await expect(member).toHaveURL(new RegExp(`/o/${owner.slug}/${section}$`));
    await expect(member.getByRole("heading", { level: 1, name: heading })).toBeVisible();
    // Straight there: no stop at "/" or the organisation's root on the way.
    expect(fetched).toContain(`/o/${owner.slug}/${section}`);
    expect(fetched.filter((path) => path !== `/o/${owner.slug}/${section}`)).toEqual([]);

    // The organisation's root and the site's root lead to the same page.
    await member.goto(`/o/${owner.slug}`);
    await expect(member).toHaveURL(new RegExp(`/o/${owner.slug}/${section}$`));
    await member.goto("/");
    await expect(member).toHaveURL(new RegExp(`/o/${owner.slug}/${section}$`));
    await context.close();
  }
});
