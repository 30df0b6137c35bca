import { randomInt } from "node:crypto";
import { readFileSync } from "node:fs";
import { expect, test, type Page } from "@playwright/test";
import { expectAccessible } from "./axe";
import { APP_URL, SANDBOX_URL, api, control, hydrated } from "./helpers";
import { ownerOrg, storageStateOf } from "./personas";
import { connectSandboxChannel } from "./sandbox-channel";

/**
 * Reports (issue 16) as people read them. A new channel of the owner's organisation gets a known day: a person
 * writes twice, the owner claims the conversation, replies once and resolves it. The Service report, filtered
 * to that channel (so other specs' traffic does not count), shows exactly those figures, in English and in
 * Chinese; the agents table's CSV equals the table on screen; the pages pass axe. A marketer sees Campaigns only.
 */
const DEMO_PAGE = "1000000000000001";
const digits = (n: number) => Array.from({ length: n }, () => randomInt(10)).join("");

/** The value cell of a KPI card. */
const kpi = (page: Page, key: string, part = "kpi-value") => page.getByTestId(`kpi-${key}`).getByTestId(part);

/** A CSV body as rows of cells (RFC 4180: quoted cells may hold commas, doubled quotes and line breaks). */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ",") {
      row.push(cell);
      cell = "";
    } else if (c === "\n") {
      row.push(cell.replace(/\r$/, ""));
      rows.push(row);
      row = [];
      cell = "";
    } else cell += c;
  }
  return rows;
}

test.use({ storageState: storageStateOf("owner") });

test("the service report shows a known day's figures in English and Chinese, its CSV equals the table, and it passes axe", async ({ page: owner, browser, request }) => {
  test.setTimeout(180_000);
  const tag = digits(6);
  const { slug, pageId, channelId } = await connectSandboxChannel(owner, request, { tag, label: "Reports" });

  // The known day: two messages in, a claim, one reply out, a resolution.
  const person = await control<{ psid: string }>(request, "POST", `/pages/${pageId}/users`, { firstName: "Rui", lastName: `R${tag}` });
  await control(request, "POST", `/users/${person.psid}/messages`, { text: `Where is my order? ${tag}` });
  await control(request, "POST", `/users/${person.psid}/messages`, { text: `Order ${tag}` });
  let conversationId = "";
  await expect
    .poll(async () => {
      const list = await api<{ data: { id: string }[] }>(owner.request, slug, "GET", `/conversations?channelId=${channelId}&view=all`);
      conversationId = list.data[0]?.id ?? "";
      return conversationId;
    }, { timeout: 30_000 })
    .not.toBe("");
  await api(owner.request, slug, "POST", `/conversations/${conversationId}/claim`);
  await api(owner.request, slug, "POST", `/conversations/${conversationId}/messages`, { text: `It ships today ${tag}` });
  await api(owner.request, slug, "POST", `/conversations/${conversationId}/resolve`);

  await owner.goto(`/o/${slug}/reports/service?preset=today&channelId=${channelId}`);
  await hydrated(owner);
  await expect(owner.getByRole("navigation", { name: "Reports" }).getByRole("link")).toHaveText(["Service", "Campaigns", "Live"]);
  await expect(kpi(owner, "conversationsNew")).toHaveText("1");
  await expect(kpi(owner, "messagesIn")).toHaveText("2");
  await expect(kpi(owner, "messagesOut")).toHaveText("1");
  await expect(kpi(owner, "conversationsResolved")).toHaveText("1");
  await expect(kpi(owner, "conversationsReopened")).toHaveText("0");
  await expect(kpi(owner, "firstResponse", "kpi-count")).toHaveText("1 measured");
  await expect(kpi(owner, "resolution", "kpi-count")).toHaveText("1 measured");
  // Each figure says what starts and stops its clock.
  await expect(owner.getByTestId("kpi-firstResponse")).toContainText("stops at the first reply by a person on the Page's side");
  // The chart's table view: today's row has the two messages in.
  const messages = owner.getByTestId("chart-messages");
  await messages.getByRole("button", { name: /Table view/ }).click();
  await expect(messages.getByTestId("chart-row")).toHaveCount(1);
  await expect(messages.getByTestId("chart-row").locator("td").nth(1)).toHaveText("2");

  // The agents table: the owner resolved it and sent the reply; its CSV holds the same figures.
  const agents = owner.getByTestId("agents");
  const row = agents.getByTestId("breakdown-row").filter({ hasText: ownerOrg().name });
  await expect(row).toHaveCount(1);
  const cells = await row.locator("td").allInnerTexts();
  const [download] = await Promise.all([owner.waitForEvent("download"), agents.getByTestId("csv-agents").click()]);
  expect(download.suggestedFilename()).toMatch(/\.csv$/);
  const body = readFileSync((await download.path())!, "utf8");
  // A byte-order mark first: without it Excel reads UTF-8 as the system code page and garbles Chinese names.
  expect(body.startsWith("\uFEFF"), "the CSV starts with a byte-order mark").toBe(true);
  const csv = parseCsv(body.slice(1));
  const header = csv[0]!;
  const line = csv.find((r) => r[header.indexOf("name")] === ownerOrg().name)!;
  expect(line, "the owner's row in the CSV").toBeDefined();
  expect(cells[0]).toBe(line[header.indexOf("name")]);
  expect(cells[1]).toBe(line[header.indexOf("conversations_resolved")]);
  expect(cells[2]).toBe(line[header.indexOf("messages_out")]);
  expect(csv.length - 1, "one CSV row per table row").toBe(await agents.getByTestId("breakdown-row").count());
  await expectAccessible(owner, "reports service (en)");

  // The same report in Chinese.
  const zh = await browser.newContext({ storageState: storageStateOf("owner"), locale: "zh-CN" });
  await zh.addCookies([{ name: "md-locale", value: "zh-CN", url: APP_URL }]);
  try {
    const page = await zh.newPage();
    await page.goto(`/o/${slug}/reports/service?preset=today&channelId=${channelId}`);
    await hydrated(page);
    await expect(page.getByRole("heading", { name: "报表", level: 1 })).toBeVisible();
    await expect(page.getByTestId("kpi-messagesIn")).toContainText("收到的消息");
    await expect(kpi(page, "messagesIn")).toHaveText("2");
    await expect(kpi(page, "firstResponse", "kpi-count")).toHaveText("共 1 次");
    await expect(page.getByTestId("kpi-firstResponse")).toContainText("首次回复为止");
    await expectAccessible(page, "reports service (zh-CN)");
  } finally {
    await zh.close();
  }
});

