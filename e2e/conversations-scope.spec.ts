import { randomInt } from "node:crypto";
import { expect, test } from "@playwright/test";
import { DEMO_OWNER, ownerOrg, storageStateOf } from "./personas";
import { control, api } from "./helpers";

/**
 * Agents see the conversations of their skill groups' channels only (issue 12, section 5). The owner makes
 * two skill groups, puts the agent persona in one, and connects one sandbox Page to each; a person writes to
 * each Page. The agent's list shows the first conversation and not the second, whose direct URL is the 404
 * page; the owner sees both. The agent's row also words a photo as "Photo".
 */
const DEMO_PAGE = "1000000000000001";
const SANDBOX = process.env.SANDBOX_URL ?? "http://127.0.0.1:4010";
const APP_URL = process.env.APP_URL ?? "http://127.0.0.1:3100";

const digits = (n: number) => Array.from({ length: n }, () => randomInt(10)).join("");

test.use({ storageState: storageStateOf("owner") });

test("an agent sees their skill group's conversations and not another group's, whose URL is not found", async ({ page: owner, browser, request }) => {
  test.setTimeout(120_000);
  const { slug } = ownerOrg();
  const tag = digits(6);

  // Meta's side: one app serving two Pages, a person on each.
  const app = await control<{ id: string; secret: string }>(request, "POST", "/apps", { name: `E2E scope app ${tag}`, secret: `e2e-scope-secret-${tag}` });
  const pageA = await control<{ id: string; accessToken: string }>(request, "POST", "/pages", { appId: app.id, name: `Team A Page ${tag}` });
  const pageB = await control<{ id: string; accessToken: string }>(request, "POST", "/pages", { appId: app.id, name: `Team B Page ${tag}` });
  const personA = await control<{ psid: string }>(request, "POST", `/pages/${pageA.id}/users`, { firstName: "Ada", lastName: `A${tag}` });
  const personB = await control<{ psid: string }>(request, "POST", `/pages/${pageB.id}/users`, { firstName: "Bo", lastName: `B${tag}` });

  // Our side, as the owner: two skill groups, the agent in the first, a channel for each Page.
  const groupA = await api<{ id: string }>(owner.request, slug, "POST", "/skill-groups", { name: `Team A ${tag}` });
  const groupB = await api<{ id: string }>(owner.request, slug, "POST", "/skill-groups", { name: `Team B ${tag}` });
  const members = await api<{ data: { id: string; role: string; name: string }[] }>(owner.request, slug, "GET", "/members?limit=100");
  // The agent persona (e2e/personas.setup.ts), not the second agent.
  const agent = members.data.find((m) => m.role === "agent" && m.name === "Andy Agent");
  expect(agent, "the agent persona is a member of the owner's organisation").toBeDefined();
  await api(owner.request, slug, "POST", `/skill-groups/${groupA.id}/members`, { membershipId: agent!.id });
  const connect = async (fbPage: { id: string; accessToken: string }, skillGroupId: string, name: string) => {
    const channel = await api<{ id: string }>(owner.request, slug, "POST", "/channels", { name, pageId: fbPage.id, pageAccessToken: fbPage.accessToken, appId: app.id, appSecret: app.secret, skillGroupId });
    // Checking the connection subscribes the app to the Page's webhook fields.
    await api(owner.request, slug, "POST", `/channels/${channel.id}/check`);
    return channel;
  };
  const channelA = await connect(pageA, groupA.id, `Team A shop ${tag}`);
  await connect(pageB, groupB.id, `Team B shop ${tag}`);
  const { verifyToken } = await api<{ verifyToken: string }>(owner.request, slug, "POST", `/channels/${channelA.id}/verify-token`);
  // One callback URL for the app; events for Page B arrive at it too (platform-facts).
  await control(request, "PUT", `/apps/${app.id}/webhook`, { callbackUrl: `${APP_URL}/facebook/webhook/${pageA.id}`, verifyToken });

  await control(request, "POST", `/users/${personA.psid}/messages`, { text: `Hello team A ${tag}` });
  await control(request, "POST", `/users/${personA.psid}/messages`, { attachment: { type: "image", url: `${SANDBOX}/_sandbox/media/photo.png` } });
  await control(request, "POST", `/users/${personB.psid}/messages`, { text: `Hello team B ${tag}` });

  // The owner sees both conversations; B's address is taken from the owner's list.
  await owner.goto(`/o/${slug}/conversations`);
  const ownerRowA = owner.locator(`[data-testid="conversation-row"][data-psid="${personA.psid}"]`);
  const ownerRowB = owner.locator(`[data-testid="conversation-row"][data-psid="${personB.psid}"]`);
  await expect(ownerRowA).toBeVisible({ timeout: 20_000 });
  await expect(ownerRowB).toBeVisible({ timeout: 20_000 });
  const hrefB = await ownerRowB.getByRole("link").getAttribute("href");
  expect(hrefB).toMatch(new RegExp(`^/o/${slug}/conversations/[0-9a-f-]{36}$`));

  const agentContext = await browser.newContext({ storageState: storageStateOf("agent") });
  try {
    const agentPage = await agentContext.newPage();
    await agentPage.goto(`/o/${slug}/conversations`);
    const rowA = agentPage.locator(`[data-testid="conversation-row"][data-psid="${personA.psid}"]`);
    await expect(rowA).toBeVisible({ timeout: 20_000 });
    await expect(rowA.getByTestId("conversation-preview")).toHaveText("Photo", { timeout: 20_000 });
    await expect(agentPage.locator(`[data-testid="conversation-row"][data-psid="${personB.psid}"]`)).toHaveCount(0);
    // Still absent after the list has polled again.
    await agentPage.waitForTimeout(3_500);
    await expect(agentPage.locator(`[data-testid="conversation-row"][data-psid="${personB.psid}"]`)).toHaveCount(0);

    // Their own conversation opens; the other group's, by its direct address, is not found.
    await rowA.getByRole("link").click();
    await expect(agentPage.getByTestId("message").first()).toContainText(`Hello team A ${tag}`);
    const response = await agentPage.goto(hrefB!);
    expect(response?.status()).toBe(404);
    await expect(agentPage.getByRole("heading", { name: "Page not found" })).toBeVisible();
    await expect(agentPage.getByText(`Hello team B ${tag}`)).toHaveCount(0);
  } finally {
    await agentContext.close();
  }
});

