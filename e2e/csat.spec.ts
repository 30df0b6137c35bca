import { randomInt } from "node:crypto";
import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import { api, APP_URL, control, hydrated } from "./helpers";
import { ownerOrg, storageStateOf } from "./personas";

/**
 * The satisfaction survey (issue 16), as its "done when" says: the owner turns the survey on in the channel
 * page; a person writes, the online agent resolves the conversation; the Page asks for a rating with the quick
 * replies 1 to 5, the person taps 4, then "No thanks"; the conversation stays resolved and shows the rating
 * beside the thread, in English and in Chinese.
 */
const digits = (n: number) => Array.from({ length: n }, () => randomInt(10)).join("");

type PageMessage = { text?: string; quick_replies?: { title: string; payload: string }[] };

/** What the Page sent the person, as Messenger shows it (the sandbox's thread). */
async function fromPage(request: APIRequestContext, psid: string): Promise<PageMessage[]> {
  const thread = await control<{ data: { direction: string; message?: PageMessage }[] }>(request, "GET", `/users/${psid}/thread`);
  return thread.data.filter((m) => m.direction === "out" && m.message).map((m) => m.message!);
}

/** A sandbox Page connected as a channel of a new skill group with the agent persona in it. */
async function surveyChannel(owner: Page, request: APIRequestContext, tag: string) {
  const { slug } = ownerOrg();
  const app = await control<{ id: string; secret: string }>(request, "POST", "/apps", { name: `E2E csat app ${tag}`, secret: `e2e-csat-${tag}` });
  const fbPage = await control<{ id: string; accessToken: string }>(request, "POST", "/pages", { appId: app.id, name: `Survey Page ${tag}` });
  const group = await api<{ id: string }>(owner.request, slug, "POST", "/skill-groups", { name: `Survey ${tag}` });
  const members = await api<{ data: { id: string; name: string }[] }>(owner.request, slug, "GET", "/members?limit=100");
  const andy = members.data.find((m) => m.name === "Andy Agent");
  expect(andy, "Andy Agent is a member").toBeDefined();
  await api(owner.request, slug, "POST", `/skill-groups/${group.id}/members`, { membershipId: andy!.id });
  const channel = await api<{ id: string }>(owner.request, slug, "POST", "/channels", { name: `Survey shop ${tag}`, pageId: fbPage.id, pageAccessToken: fbPage.accessToken, appId: app.id, appSecret: app.secret, skillGroupId: group.id });
  await api(owner.request, slug, "POST", `/channels/${channel.id}/check`);
  const { verifyToken } = await api<{ verifyToken: string }>(owner.request, slug, "POST", `/channels/${channel.id}/verify-token`);
  await control(request, "PUT", `/apps/${app.id}/webhook`, { callbackUrl: `${APP_URL}/facebook/webhook/${fbPage.id}`, verifyToken });
  return { slug, pageId: fbPage.id, channelId: channel.id };
}

test.use({ storageState: storageStateOf("owner") });

test("an agent resolves, the person rates 4 in Messenger, and the conversation and the service report show it", async ({ page: owner, browser, request }) => {
  test.setTimeout(180_000);
  const tag = digits(6);
  const { slug, pageId, channelId } = await surveyChannel(owner, request, tag);

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
    await expect.poll(async () => (await fromPage(request, person.psid)).at(-1)?.quick_replies?.map((q) => q.title), { timeout: 30_000 }).toEqual(["1", "2", "3", "4", "5"]);
    await control(request, "POST", `/users/${person.psid}/quick-reply`, { payload: "CSAT_RATING_4" });
    await expect.poll(async () => (await fromPage(request, person.psid)).at(-1)?.quick_replies?.map((q) => q.title), { timeout: 30_000 }).toEqual(["No thanks"]);
    await control(request, "POST", `/users/${person.psid}/quick-reply`, { payload: "CSAT_NO_THANKS" });
    await expect.poll(async () => (await fromPage(request, person.psid)).at(-1)?.text, { timeout: 30_000 }).toBe(`Thanks, see you soon ${tag}`);

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
