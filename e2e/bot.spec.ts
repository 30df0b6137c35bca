import { randomInt } from "node:crypto";
import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import { api, control, hydrated } from "./helpers";
import { storageStateOf } from "./personas";
import { connectSandboxChannel, pageMessagesTo } from "./sandbox-channel";

/**
 * The FAQ bot (issue 15), as its "done when" says, in Chinese and in English: a person asks a question phrased
 * differently from the knowledge base's entry and gets the answer with the "was this helpful" buttons; a
 * question the knowledge base cannot answer outright gets suggestions; "转人工" / "talk to a human" puts the
 * conversation in the skill group's queue, it is assigned to the online agent, who sees the bot's transcript,
 * and the bot says nothing more.
 */
const digits = (n: number) => Array.from({ length: n }, () => randomInt(10)).join("");
const HELPFUL_YES = "MD_BOT_HELPFUL_YES";
const FAQ_PREFIX = "MD_BOT_FAQ:";

/** A sandbox Page connected as a channel of a new skill group with the agent persona in it, its bot first. */
async function botChannel(owner: Page, request: APIRequestContext, tag: string) {
  const { slug, pageId, channelId } = await connectSandboxChannel(owner, request, { tag, label: "Bot", agents: ["Andy Agent"] });
  // The knowledge base: entries of this channel only, so other specs' entries of the organisation stay apart.
  const faq = (language: "zh-CN" | "en", question: string, alternatives: string[], text: string) =>
    api(owner.request, slug, "POST", "/faqs", { language, question, alternatives, answer: { kind: "text", text }, channelIds: [channelId] });
  await faq("zh-CN", "包邮吗？", ["运费怎么算", "免运费吗"], `满 99 元包邮，不满收 10 元运费。${tag}`);
  await faq("zh-CN", "怎么退货？", ["退货流程", "可以退货吗"], `收货 7 天内可在订单页申请退货。${tag}`);
  await faq("zh-CN", "多久发货？", ["什么时候发货", "下单后几天发货"], `下单后 48 小时内发货。${tag}`);
  await faq("en", "Where is my package?", ["track my order", "order tracking"], `Track it under My orders → Track. ${tag}`);
  await faq("en", "Do you ship to Spain?", ["international shipping countries"], `We ship to every EU country, Spain included. ${tag}`);
  await faq("en", "How do I return an item?", ["return policy", "refund for a return"], `Start a return within 30 days from My orders. ${tag}`);
  await api(owner.request, slug, "PUT", `/bot/configs/channels/${channelId}`, { mode: "bot_first", maxMisses: 3 });
  return { slug, pageId };
}

test.use({ storageState: storageStateOf("owner") });

test("the bot answers paraphrases, suggests when unsure, and hands over to the online agent with its transcript, in Chinese and English", async ({ page: owner, browser, request }) => {
  test.setTimeout(240_000);
  const tag = digits(6);
  const { slug, pageId } = await botChannel(owner, request, tag);
  const andyContext = await browser.newContext({ storageState: storageStateOf("agent") });
  try {
    const andy = await andyContext.newPage();
    await andy.goto(`/o/${slug}/conversations`);
    await hydrated(andy);
    await andy.getByTestId("presence-control").selectOption("online");
    await expect(andy.getByTestId("presence-control")).toHaveValue("online");

    const cases = [
      {
        name: "Mei",
        paraphrase: "请问你们免运费吗",
        answer: `满 99 元包邮，不满收 10 元运费。${tag}`,
        unsure: "退货的运费谁出",
        human: "转人工",
        ack: "好的，正在为您转接人工客服，请稍候。",
        after: "还在吗？",
      },
      {
        name: "Sam",
        paraphrase: "where's my parcel? can I track the order",
        answer: `Track it under My orders → Track. ${tag}`,
        unsure: "return shipping cost",
        human: "talk to a human",
        ack: "OK, I'm passing you to a member of our team. Please wait a moment.",
        after: "hello?",
      },
    ];
    for (const c of cases) {
      const person = await control<{ psid: string }>(request, "POST", `/pages/${pageId}/users`, { firstName: c.name, lastName: `B${tag}` });
      const say = (text: string) => control(request, "POST", `/users/${person.psid}/messages`, { text });

      // A paraphrase: the entry's answer, then "was this helpful" with its buttons.
      await say(c.paraphrase);
      await expect.poll(async () => (await pageMessagesTo(request, person.psid)).map((m) => m.text), { timeout: 30_000 }).toContain(c.answer);
      // "Was this helpful" may follow the answer as a message of its own: wait for it rather than read too soon.
      await expect.poll(async () => (await pageMessagesTo(request, person.psid)).at(-1)?.quick_replies?.map((q) => q.payload) ?? [], { timeout: 30_000 }).toContain(HELPFUL_YES);
      const answered = await pageMessagesTo(request, person.psid);

      // Unsure: related questions offered as quick replies.
      const before = answered.length;
      await say(c.unsure);
      await expect
        .poll(async () => (await pageMessagesTo(request, person.psid)).slice(before).some((m) => m.quick_replies?.some((q) => q.payload.startsWith(FAQ_PREFIX))), { timeout: 30_000 })
        .toBe(true);

      // A person, please: the online agent gets it, with the bot's transcript.
      await say(c.human);
      await expect.poll(async () => (await pageMessagesTo(request, person.psid)).at(-1)?.text, { timeout: 30_000 }).toBe(c.ack);
      const handedOver = (await pageMessagesTo(request, person.psid)).length;
      const row = andy.getByTestId("conversation-row").filter({ hasText: `${c.name} B${tag}` });
      await expect(row).toBeVisible({ timeout: 30_000 });
      await row.click();
      await expect(andy.getByTestId("conversation-title")).toContainText(`${c.name} B${tag}`);
      await expect(andy.getByTestId("desk-assignee")).toContainText("Andy Agent");
      await expect(andy.locator('[data-testid="message"][data-source="bot"]').filter({ hasText: c.answer })).toBeVisible();
      await expect(andy.locator('[data-testid="message"][data-source="webhook"]').filter({ hasText: c.paraphrase })).toBeVisible();
      await expect(andy.getByTestId("activity").filter({ hasText: "The bot handed over to the team (the person asked for a human)" })).toBeVisible();

      // The bot is silent from now on: the agent sees the person's next message, the person gets nothing more.
      await say(c.after);
      await expect(andy.locator('[data-testid="message"][data-source="webhook"]').filter({ hasText: c.after })).toBeVisible({ timeout: 30_000 });
      await andy.waitForTimeout(1_000);
      expect(await pageMessagesTo(request, person.psid)).toHaveLength(handedOver);
      await andy.goto(`/o/${slug}/conversations`);
      await hydrated(andy);
    }
  } finally {
    await andyContext.close();
  }
});
