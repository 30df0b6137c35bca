import { expect, test } from "@playwright/test";
import { mailedLink, PASSWORD, uniqueEmail } from "./helpers";

test.use({ locale: "zh-CN", extraHTTPHeaders: { "Accept-Language": "zh-CN,zh;q=0.9,en;q=0.5" } });

test("Chinese from Accept-Language; switching to English in the user menu sticks across reloads", async ({ page }) => {
  await page.goto("/sign-up");
  await expect(page.locator("html")).toHaveAttribute("lang", "zh-CN");
  await expect(page.getByRole("heading", { name: "创建您的账号" })).toBeVisible();

  await page.getByLabel("您的姓名").fill("刘洋");
  const email = uniqueEmail("zh");
  await page.getByLabel("邮箱").fill(email);
  await page.getByLabel("密码").fill(PASSWORD);
  await page.getByLabel("组织名称").fill("杭州跨境电商");
  await page.getByRole("button", { name: "创建账号" }).click();
  await expect(page.getByRole("heading", { name: "请查收邮件" })).toBeVisible();
  await page.goto(await mailedLink(email, "/verify-email/"));
  await page.getByRole("button", { name: "验证邮箱" }).click();
  await expect(page).toHaveURL(/\/o\/[^/]+\/channels$/);
  await expect(page.getByRole("heading", { level: 1, name: "渠道" })).toBeVisible();
  await expect(page.getByTestId("current-org")).toHaveText("杭州跨境电商");
  const nav = page.getByRole("navigation", { name: "主导航" }).first();
  await expect(nav.getByRole("link", { name: "设置" })).toBeVisible();

  await page.getByRole("button", { name: "账户菜单" }).click();
  await page.getByRole("group", { name: "语言" }).getByRole("menuitemradio", { name: "English" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Channels" })).toBeVisible();
  await expect(page.locator("html")).toHaveAttribute("lang", "en");

  await page.reload();
  await expect(page.getByRole("heading", { level: 1, name: "Channels" })).toBeVisible();
  await expect(page.getByRole("navigation", { name: "Main navigation" }).first().getByRole("link", { name: "Settings" })).toBeVisible();

  // And back to Chinese.
  await page.getByRole("button", { name: "Account menu" }).click();
  await page.getByRole("group", { name: "Language" }).getByRole("menuitemradio", { name: "中文" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "渠道" })).toBeVisible();

  // The services' refusals are shown in Chinese too, translated by their message key: a field error, a conflict.
  const slug = new URL(page.url()).pathname.split("/")[2];
  await page.goto(`/o/${slug}/settings/skill-groups`);
  const dialog = page.getByRole("dialog");
  await page.getByRole("button", { name: "新建技能组" }).first().click();
  await dialog.getByRole("button", { name: "创建" }).click();
  await expect(dialog.getByText("请填写名称。")).toBeVisible();
  await dialog.getByLabel("名称").fill("售后");
  await dialog.getByRole("button", { name: "创建" }).click();
  await expect(page.getByTestId("skill-group-name")).toHaveText("售后");
  await page.goto(`/o/${slug}/settings/skill-groups`);
  await page.getByRole("button", { name: "新建技能组" }).first().click();
  await dialog.getByLabel("名称").fill("售后");
  await dialog.getByRole("button", { name: "创建" }).click();
  await expect(dialog.getByText("名为“售后”的技能组已存在。")).toBeVisible();
});
