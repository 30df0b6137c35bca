import { randomInt } from "node:crypto";
import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import { hydrated, control, api } from "./helpers";
import { ownerOrg, storageStateOf } from "./personas";

/**
 * The agent desk (issue 13), as its "done when" says: two agents in two browsers and the sandbox. A person
 * writes to a Page; the conversation is assigned to the online agent of the channel's skill group and pops up;
 * the agent replies with a text and a photo, which the person sees; delivered and read show; the agent
 * transfers it with a memo to the second agent, who resolves it; the person writes again and it reopens.
 * Then Meta's windows: 25 hours after the person's last message the reply goes with HUMAN_AGENT (the channel
 * has Meta's permission) or the composer is disabled (it has not); at 8 days it is disabled and a forced send
 * is refused (409) with no call to Meta.
 */
const APP_URL = process.env.APP_URL ?? "http://127.0.0.1:3100";
const HOUR = 3_600_000;
const PNG = Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==", "base64");
const digits = (n: number) => Array.from({ length: n }, () => randomInt(10)).join("");

/** A sandbox Page connected as a channel of a new skill group, with the persona agents in it. */
async function deskChannel(owner: Page, request: APIRequestContext, tag: string, agents: string[]) {
  const { slug } = ownerOrg();
  const app = await control<{ id: string; secret: string }>(request, "POST", "/apps", { name: `E2E desk app ${tag}`, secret: `e2e-desk-${tag}`, humanAgentPermission: true });
  const fbPage = await control<{ id: string; accessToken: string }>(request, "POST", "/pages", { appId: app.id, name: `Desk Page ${tag}` });
  const group = await api<{ id: string }>(owner.request, slug, "POST", "/skill-groups", { name: `Desk ${tag}` });
  const members = await api<{ data: { id: string; name: string }[] }>(owner.request, slug, "GET", "/members?limit=100");
  for (const name of agents) {
    const member = members.data.find((m) => m.name === name);
    expect(member, `${name} is a member`).toBeDefined();
    await api(owner.request, slug, "POST", `/skill-groups/${group.id}/members`, { membershipId: member!.id });
  }
  const channel = await api<{ id: string }>(owner.request, slug, "POST", "/channels", {
    name: `Desk shop ${tag}`,
    pageId: fbPage.id,
    pageAccessToken: fbPage.accessToken,
    appId: app.id,
    appSecret: app.secret,
    skillGroupId: group.id,
    humanAgentEnabled: true,
  });
  await api(owner.request, slug, "POST", `/channels/${channel.id}/check`);
  const { verifyToken } = await api<{ verifyToken: string }>(owner.request, slug, "POST", `/channels/${channel.id}/verify-token`);
  await control(request, "PUT", `/apps/${app.id}/webhook`, { callbackUrl: `${APP_URL}/facebook/webhook/${fbPage.id}`, verifyToken });
  return { slug, pageId: fbPage.id, channelId: channel.id, groupId: group.id };
}

async function setPresence(page: Page, slug: string, status: "online" | "offline") {
  await page.goto(`/o/${slug}/conversations`);
  await hydrated(page);
  await page.getByTestId("presence-control").selectOption(status);
  await expect(page.getByTestId("presence-control")).toHaveValue(status);
}

test.use({ storageState: storageStateOf("owner") });

