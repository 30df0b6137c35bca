import { expect, test, type Browser } from "@playwright/test";
import { acceptInvitation, createInvitation, mailedLink, PASSWORD, signOut, signUp, uniqueEmail } from "./helpers";
import { ownerOrg, storageStateOf } from "./personas";

// The owner persona's organisation (e2e/personas.ts): its invitations and members are told apart by
// email and by names unique to the attempt, as other specs share it. The owner gets a context of their own
// (not test.use, whose storageState every browser.newContext() would inherit, invitees' included).
async function asOwner(browser: Browser, permissions: string[] = []) {
  const context = await browser.newContext({ storageState: storageStateOf("owner"), permissions });
  return { context, page: await context.newPage() };
}

test("an owner invites an agent, who opens the link, sets a password and lands in the organisation", async ({ browser }) => {
  const { page } = await asOwner(browser, ["clipboard-read", "clipboard-write"]);
  const { slug, org } = ownerOrg();
  const agentEmail = uniqueEmail("agent");

  const { dialog, link } = await createInvitation(page, slug, agentEmail, "Agent");
  await dialog.getByRole("button", { name: "Copy invitation link" }).click();
  await expect(dialog.getByRole("button", { name: "Copied" })).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(link);
  await dialog.getByRole("button", { name: "Done" }).click();
  // The same link was emailed to the invitee.
  expect(await mailedLink(agentEmail, "/invite/")).toBe(link);

  // The open invitation is listed.
  const invitationRow = page.getByTestId("invitation-row").filter({ hasText: agentEmail });
  await expect(invitationRow).toContainText("Agent");

  // The invitee, in their own browser.
  const { page: agentPage, context: agentContext } = await acceptInvitation(browser, link, { name: "Chen Jing" });
  await expect(agentPage.getByTestId("current-org")).toHaveText(org);
  await expect(agentPage.getByTestId("current-org").locator("xpath=..")).toContainText("Agent");
  await agentContext.close();

  // The owner now sees them as a member, and the invitation is gone.
  await page.reload();
  await expect(page.getByTestId("member-row").filter({ hasText: agentEmail })).toContainText("Chen Jing");
  await expect(page.getByTestId("invitation-row").filter({ hasText: agentEmail })).toHaveCount(0);

  // A used link does not work twice.
  const again = await browser.newContext();
  const againPage = await again.newPage();
  await againPage.goto(link);
  await expect(againPage.getByRole("heading", { name: "This invitation is no longer valid" })).toBeVisible();
  await again.close();
});

test("an owner changes a member's role, and cannot remove the last owner", async ({ browser }) => {
  const { page } = await asOwner(browser);
  const { slug, email, name } = ownerOrg();
  const agentEmail = uniqueEmail("agent");
  const member = `Role Change ${Math.random().toString(36).slice(2, 7)}`;
  const { dialog, link } = await createInvitation(page, slug, agentEmail, "Agent");
  await dialog.getByRole("button", { name: "Done" }).click();
  const { context } = await acceptInvitation(browser, link, { name: member });
  await context.close();

  await page.reload();
  await page.getByLabel(`Role of ${member}`).selectOption({ label: "Marketer" });
  await expect(page.getByRole("status").filter({ hasText: `Role of ${member} changed to Marketer.` })).toBeVisible();

  // Removing the only owner (yourself) is refused with the service's message.
  await page.getByRole("button", { name: `Remove ${name}` }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Remove member" }).click();
  await expect(page.getByRole("dialog").getByRole("alert")).toHaveText("An organisation must keep at least one owner.");
  await page.getByRole("dialog").getByRole("button", { name: "Cancel" }).click();
  await expect(page.getByTestId("member-row").filter({ hasText: email })).toBeVisible();

  // Removing the other member works.
  await page.getByRole("button", { name: `Remove ${member}` }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Remove member" }).click();
  await expect(page.getByTestId("member-row").filter({ hasText: agentEmail })).toHaveCount(0);
});

test("someone who already has an account joins only signed in as the invited email; the page never asks for their password", async ({ browser }) => {
  const { page } = await asOwner(browser);
  const { slug, org } = ownerOrg();

  // The invitee already has an account (and their own organisation), in their own browser.
  const inviteeContext = await browser.newContext();
  const invitee = await inviteeContext.newPage();
  const existing = await signUp(invitee, { name: "Existing Person", email: uniqueEmail("existing") });
  await signOut(invitee);

  const { dialog } = await createInvitation(page, slug, existing.email, "Marketer");
  await dialog.getByRole("button", { name: "Done" }).click();
  const link = await mailedLink(existing.email, "/invite/");

  // Signed out, anyone holding the link (an attacker who invited the victim) sees no password field at all.
  await invitee.goto(link);
  await expect(invitee.getByText(`You already have an account with ${existing.email}.`)).toBeVisible();
  await expect(invitee.getByLabel("Password")).toHaveCount(0);
  await expect(invitee.getByRole("button", { name: "Join organisation" })).toHaveCount(0);

  // Signed in as somebody else, the page says so and offers to sign out.
  await invitee.goto("/sign-in");
  await invitee.getByLabel("Email").fill("demo@example.com");
  await invitee.getByLabel("Password").fill("messenger-desk-demo");
  await invitee.getByRole("button", { name: "Sign in" }).click();
  await expect(invitee).toHaveURL(/\/o\//);
  await invitee.goto(link);
  await expect(invitee.getByText(`You are signed in as demo@example.com, but this invitation is for ${existing.email}.`)).toBeVisible();
  await expect(invitee.getByRole("button", { name: "Join organisation" })).toHaveCount(0);
  await invitee.getByRole("button", { name: "Sign out" }).click();

  // Signing in as the invited email comes back to the invitation, which joins with one click.
  await expect(invitee).toHaveURL(/\/sign-in\?callbackUrl=/);
  await invitee.getByLabel("Email").fill(existing.email);
  await invitee.getByLabel("Password").fill(PASSWORD);
  await invitee.getByRole("button", { name: "Sign in" }).click();
  await expect(invitee).toHaveURL(new RegExp(`/invite/`));
  await expect(invitee.getByText(`You are signed in as ${existing.email}.`)).toBeVisible();
  await invitee.getByRole("button", { name: "Join organisation" }).click();
  // Invited as Marketer, they land on the organisation's campaigns.
  await expect(invitee).toHaveURL(new RegExp(`/o/${slug}/campaigns$`));
  await expect(invitee.getByTestId("current-org")).toHaveText(org);
  await inviteeContext.close();
});
