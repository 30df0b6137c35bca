import { expect, test } from "@playwright/test";
import { mainNav } from "./helpers";
import { ownerOrg, storageStateOf } from "./personas";

test.use({ storageState: storageStateOf("agent") });

test("an agent has no Settings link and is refused when opening Settings", async ({ page: agent }) => {
  const { slug, org } = ownerOrg();
  await agent.goto(`/o/${slug}/channels`);

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
});
