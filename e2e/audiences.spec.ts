import { expect, test } from "@playwright/test";
import { api, hydrated, mainNav, signUp } from "./helpers";

/**
 * Audiences (issue 17): a marketer-facing page listing segments with their live counts, and a form that builds
 * AND/OR conditions with a count updating as it is edited; what is saved is what the API reads back.
 */
test("build a segment with a group, watch the live count, save it, and edit it", async ({ page }) => {
  const { slug } = await signUp(page, { name: "Lin Mei" });
  await mainNav(page).getByRole("link", { name: "Audiences" }).click();
  await expect(page.getByRole("heading", { name: "No segments yet" })).toBeVisible();
  await hydrated(page);

  await page.getByRole("button", { name: "New segment" }).click();
  const dialog = page.getByRole("dialog");
  await dialog.getByLabel("Name", { exact: true }).fill("Gold in Chinese");
  // The first condition: attribute tier equals gold.
  await dialog.getByLabel("Attribute name").fill("tier");
  await dialog.getByLabel("Value", { exact: true }).fill("gold");
  // A group: language starts with zh, or first seen within 7 days.
  await dialog.getByRole("button", { name: "Add group" }).click();
  const kinds = dialog.getByLabel("Condition");
  await kinds.nth(1).selectOption({ label: "Language" });
  await dialog.getByLabel("Operator").nth(1).selectOption({ label: "starts with" });
  await dialog.getByLabel("Value", { exact: true }).nth(1).fill("zh");
  await dialog.getByRole("button", { name: "Add condition" }).nth(0).click();
  await kinds.nth(2).selectOption({ label: "First seen" });
  await dialog.getByLabel("Days").fill("7");
  // A new organisation has no contacts: the live count says so once the edits settle.
  await expect(dialog.getByTestId("segment-live-count")).toHaveText("Matches 0 contacts now");
  await dialog.getByRole("button", { name: "Save segment" }).click();

  const row = page.getByTestId("segment-row");
  await expect(row).toHaveCount(1);
  await expect(row).toContainText("Gold in Chinese");
  await expect(row).toContainText("0 contacts");
  const saved = await api<{ data: { id: string; definition: unknown; contactCount: number }[] }>(page.request, slug, "GET", "/segments");
  expect(saved.data[0]).toMatchObject({
    contactCount: 0,
    definition: {
      match: "all",
      conditions: [
        { kind: "attribute", op: "equals", key: "tier", value: "gold" },
        { kind: "group", match: "any", conditions: [{ kind: "locale", op: "startsWith", value: "zh" }, { kind: "firstSeen", days: 7 }] },
      ],
    },
  });

  // Edit: OR at the top, then the empty value is refused under its field.
  await row.getByRole("button", { name: "Edit" }).click();
  await dialog.getByLabel("Match").first().selectOption({ label: "Match any of these conditions (OR)" });
  await dialog.getByLabel("Value", { exact: true }).first().fill("");
  await dialog.getByRole("button", { name: "Save segment" }).click();
  await expect(dialog.getByText("A value is required for equals and contains.")).toBeVisible();
  await dialog.getByLabel("Value", { exact: true }).first().fill("platinum");
  await dialog.getByRole("button", { name: "Save segment" }).click();
  await expect(dialog).toBeHidden();
  const edited = await api<{ data: { definition: { match: string; conditions: { value?: string }[] } }[] }>(page.request, slug, "GET", "/segments");
  expect(edited.data[0].definition.match).toBe("any");
  expect(edited.data[0].definition.conditions[0].value).toBe("platinum");
});