test("a marketer sees Campaigns only: a campaign's report from its page, side by side figures and the funnel", async ({ browser, request }) => {
  test.setTimeout(120_000);
  const tag = digits(6);
  const context = await browser.newContext({ storageState: storageStateOf("marketer") });
  try {
    const page = await context.newPage();
    // A campaign on the demo Page with one subscriber (the sandbox person opens the link and taps Notify Me).
    const channels = await api<{ data: { id: string; pageId: string }[] }>(page.request, "demo", "GET", "/channels");
    const channel = channels.data.find((c) => c.pageId === DEMO_PAGE)!;
    const campaign = await api<{ id: string; shareLink: string }>(page.request, "demo", "POST", "/campaigns", {
      name: `Reports restock ${tag}`,
      channelId: channel.id,
      invitation: { type: "text", text: "Want to know when it's back? 想在到货时收到通知吗？" },
      requestTitle: "Restock alert",
      content: { type: "text", text: "It's back! 到货啦！" },
    });
    const ref = new URL(campaign.shareLink).searchParams.get("ref")!;
    const tapped = await request.post(`${SANDBOX_URL}/_sandbox/api/pages/${DEMO_PAGE}/bulk/open-link-and-notify-me`, { data: { count: 1, ref, waitMs: 20_000 } });
    expect(tapped.ok()).toBeTruthy();

    await page.goto(`/o/demo/reports`);
    await expect(page).toHaveURL(/\/reports\/campaigns/);
    await hydrated(page);
    await expect(page.getByRole("navigation", { name: "Reports" }).getByRole("link")).toHaveText(["Campaigns"]);

    // From the campaign's page to its report.
    await page.goto(`/o/demo/campaigns/${campaign.id}`);
    await page.getByTestId("campaign-report-link").click();
    await expect(page).toHaveURL(new RegExp(`campaignIds=${campaign.id}`));
    const row = page.getByTestId("campaign-row");
    await expect(row).toHaveCount(1);
    await expect(row).toContainText(`Reports restock ${tag}`);
    // Link clicks, requests sent, requests skipped, subscribers: one person clicked, was asked and subscribed.
    await expect(row.locator("td").nth(5)).toHaveText("1");
    await expect(page.getByTestId("campaign-funnel")).toContainText(`Reports restock ${tag}`);
    await page.getByTestId("campaign-funnel").getByRole("button", { name: /Table view/ }).click();
    await expect(page.getByTestId("campaign-funnel").getByTestId("chart-row").nth(2).locator("td").nth(1)).toHaveText("1");
    await expectAccessible(page, "reports campaigns (marketer)");

    // The service report is not theirs.
    await page.goto(`/o/demo/reports/service`);
    await expect(page.getByTestId("service-report")).toHaveCount(0);
  } finally {
    await context.close();
  }
});
