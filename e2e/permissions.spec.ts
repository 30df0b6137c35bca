import { randomInt } from "node:crypto";
import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import { api, APP_URL, control, hydrated, SANDBOX_URL } from "./helpers";
import { ownerOrg, storageStateOf } from "./personas";

/**
 * Permissions to message (issue 17, first part): the owner says where a Page's audience is and the channel page
 * says what it may offer, and why not; a person opts in to a recurring topic in Messenger (the sandbox), and the
 * conversation's contact panel lists the permission, then shows it stopped when the person stops it.
 */
const digits = (n: number) => Array.from({ length: n }, () => randomInt(10)).join("");
const TOPIC = "Weekly deals";

/** A new sandbox Page connected as a channel, its webhook pointed at the app. */
async function connectedChannel(owner: Page, request: APIRequestContext, tag: string) {
  const { slug } = ownerOrg();
  const app = await control<{ id: string; secret: string }>(request, "POST", "/apps", { name: `E2E ledger app ${tag}`, secret: `e2e-ledger-${tag}` });
  const fbPage = await control<{ id: string; accessToken: string }>(request, "POST", "/pages", { appId: app.id, name: `Ledger Page ${tag}`, region: "EU", businessCountry: "FR" });
  const group = await api<{ id: string }>(owner.request, slug, "POST", "/skill-groups", { name: `Ledger ${tag}` });
  const channel = await api<{ id: string }>(owner.request, slug, "POST", "/channels", { name: `Ledger shop ${tag}`, pageId: fbPage.id, pageAccessToken: fbPage.accessToken, appId: app.id, appSecret: app.secret, skillGroupId: group.id });
  const { verifyToken } = await api<{ verifyToken: string }>(owner.request, slug, "POST", `/channels/${channel.id}/verify-token`);
  await control(request, "PUT", `/apps/${app.id}/webhook`, { callbackUrl: `${APP_URL}/facebook/webhook/${fbPage.id}`, verifyToken });
  return { slug, pageId: fbPage.id, pageAccessToken: fbPage.accessToken, channelId: channel.id };
}

/** The Page's admin asks themselves for the topic and opts in: Meta registers it for the Page. */
async function registerTopic(request: APIRequestContext, pageId: string, pageAccessToken: string) {
  const admin = await control<{ psid: string }>(request, "POST", `/pages/${pageId}/admin-user`);
  const sent = await request.post(`${SANDBOX_URL}/v21.0/me/messages?access_token=${encodeURIComponent(pageAccessToken)}`, {
    data: { recipient: { id: admin.psid }, message: { attachment: { type: "template", payload: { template_type: "notification_messages", title: TOPIC, payload: "deals", notification_messages_frequency: "WEEKLY" } } } },
  });
  expect(sent.status(), await sent.text()).toBe(200);
  await control(request, "POST", `/users/${admin.psid}/notification-optin`, {});
}

test.use({ storageState: storageStateOf("owner") });

test("the channel page offers what the region allows; a recurring opt-in shows in the contact panel, then stopped", async ({ page: owner, request }) => {
  test.setTimeout(150_000);
  const tag = digits(6);
  const { slug, pageId, pageAccessToken, channelId } = await connectedChannel(owner, request, tag);

  await owner.goto(`/o/${slug}/channels/${channelId}`);
  await hydrated(owner);
  const panel = owner.getByTestId("messaging-panel");
  // Not set yet: neither kind is offered, and the panel says why.
  await expect(panel.locator('[data-kind="recurring"]')).toContainText("Set the Page's audience region first.");
  await panel.getByLabel("Audience region").selectOption("EU");
  await panel.getByLabel("Business country (ISO code)").fill("fr");
  await panel.getByRole("button", { name: "Save" }).click();
  await expect(panel).toContainText("Saved.");
  await expect(panel.locator('[data-kind="recurring"]')).toHaveAttribute("data-available", "true");
  await expect(panel.locator('[data-kind="marketing"]')).toHaveAttribute("data-available", "false");
  await expect(panel.locator('[data-kind="marketing"]')).toContainText("Meta does not deliver marketing messages to people in the EU");
  expect(await api(owner.request, slug, "GET", `/channels/${channelId}`)).toMatchObject({ messagingRegion: "EU", businessCountry: "FR" });

  // A person opens m.me/rn for the topic and taps Allow.
  await registerTopic(request, pageId, pageAccessToken);
  const person = await control<{ psid: string }>(request, "POST", `/pages/${pageId}/users`, { firstName: "Léa", lastName: `Ledger ${tag}` });
  const { token } = await control<{ token: string }>(request, "POST", `/users/${person.psid}/rn-link`, { topic: TOPIC, cadence: "weekly", timezone: "Europe/Paris" });

  await owner.goto(`/o/${slug}/conversations`);
  const row = owner.locator(`[data-testid="conversation-row"][data-psid="${person.psid}"]`);
  await expect(row).toBeVisible({ timeout: 20_000 });
  await row.getByRole("link").click();
  const permissions = owner.getByTestId("contact-permissions");
  await expect(permissions).toContainText(TOPIC);
  await expect(permissions.locator('[data-kind="recurring"]')).toHaveAttribute("data-status", "active");
  await expect(permissions).toContainText("Recurring notifications · weekly");

  // The person stops the topic in Messenger: the permission is stopped, not a new one.
  await control(request, "POST", `/users/${person.psid}/notifications/stop`, { token });
  await expect(async () => {
    await owner.reload();
    await expect(owner.getByTestId("contact-permissions").locator('[data-kind="recurring"]')).toHaveAttribute("data-status", "stopped", { timeout: 2_000 });
  }).toPass({ timeout: 20_000 });
  await expect(owner.getByTestId("contact-permissions").locator("li")).toHaveCount(1);
  // The token itself never reaches the browser.
  expect(await owner.content()).not.toContain(token);
});