test("a conversation reaches the online agent, is answered with a text and a photo, transferred with a memo, resolved, and reopened", async ({ page: owner, browser, request }) => {
  test.setTimeout(180_000);
  const tag = digits(6);
  const { slug, pageId } = await deskChannel(owner, request, tag, ["Andy Agent", "Bea Backup"]);
  const andyContext = await browser.newContext({ storageState: storageStateOf("agent") });
  const beaContext = await browser.newContext({ storageState: storageStateOf("agent2") });
  try {
    const andy = await andyContext.newPage();
    const bea = await beaContext.newPage();
    await setPresence(andy, slug, "online");
    await setPresence(bea, slug, "offline");

    // The person writes; the only online agent of the group gets it, live, with a pop-up.
    const person = await control<{ psid: string }>(request, "POST", `/pages/${pageId}/users`, { firstName: "Lin", lastName: `D${tag}` });
    await control(request, "POST", `/users/${person.psid}/messages`, { text: `Is the blue one in stock? ${tag}` });
    const popup = andy.getByTestId("desk-popups").getByRole("link");
    await expect(popup).toBeVisible({ timeout: 30_000 });
    await popup.click();
    await expect(andy.getByTestId("conversation-title")).toContainText(`Lin D${tag}`);
    await expect(andy.getByTestId("desk-assignee")).toContainText("Andy Agent");

    // A text, then a photo.
    await andy.getByTestId("reply-text").fill(`Yes, it ships today ${tag}`);
    await andy.getByTestId("reply-text").press("Enter");
    // Meta took it (the composer sends one thing at a time).
    await expect(andy.locator('[data-testid="message"][data-source="app"]').filter({ hasText: `it ships today ${tag}` }).getByTestId("receipt")).toHaveAttribute("data-state", /^(sent|delivered|read)$/);
    await andy.getByTestId("attach-input").setInputFiles({ name: "blue.png", mimeType: "image/png", buffer: PNG });
    await expect(andy.getByTestId("composer-attachment")).toContainText("blue.png");
    await expect(andy.getByTestId("composer-attachment")).not.toContainText("…", { timeout: 20_000 });
    await andy.getByRole("button", { name: "Send", exact: true }).click();
    await expect(andy.getByTestId("composer-attachment")).toHaveCount(0);
    // The person sees both in Messenger (the sandbox's thread).
    await expect
      .poll(async () => {
        const thread = await control<{ data: { direction: string; message?: { text?: string; attachment?: { type?: string } } }[] }>(request, "GET", `/users/${person.psid}/thread`);
        const fromPage = thread.data.filter((m) => m.direction === "out");
        return [fromPage.some((m) => m.message?.text === `Yes, it ships today ${tag}`), fromPage.some((m) => m.message?.attachment?.type === "image")];
      }, { timeout: 20_000 })
      .toEqual([true, true]);
    // Messenger reports delivery, then the person reads: the replies show it.
    await control(request, "POST", `/users/${person.psid}/delivered`);
    await control(request, "POST", `/users/${person.psid}/read`);
    await expect(andy.locator('[data-testid="message"][data-source="app"]').first().getByTestId("receipt")).toContainText("Read", { timeout: 20_000 });

    // Transfer to Bea with a memo; Bea is told, with the memo, and resolves it.
    await setPresence(bea, slug, "online");
    await andy.getByRole("button", { name: "Transfer…" }).click();
    const dialog = andy.getByRole("dialog");
    await dialog.getByLabel("Agent", { exact: true }).selectOption({ label: await agentOption(dialog, "Bea Backup") });
    await dialog.getByLabel("Memo for the next agent").fill(`VIP, wants the blue one ${tag}`);
    await dialog.getByRole("button", { name: "Transfer", exact: true }).click();
    await expect(andy.getByTestId("desk-assignee")).toContainText("Bea Backup");
    await expect(bea.getByTestId("desk-popups")).toContainText(`VIP, wants the blue one ${tag}`, { timeout: 30_000 });
    await bea.getByTestId("desk-popups").getByRole("link").click();
    await expect(bea.getByTestId("conversation-title")).toContainText(`Lin D${tag}`);
    await expect(bea.getByTestId("activity").filter({ hasText: `VIP, wants the blue one ${tag}` })).toBeVisible();
    await bea.getByRole("button", { name: "Resolve" }).click();
    await expect(bea.getByTestId("desk-actions")).toContainText("Resolved");

    // The person writes again: it reopens, back with Bea (sticky: the last agent, online).
    await control(request, "POST", `/users/${person.psid}/messages`, { text: `One more question ${tag}` });
    await expect(bea.getByTestId("desk-actions")).toContainText("Open", { timeout: 30_000 });
    await expect(bea.getByTestId("desk-assignee")).toContainText("Bea Backup");
  } finally {
    await andyContext.close();
    await beaContext.close();
  }
});

