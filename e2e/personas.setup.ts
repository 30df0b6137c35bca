import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { expect, test as setup } from "@playwright/test";
import { acceptInvitation, createInvitation, signIn, signUp, uniqueEmail } from "./helpers";
import { DEMO_OWNER, ownerOrg, ownerOrgFile, storageStateOf, type OwnerOrg } from "./personas";

/**
 * Signs each persona of e2e/personas.ts in once per run, through the same forms a person uses, and saves
 * their session for the specs (the `setup` project in playwright.config.ts runs before the others).
 * In order: the owner signs up, then invites the agent and a second agent; the demo owner signs in, then invites the marketer.
 */
mkdirSync(path.dirname(storageStateOf("owner")), { recursive: true });

setup("the owner signs up with an organisation of their own", async ({ page }) => {
  const owner = await signUp(page, { name: "Olivia Owner", email: uniqueEmail("owner"), org: `Owner Org ${Date.now().toString(36)}` });
  const details: OwnerOrg = { name: owner.name, email: owner.email, password: owner.password, org: owner.org, slug: owner.slug };
  writeFileSync(ownerOrgFile(), JSON.stringify(details, null, 2));
  await page.context().storageState({ path: storageStateOf("owner") });
});

setup("the owner invites an agent, who joins", async ({ browser }) => {
  const { slug } = ownerOrg();
  const ownerContext = await browser.newContext({ storageState: storageStateOf("owner") });
  const { link } = await createInvitation(await ownerContext.newPage(), slug, uniqueEmail("agent"), "Agent");
  const { context } = await acceptInvitation(browser, link, { name: "Andy Agent" });
  await context.storageState({ path: storageStateOf("agent") });
  await context.close();
  await ownerContext.close();
});

setup("the owner invites a second agent, who joins", async ({ browser }) => {
  const { slug } = ownerOrg();
  const ownerContext = await browser.newContext({ storageState: storageStateOf("owner") });
  const { link } = await createInvitation(await ownerContext.newPage(), slug, uniqueEmail("agent2"), "Agent");
  const { context } = await acceptInvitation(browser, link, { name: "Bea Backup" });
  await context.storageState({ path: storageStateOf("agent2") });
  await context.close();
  await ownerContext.close();
});

setup("the demo owner signs in", async ({ page }) => {
  await signIn(page, DEMO_OWNER.email, DEMO_OWNER.password);
  await expect(page).toHaveURL(new RegExp(`/o/${DEMO_OWNER.slug}/`));
  await page.context().storageState({ path: storageStateOf("demo") });
});

setup("the demo owner invites a marketer, who joins", async ({ browser }) => {
  const demoContext = await browser.newContext({ storageState: storageStateOf("demo") });
  const { link } = await createInvitation(await demoContext.newPage(), DEMO_OWNER.slug, uniqueEmail("marketer"), "Marketer");
  const { context } = await acceptInvitation(browser, link, { name: "Mia Marketer" });
  await context.storageState({ path: storageStateOf("marketer") });
  await context.close();
  await demoContext.close();
});
