import { expect, test, type Locator, type Page } from "@playwright/test";
import { auditActionLabelKey, isAuditAction } from "../lib/audit/actions";
import { messagesFor } from "../lib/i18n/translate";
import { hydrated } from "./helpers";
import { DEMO_OWNER, storageStateOf } from "./personas";

/**
 * A phone (390 px): the main nav and the settings tabs scroll inside themselves, so the page must bring the
 * current item into view (without moving the page) and say there is more; the audit log shows each entry as
 * a card whose action and changes are on screen, not in columns scrolled out of sight.
 */
const APP_URL = process.env.APP_URL ?? "http://127.0.0.1:3100";
const DEMO_API_KEY = "mdk_demo_key_do_not_use_in_production";
const PHONE = { width: 390, height: 844 };
const AUDIT_LOG = `/o/${DEMO_OWNER.slug}/settings/audit-log`;

test.use({ storageState: storageStateOf("demo"), viewport: PHONE });

test.beforeAll(async ({ request }) => {
  // An entry with changes to show: renaming a campaign records its name before and after.
  const auth = { authorization: `Bearer ${DEMO_API_KEY}` };
  const channels = (await (await request.get("/api/v1/channels", { headers: auth })).json()) as { data: { id: string }[] };
  const created = await request.post("/api/v1/campaigns", {
    headers: auth,
    data: {
      name: "Phone pass",
      channelId: channels.data[0]!.id,
      invitation: { type: "text", text: "Back in stock?" },
      requestTitle: "Restock alert",
      content: { type: "text", text: "It's back!" },
    },
  });
  expect(created.ok(), await created.text()).toBeTruthy();
  const { id } = (await created.json()) as { id: string };
  const renamed = await request.patch(`/api/v1/campaigns/${id}`, { headers: auth, data: { name: "Phone pass, renamed 改名" } });
  expect(renamed.ok(), await renamed.text()).toBeTruthy();
});

/** Whether the element's box lies wholly between the viewport's left and right edges. */
async function horizontallyOnScreen(locator: Locator): Promise<boolean> {
  const box = await locator.boundingBox();
  return box !== null && box.x >= 0 && box.x + box.width <= PHONE.width;
}

async function open(page: Page, locale: string, path: string) {
  await page.context().addCookies([{ name: "md-locale", value: locale, url: APP_URL }]);
  await page.goto(path);
  await hydrated(page);
}

for (const locale of ["en", "zh-CN"] as const) {
  const m = messagesFor(locale);

  test(`the current nav item and settings tab are in view at 390 px, with a cue that more scrolls: ${locale}`, async ({ page }) => {
    await open(page, locale, AUDIT_LOG);
    const mainNav = page.getByRole("navigation", { name: m["shell.mainNav"] }).filter({ visible: true });
    const tabs = page.getByRole("navigation", { name: m["nav.settings"], exact: true });
    const currentSection = mainNav.getByRole("link", { name: m["nav.settings"] });
    const currentTab = tabs.getByRole("link", { name: m["settings.nav.auditLog"] });
    await expect(currentSection).toHaveAttribute("aria-current", "page");
    await expect(currentTab).toHaveAttribute("aria-current", "page");

    // Both rows are wider than a phone, and the last item is the current one: each row scrolled to it...
    await expect.poll(() => horizontallyOnScreen(currentSection)).toBe(true);
    await expect.poll(() => horizontallyOnScreen(currentTab)).toBe(true);
    // ...shows a fade on the side it hides links on (the shorter Chinese main nav may fit without one)...
    for (const nav of [tabs, mainNav]) {
      const overflows = await nav.getByRole("list").evaluate((list) => list.scrollWidth > list.clientWidth);
      await expect(nav.getByTestId("nav-fade-start")).toHaveCSS("opacity", overflows ? "1" : "0");
      await expect(nav.getByTestId("nav-fade-end")).toHaveCSS("opacity", "0");
    }
    expect(await tabs.getByRole("list").evaluate((list) => list.scrollWidth > list.clientWidth), "the tabs are wider than a phone").toBe(true);
    // ...and the page itself neither jumped down nor sideways.
    expect(await page.evaluate(() => [window.scrollX, window.scrollY])).toEqual([0, 0]);

    // Walking the tabs with the keyboard brings each one into view as it takes focus.
    await tabs.getByRole("link").first().focus();
    for (const key of ["general", "members", "skillGroups", "labels", "cannedReplies", "apiKeys", "workflows", "auditLog"] as const) {
      const tab = tabs.getByRole("link", { name: m[`settings.nav.${key}`] });
      await expect(tab).toBeFocused();
      await expect.poll(() => horizontallyOnScreen(tab), `${key} in view when focused`).toBe(true);
      await page.keyboard.press("Tab");
    }
  });

  test(`the audit log is a list of cards at 390 px, each showing its action and changes: ${locale}`, async ({ page }) => {
    await open(page, locale, AUDIT_LOG);
    const row = page.getByTestId("audit-row").first();
    const action = (await row.locator("code").first().textContent()) ?? "";
    expect(isAuditAction(action), `a known action: ${action}`).toBe(true);
    const label = row.getByText(m[auditActionLabelKey(action as Parameters<typeof auditActionLabelKey>[0])], { exact: true });
    await expect(label).toBeVisible();
    expect(await horizontallyOnScreen(label)).toBe(true);
    // The newest entry is the rename: its before and after names are on screen too.
    const after = row.getByText("Phone pass, renamed 改名", { exact: true });
    await expect(after).toBeVisible();
    expect(await horizontallyOnScreen(after)).toBe(true);
    expect(await horizontallyOnScreen(row)).toBe(true);
  });
}
