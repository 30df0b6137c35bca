import { expect, test } from "@playwright/test";
import { signUp } from "./helpers";

test("create a skill group, add a member, edit it, and see it in the list", async ({ page }) => {
  const { slug, email } = await signUp(page, { name: "Zhao Lei" });
  await page.goto(`/o/${slug}/settings/skill-groups`);
  await expect(page.getByRole("heading", { name: "No skill groups yet" })).toBeVisible();

  await page.getByRole("button", { name: "New skill group" }).click();
  const dialog = page.getByRole("dialog");
  await dialog.getByLabel("Name").fill("English support");
  await dialog.getByLabel("Description").fill("Customers writing in English");
  await dialog.getByRole("button", { name: "Create" }).click();

  // Lands on the group's page.
  await expect(page.getByTestId("skill-group-name")).toHaveText("English support");
  await expect(page.getByText("No one is in this group yet.")).toBeVisible();
  await page.getByLabel("Choose a member").selectOption({ label: `Zhao Lei (${email}) · Owner` });
  await page.getByRole("button", { name: "Add member" }).click();
  await expect(page.getByTestId("skill-group-member-row")).toContainText(email);
  await expect(page.getByText("Everyone in the organisation is already in this group.")).toBeVisible();

  await page.getByRole("button", { name: "Edit" }).click();
  await page.getByRole("dialog").getByLabel("Name").fill("English & pre-sales");
  await page.getByRole("dialog").getByRole("button", { name: "Save" }).click();
  await expect(page.getByTestId("skill-group-name")).toHaveText("English & pre-sales");

  await page.getByRole("link", { name: "All skill groups" }).click();
  const row = page.getByTestId("skill-group-row");
  await expect(row).toHaveCount(1);
  await expect(row).toContainText("English & pre-sales");
  await expect(row).toContainText("1 member");

  // The changes are in the audit log, newest first.
  await page.getByRole("link", { name: "Audit log" }).click();
  await expect(page.getByTestId("audit-row").first()).toContainText("Skill group updated");
  await page.getByLabel("Resource type").selectOption({ label: "Skill group" });
  await expect(page).toHaveURL(/resourceType=skill_group/);
  await expect(page.getByTestId("audit-row")).toHaveCount(3);
  // Every action of the vocabulary is offered, campaign ones included; this org has sent none.
  await page.getByRole("button", { name: "Clear filters" }).click();
  await page.getByLabel("Action", { exact: true }).selectOption({ label: "Campaign finished" });
  await expect(page).toHaveURL(/action=campaign.finished/);
  await expect(page.getByText("No entries match these filters.")).toBeVisible();
});
