import { randomInt } from "node:crypto";
import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import { api, APP_URL, control, hydrated, SANDBOX_URL } from "./helpers";
import { ownerOrg, storageStateOf } from "./personas";

/**
 * Marketing Messages setup (issue 17, point 3): the owner gives the channel its ad account and the channel page
 * offers Marketing Messages; "Import subscribers from Meta" brings Meta's token list into the ledger (a person
 * whose opt-in the webhook already stored counts as already known); the contact panel unsubscribes a person
 * from marketing after a confirmation.
 */
const digits = (n: number) => Array.from({ length: n }, () => randomInt(10)).join("");
const TOPIC = "Weekly deals";
const AD_ACCOUNT = "6000000000000006";

async function connectedChannel(owner: Page, request: APIRequestContext, tag: string) {
  const { slug } = ownerOrg();
  const app = await control<{ id: string; secret: string }>(request, "POST", "/apps", { name: `E2E marketing app ${tag}`, secret: `e2e-marketing-${tag}` });
  await control(request, "PUT", `/apps/${app.id}/permissions`, { marketingMessages: true, adsManagement: true });
  // The audience starts in the EU, where a person can still opt in to a recurring topic.
  const fbPage = await control<{ id: string; accessToken: string }>(request, "POST", "/pages", { appId: app.id, name: `Marketing Page ${tag}`, region: "EU", businessCountry: "FR" });
  const group = await api<{ id: string }>(owner.request, slug, "POST", "/skill-groups", { name: `Marketing ${tag}` });
  const channel = await api<{ id: string }>(owner.request, slug, "POST", "/channels", { name: `Marketing shop ${tag}`, pageId: fbPage.id, pageAccessToken: fbPage.accessToken, appId: app.id, appSecret: app.secret, skillGroupId: group.id });
  const { verifyToken } = await api<{ verifyToken: string }>(owner.request, slug, "POST", `/channels/${channel.id}/verify-token`);
  await control(request, "PUT", `/apps/${app.id}/webhook`, { callbackUrl: `${APP_URL}/facebook/webhook/${fbPage.id}`, verifyToken });
  return { slug, pageId: fbPage.id, pageAccessToken: fbPage.accessToken, channelId: channel.id };
}

async function registerTopic(request: APIRequestContext, pageId: string, pageAccessToken: string) {
  const admin = await control<{ psid: string }>(request, "POST", `/pages/${pageId}/admin-user`);
  const sent = await request.post(`${SANDBOX_URL}/v21.0/me/messages?access_token=${encodeURIComponent(pageAccessToken)}`, {
    data: { recipient: { id: admin.psid }, message: { attachment: { type: "template", payload: { template_type: "notification_messages", title: TOPIC, payload: "deals", notification_messages_frequency: "WEEKLY" } } } },
  });
  expect(sent.status(), await sent.text()).toBe(200);
  await control(request, "POST", `/users/${admin.psid}/notification-optin`, {});
}

test.use({ storageState: storageStateOf("owner") });

test("ad account, import of subscribers from Meta, and an unsubscribe from the contact panel", async ({ page: owner, request }) => {
  test.setTimeout(180_000);
  const tag = digits(6);
  const { slug, pageId, pageAccessToken, channelId } = await connectedChannel(owner, request, tag);

  // A person opts in through the webhook (stored as a recurring permission), then the Page's audience moves to the US.
  await registerTopic(request, pageId, pageAccessToken);
  const person = await control<{ psid: string }>(request, "POST", `/pages/${pageId}/users`, { firstName: "Lucas", lastName: `Marketing ${tag}` });
  await control(request, "POST", `/users/${person.psid}/rn-link`, { topic: TOPIC, cadence: "weekly", timezone: "America/Sao_Paulo" });
  await control(request, "PUT", `/pages/${pageId}/region`, { region: "US", businessCountry: "US" });
  await control(request, "POST", `/pages/${pageId}/bulk/subscription-tokens`, { count: 1500, title: "Deals", includeTokens: false });

  await owner.goto(`/o/${slug}/channels/${channelId}`);
  await hydrated(owner);
  const panel = owner.getByTestId("messaging-panel");
  await panel.getByLabel("Audience region").selectOption("US");
  await panel.getByLabel("Business country (ISO code)").fill("us");
  await panel.getByRole("button", { name: "Save" }).click();
  await expect(panel).toContainText("Saved.");
  await expect(panel.locator('[data-kind="marketing"]')).toContainText("set this Page's ad account first");
  await expect(panel.getByTestId("token-import-button")).toBeDisabled();

  await panel.getByLabel("Ad account (for marketing messages)").fill(`act_${AD_ACCOUNT}`);
  await panel.getByRole("button", { name: "Save" }).click();
  await expect(panel.locator('[data-kind="marketing"]')).toHaveAttribute("data-available", "true");
  expect(await api(owner.request, slug, "GET", `/channels/${channelId}`)).toMatchObject({ adAccountId: AD_ACCOUNT });

  await panel.getByTestId("token-import-button").click();
  await expect(panel).toContainText("Import started.");
  await expect(async () => {
    await owner.reload();
    await expect(owner.getByTestId("token-import-status")).toHaveAttribute("data-state", "completed", { timeout: 2_000 });
  }).toPass({ timeout: 60_000 });
  // The opt-ins the webhook stored (the person's, and the admin's that registered the topic) are already known.
  const status = (await owner.getByTestId("token-import-status").textContent()) ?? "";
  const [, listed, known] = /(\d+) listed by Meta, 1500 new, (\d+) already known\./.exec(status) ?? [];
  expect(Number(known), status).toBeGreaterThanOrEqual(1);
  expect(Number(listed)).toBe(1500 + Number(known));
  await expect(owner.getByTestId("permission-counts-marketing")).toHaveText("1500 active · 0 stopped · 0 expired");

  // The person's conversation (made by the opt-in): unsubscribe from marketing, after a confirmation.
  await owner.goto(`/o/${slug}/conversations`);
  const row = owner.locator(`[data-testid="conversation-row"][data-psid="${person.psid}"]`);
  await expect(row).toBeVisible({ timeout: 20_000 });
  await row.getByRole("link").click();
  const permissions = owner.getByTestId("contact-permissions");
  await expect(permissions.locator('[data-kind="recurring"]')).toHaveAttribute("data-status", "active");
  await owner.getByTestId("unsubscribe-marketing").click();
  const dialog = owner.getByRole("dialog");
  await expect(dialog).toContainText("Meta stops their subscription tokens");
  await dialog.getByRole("button", { name: "Unsubscribe from marketing" }).click();
  await expect(owner.getByText("Unsubscribed: 1 permissions stopped.")).toBeVisible();
  await expect(permissions.locator('[data-kind="recurring"]')).toHaveAttribute("data-status", "stopped");
  await expect(owner.getByTestId("unsubscribe-marketing")).toHaveCount(0);
  // Meta stopped the person's token: it is no longer listed.
  const tokenList = await request.get(`${SANDBOX_URL}/v21.0/${pageId}/notification_message_tokens?limit=1000&access_token=${encodeURIComponent(pageAccessToken)}`);
  const body = (await tokenList.json()) as { data: { recipient_id: string }[] };
  expect(body.data.map((t) => t.recipient_id)).not.toContain(person.psid);
});