test("the product's own messages show as ours: the invitation, the Notify Me card as the person saw it, the opt-in as a sentence", async ({ browser, request }) => {
  test.setTimeout(120_000);
  const tag = digits(6);
  const context = await browser.newContext({ storageState: storageStateOf("demo") });
  try {
    const page = await context.newPage();
    const channels = await api<{ data: { id: string; pageId: string }[] }>(page.request, DEMO_OWNER.slug, "GET", "/channels?limit=100");
    const demoChannel = channels.data.find((c) => c.pageId === DEMO_PAGE)!;
    // Checking the connection subscribes every field, echoes included: what the Page sends comes back as echoes.
    await api(page.request, DEMO_OWNER.slug, "POST", `/channels/${demoChannel.id}/check`);
    const name = `Spring sale ${tag}`;
    const campaign = await api<{ id: string; ref: string }>(page.request, DEMO_OWNER.slug, "POST", "/campaigns", {
      name,
      channelId: demoChannel.id,
      invitation: { type: "text", text: `Want a heads-up? ${tag}` },
      requestTitle: "Tell me when the sale starts",
      content: { type: "text", text: "It started" },
    });
    const tapped = await control<{ tapped: { psid: string }[]; missing: string[] }>(request, "POST", `/pages/${DEMO_PAGE}/bulk/open-link-and-notify-me`, { count: 1, ref: campaign.ref, waitMs: 20_000 });
    expect(tapped.missing).toEqual([]);
    const psid = tapped.tapped[0].psid;

    await page.goto(`/o/${DEMO_OWNER.slug}/conversations`);
    const row = page.locator(`[data-testid="conversation-row"][data-psid="${psid}"]`);
    await expect(row).toBeVisible({ timeout: 20_000 });
    await row.getByRole("link").click();

    const invitation = page.getByTestId("message").filter({ hasText: `Want a heads-up? ${tag}` });
    await expect(invitation).toHaveAttribute("data-source", "app", { timeout: 20_000 });
    await expect(invitation.getByTestId("app-mark")).toHaveText("Sent by Messenger Desk");
    const card = page.getByTestId("template-card");
    await expect(card).toBeVisible({ timeout: 20_000 });
    await expect(card.getByTestId("template-title")).toHaveText("Tell me when the sale starts");
    await expect(card.getByTestId("template-button")).toHaveText("Notify Me");
    await expect(page.getByTestId("event-sentence").filter({ hasText: `Subscribed to “${name}” via link ${campaign.ref}` })).toBeVisible({ timeout: 20_000 });
    await expect(page.getByTestId("event-sentence").filter({ hasText: `Opened the link ${campaign.ref} of “${name}”` })).toBeVisible();
    // Nothing the product sent is labelled as sent from elsewhere.
    await expect(page.getByTestId("echo-mark")).toHaveCount(0);
  } finally {
    await context.close();
  }
});
