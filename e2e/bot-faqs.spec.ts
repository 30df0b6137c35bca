import { expect, test } from "@playwright/test";
import { signUp } from "./helpers";

/**
 * Bot → FAQs: the owner builds a knowledge base in the dashboard (a question prefilled as the analytics link
 * it, phrasings, a quick-reply answer), imports a CSV whose bad row is named, searches it, disables an entry
 * in bulk, reopens an entry to edit, and exports the knowledge base.
 */
test("build, search, bulk-disable and import FAQs; a bad import row is named", async ({ page }) => {
  const { slug } = await signUp(page, { name: "Chen Jing" });
  await page.getByRole("link", { name: "Bot" }).first().click();
  await expect(page).toHaveURL(new RegExp(`/o/${slug}/bot/faqs$`));
  await expect(page.getByRole("heading", { name: "No FAQs yet" })).toBeVisible();

  // "Create an FAQ from this" opens the form with the question and its language filled in.
  await page.goto(`/o/${slug}/bot/faqs/new?question=${encodeURIComponent("包邮吗")}`);
  const form = page.getByTestId("faq-form");
  await expect(form.getByLabel("Question")).toHaveValue("包邮吗");
  await expect(form.getByLabel("Language")).toHaveValue("zh-CN");
  await form.getByLabel("Other phrasings").fill("满多少包邮\n免运费吗");
  await form.getByLabel("Category").fill("运费");
  await form.getByLabel("Answer type").selectOption({ label: "Text with quick replies" });
  await form.getByLabel("Answer", { exact: true }).fill("订单满 49 美元包邮。");
  await form.getByLabel("Button title").first().fill("运费说明");
  await form.getByLabel("Payload").first().fill("SHIPPING_INFO");
  await form.getByRole("button", { name: "Create" }).click();

  await expect(page).toHaveURL(new RegExp(`/o/${slug}/bot/faqs$`));
  const rows = page.getByTestId("faq-row");
  await expect(rows).toHaveCount(1);
  await expect(rows).toContainText("包邮吗");
  await expect(rows).toContainText("+2 phrasings");
  await expect(rows).toContainText("Enabled");

  // An import with a bad row is refused whole, naming the row; the fixed file imports.
  await page.getByRole("button", { name: "Import" }).click();
  const dialog = page.getByRole("dialog");
  const bad = "question,alternatives,answer,language\nWhere is my order?,track my parcel,Open the order page.,en\n,,No question,en\n";
  await dialog.getByLabel("File").setInputFiles({ name: "faqs.csv", mimeType: "text/csv", buffer: Buffer.from(bad) });
  await dialog.getByRole("button", { name: "Import" }).click();
  await expect(dialog.getByTestId("faq-import-errors")).toContainText("Row 3: question");
  const good = "question,alternatives,answer,language,category\nWhere is my order?,track my parcel,Open the order page.,en,Shipping\nDo you ship to Canada?,,Yes.,en,Shipping\n";
  await dialog.getByLabel("File").setInputFiles({ name: "faqs.csv", mimeType: "text/csv", buffer: Buffer.from(good) });
  await dialog.getByRole("button", { name: "Import" }).click();
  await expect(page.getByText("2 FAQs imported.")).toBeVisible();
  await expect(rows).toHaveCount(3);

  // Search, then disable the match in bulk and filter by state.
  await page.getByRole("searchbox").fill("parcel");
  await page.getByRole("searchbox").press("Enter");
  await expect(page).toHaveURL(/q=parcel/);
  await expect(rows).toHaveCount(1);
  await page.getByLabel("Select all shown").check();
  await page.getByTestId("faq-bulk-bar").getByRole("button", { name: "Disable" }).click();
  await expect(page.getByText("1 FAQs changed.")).toBeVisible();
  await expect(rows).toContainText("Disabled");
  await page.goto(`/o/${slug}/bot/faqs?enabled=true`);
  await expect(rows).toHaveCount(2);

  // Edit the Chinese entry: the form holds what was saved.
  await page.goto(`/o/${slug}/bot/faqs?q=${encodeURIComponent("包邮")}`);
  await rows.getByRole("link", { name: "包邮吗" }).click();
  await expect(form.getByLabel("Other phrasings")).toHaveValue("满多少包邮\n免运费吗");
  await expect(form.getByLabel("Payload").first()).toHaveValue("SHIPPING_INFO");

  // The export downloads the knowledge base as CSV.
  await page.goto(`/o/${slug}/bot/faqs`);
  const download = page.waitForEvent("download");
  await page.getByRole("link", { name: "Export CSV" }).click();
  expect((await download).suggestedFilename()).toMatch(/-faqs\.csv$/);
});
