import { randomInt } from "node:crypto";
import { expect, test } from "@playwright/test";
import { api, APP_URL, control, hydrated } from "./helpers";
import { storageStateOf } from "./personas";
import { connectSandboxChannel, pageMessagesTo } from "./sandbox-channel";

/**
 * The satisfaction survey (issue 16), as its "done when" says: the owner turns the survey on in the channel
 * page; a person writes, the online agent resolves the conversation; the Page asks for a rating with the quick
 * replies 1 to 5, the person taps 4, then "No thanks"; the conversation stays resolved and shows the rating
 * beside the thread, in English and in Chinese.
 */
const digits = (n: number) => Array.from({ length: n }, () => randomInt(10)).join("");

test.use({ storageState: storageStateOf("owner") });

test("an agent resolves, the person rates 4 in Messenger, and the conversation and the service report show it", async ({ page: owner, browser, request }) => {
  test.setTimeout(180_000);
  const tag = digits(6);
  const { slug, pageId, channelId } = await connectSandboxChannel(owner, request, { tag, label: "Survey", agents: ["Andy Agent"] });

  // The owner turns the survey on in the channel page, with a thanks of their own.
  await owner.goto(`/o/${slug}/channels/${channelId}`);
  await hydrated(owner);
  const panel = owner.getByTestId("csat-panel");
  await panel.getByLabel("Ask for a rating when a conversation is resolved").check();
  await panel.getByRole("group", { name: "English" }).getByLabel("Thanks", { exact: true }).fill(`Thanks, see you soon ${tag}`);
  await panel.getByRole("button", { name: "Save survey" }).click();
  await expect(panel).toContainText("Survey saved.");
  expect(await api(owner.request, slug, "GET", `/channels/${channelId}/csat`)).toMatchObject({ enabled: true, texts: { en: { thanks: `Thanks, see you soon ${tag}` } } });

  const andyContext = await browser.newContext({ storageState: storageStateOf("agent") });
  try {
    const andy = await andyContext.newPage();
    await andy.goto(`/o/${slug}/conversations`);
    await hydrated(andy);
    await andy.getByTestId("presence-control").selectOption("online");
    await expect(andy.getByTestId("presence-control")).toHaveValue("online");

    const person = await control<{ psid: string }>(request, "POST", `/pages/${pageId}/users`, { firstName: "Rae", lastName: `S${tag}` });
    await control(request, "POST", `/users/${person.psid}/messages`, { text: `My order arrived broken ${tag}` });
    // Andy opens the person's conversation (found by its words: other specs leave him pop-ups of their own).
    let conversationId: string | undefined;
    await expect
      .poll(async () => (conversationId = (await api<{ data: { id: string }[] }>(owner.request, slug, "GET", `/conversations?q=${encodeURIComponent(`broken ${tag}`)}`)).data[0]?.id), { timeout: 30_000 })
      .toBeTruthy();
    await andy.goto(`/o/${slug}/conversations/${conversationId}`);
    await hydrated(andy);
    await expect(andy.getByTestId("conversation-title")).toContainText(`Rae S${tag}`);
    await andy.getByRole("button", { name: "Resolve" }).click();
    await expect(andy.getByTestId("desk-actions")).toContainText("Resolved");

    // Messenger shows the question with 1..5; the person taps 4, then "No thanks".
    await expect.poll(async () => (await pageMessagesTo(request, person.psid)).at(-1)?.quick_replies?.map((q) => q.title), { timeout: 30_000 }).toEqual(["1", "2", "3", "4", "5"]);
    await control(request, "POST", `/users/${person.psid}/quick-reply`, { payload: "CSAT_RATING_4" });
    await expect.poll(async () => (await pageMessagesTo(request, person.psid)).at(-1)?.quick_replies?.map((q) => q.title), { timeout: 30_000 }).toEqual(["No thanks"]);
    await control(request, "POST", `/users/${person.psid}/quick-reply`, { payload: "CSAT_NO_THANKS" });
    await expect.poll(async () => (await pageMessagesTo(request, person.psid)).at(-1)?.text, { timeout: 30_000 }).toBe(`Thanks, see you soon ${tag}`);

    // The agent sees the rating beside the thread, live; the answers did not reopen the conversation.
    await expect(andy.getByTestId("contact-satisfaction")).toContainText("Rated 4 / 5", { timeout: 30_000 });
    await expect(andy.getByTestId("desk-actions")).toContainText("Resolved");

    // The owner's service report for today, on this channel, counts the rating for the agent who resolved it.
    await owner.goto(`/o/${slug}/reports/service?preset=today&channelId=${channelId}`);
    await hydrated(owner);
    await expect(owner.getByTestId("csat-average")).toHaveText("4.00");
    await expect(owner.getByTestId("csat-rated")).toHaveText("1");
    await expect(owner.getByTestId("csat-asked")).toHaveText("1");
    await expect(owner.getByTestId("agents").getByTestId("breakdown-row").filter({ hasText: "4.00" })).toHaveCount(1);

    // In Chinese too.
    const conversationUrl = andy.url();
    await andyContext.addCookies([{ name: "md-locale", value: "zh-CN", url: APP_URL }]);
    await andy.goto(conversationUrl);
    await expect(andy.getByTestId("contact-satisfaction")).toContainText("评分 4 / 5");
    await expect(andy.getByRole("heading", { name: "满意度" })).toBeVisible();
  } finally {
    await andyContext.close();
  }
});
