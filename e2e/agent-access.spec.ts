import { expect, test } from "@playwright/test";
import { acceptInvitation, createInvitation, mainNav, signUp, uniqueEmail } from "./helpers";

test("an agent has no Settings link and is refused when opening Settings", async ({ page, browser }) => {
  const { slug, org } = await signUp(page);
  const { link } = await createInvitation(page, slug, uniqueEmail("agent"), "Agent");
  const { page: agent, context } = await acceptInvitation(browser, link);

  const nav = mainNav(agent);
  await expect(nav.getByRole("link", { name: "Channels" })).toBeVisible();
  await expect(nav.getByRole("link", { name: "Conversations" })).toBeVisible();
  await expect(nav.getByRole("link", { name: "Settings" })).toHaveCount(0);

  for (const path of ["settings", "settings/members", "settings/api-keys", "settings/audit-log"]) {
    await agent.goto(`/o/${slug}/${path}`);
    await expect(agent.getByRole("heading", { name: "You don't have access to Settings" })).toBeVisible();
    await expect(agent.getByText(`Only owners and admins of ${org} can open Settings.`)).toBeVisible();
    // No data of the page leaks into the refusal.
    await expect(agent.getByRole("table")).toHaveCount(0);
    await expect(agent.getByRole("button", { name: "Invite member" })).toHaveCount(0);
  }
  await context.close();
});