/** The label of the option naming `name` in the dialog's agent select ("Bea Backup · online · 0/5"). */
async function agentOption(dialog: ReturnType<Page["getByRole"]>, name: string): Promise<string> {
  const labels = await dialog.getByLabel("Agent", { exact: true }).locator("option").allTextContents();
  const label = labels.find((l) => l.includes(name));
  expect(label, `an option for ${name} among ${labels.join(" | ")}`).toBeDefined();
  return label!;
}

test("Meta's windows: HUMAN_AGENT after 24 hours with the permission, disabled without it, and refused at 8 days with no call to Meta", async ({ page: owner, request }) => {
  test.setTimeout(150_000);
  const tag = digits(6);
  const { slug, pageId, channelId } = await deskChannel(owner, request, tag, []);
  // A person who wrote 25 hours ago and one who wrote 8 days ago, as the sandbox's (and so Meta's) clock had it.
  const wroteAgo = async (name: string, ms: number) => {
    const person = await control<{ psid: string }>(request, "POST", `/pages/${pageId}/users`, { firstName: name, lastName: tag });
    await control(request, "POST", "/clock", { advanceMs: -ms });
    try {
      await control(request, "POST", `/users/${person.psid}/messages`, { text: `Hello from ${name} ${tag}` });
    } finally {
      await control(request, "POST", "/clock/reset");
    }
    return person.psid;
  };
  const yesterday = await wroteAgo("Yesterday", 25 * HOUR);
  const lastWeek = await wroteAgo("LastWeek", 8 * 24 * HOUR);

  const open = async (psid: string) => {
    await owner.goto(`/o/${slug}/conversations`);
    const row = owner.locator(`[data-testid="conversation-row"][data-psid="${psid}"]`);
    await expect(row).toBeVisible({ timeout: 30_000 });
    await row.getByRole("link").click();
    await expect(owner.getByTestId("composer-rule")).toBeVisible();
    return owner.url().split("/").pop()!;
  };

  // 25 hours, the channel has Meta's permission: the reply goes with the Human Agent tag.
  await open(yesterday);
  await expect(owner.getByTestId("composer-rule")).toContainText("Human Agent");
  await owner.getByTestId("reply-text").fill(`Sorry for the wait ${tag}`);
  await owner.getByTestId("reply-text").press("Enter");
  await expect
    .poll(async () => (await control<{ data: { tag: string | null; ok: boolean }[] }>(request, "GET", `/send-calls?psid=${yesterday}&kind=text&ok=true`)).data.map((c) => c.tag), { timeout: 20_000 })
    .toContain("HUMAN_AGENT");

  // Without the permission: disabled, with the reason.
  await api(owner.request, slug, "PATCH", `/channels/${channelId}`, { humanAgentEnabled: false });
  await owner.reload();
  await expect(owner.getByTestId("composer-rule")).toContainText("Human Agent permission");
  await expect(owner.getByTestId("reply-text")).toBeDisabled();

  // 8 days: disabled, and a forced send answers 409 with the rule and makes no call to Meta.
  await api(owner.request, slug, "PATCH", `/channels/${channelId}`, { humanAgentEnabled: true });
  const conversationId = await open(lastWeek);
  await expect(owner.getByTestId("reply-text")).toBeDisabled();
  const forced = await owner.request.fetch(`/api/v1/conversations/${conversationId}/messages`, {
    method: "POST",
    data: { text: "Are you still there?" },
    headers: { "x-org-slug": slug, origin: APP_URL, "content-type": "application/json" },
  });
  expect(forced.status()).toBe(409);
  expect((await forced.json()).error.message).toMatch(/7 days/);
  expect((await control<{ total: number }>(request, "GET", `/send-calls/count?psid=${lastWeek}`)).total).toBe(0);
});
