import { randomInt } from "node:crypto";
import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import { api, control, hydrated } from "./helpers";
import { storageStateOf } from "./personas";
import { connectSandboxChannel } from "./sandbox-channel";

/**
 * Recurring topics end to end (issue 17), with the sandbox as Meta: a weekly topic is created on a Page whose
 * audience is in the EU, registered by the Page admin's own Messenger account, and shared as an m.me/rn link; two
 * people opt in and one stops; a weekly campaign "at 10:00 in each subscriber's time zone" reaches exactly the one
 * active subscriber, at 10:xx on their clock; a second campaign within the cadence is held with the reason, and
 * Meta is not called for it.
 */
const digits = (n: number) => Array.from({ length: n }, () => randomInt(10)).join("");

type SendCall = { psid: string | null; at: number; ok: boolean; tokenKind: string | null };

/**
 * A fixed-offset zone where it is 10:xx now (Etc/GMT-N is UTC+N): so "10:00 in the subscriber's time zone" is due at
 * once under the within-the-hour rule, without moving anyone's clock.
 */
function zoneAtTenNow(now = new Date()): string {
  let offset = (10 - now.getUTCHours() + 24) % 24;
  if (offset > 14) offset -= 24;
  return offset === 0 ? "Etc/GMT" : offset > 0 ? `Etc/GMT-${offset}` : `Etc/GMT+${-offset}`;
}

function hourIn(zone: string, at: number): number {
  return Number(new Intl.DateTimeFormat("en-GB", { timeZone: zone, hour: "2-digit", hourCycle: "h23" }).format(new Date(at)));
}

async function notificationSends(request: APIRequestContext, pageId: string): Promise<SendCall[]> {
  const calls = await control<{ data: SendCall[] }>(request, "GET", `/send-calls?pageId=${pageId}&tokenKind=notification_messages&limit=100`);
  return calls.data;
}

/** Creates a recurring campaign to the topic through the new-campaign form, sent at once or saved as a draft, and opens its page. */
async function createWeeklyCampaign(owner: Page, slug: string, channelName: string, topic: string, name: string, text: string, when: "now" | "draft" = "now") {
  await owner.goto(`/o/${slug}/campaigns/new?kind=recurring`);
  await hydrated(owner);
  await owner.getByLabel("Campaign name").fill(name);
  await owner.getByLabel("Channel").selectOption({ label: channelName });
  await owner.getByLabel("Topic").selectOption({ label: topic });
  await expect(owner.getByTestId("cadence-rule")).toContainText("48 hours");
  await owner.getByLabel("Message text").fill(text);
  await owner.getByLabel(when === "now" ? "As soon as it is created" : "Save as a draft (send it later)").check();
  await owner.getByLabel("Send at a time of day in each subscriber's time zone").check();
  await expect(owner.getByRole("textbox", { name: "Time of day" })).toHaveValue("10:00");
  // The count before sending: the one active subscriber (the stopped one and the admin's registration aside).
  await expect(owner.getByText(/Will be sent to \d+ subscribers? now\./)).toBeVisible({ timeout: 15_000 });
  const shown = Number((await owner.getByText(/Will be sent to \d+ subscribers? now\./).textContent())!.match(/\d+/)![0]);
  await owner.getByRole("button", { name: when === "now" ? "Create and send" : "Create campaign" }).click();
  await expect(owner).toHaveURL(new RegExp(`/o/${slug}/campaigns/[0-9a-f-]{36}`), { timeout: 20_000 });
  return shown;
}

test.use({ storageState: storageStateOf("owner") });

test("a weekly topic: registered, shared, two opt-ins and a stop; 10:00 local reaches the one active subscriber; a second send is held", async ({ page: owner, request }) => {
  test.setTimeout(240_000);
  const tag = digits(6);
  // 10:xx in the subscriber's zone must last until the send starts (a minute or two from here).
  const minute = new Date().getUTCMinutes();
  if (minute >= 56) await owner.waitForTimeout((60 - minute) * 60_000 + 5_000);

  const { slug, pageId, channelId } = await connectSandboxChannel(owner, request, { tag, label: "Topics" });
  const channelName = `Topics shop ${tag}`;
  // Recurring notifications live on only for audiences in the EU (and AU, JP, KR, UK): on Meta's side and ours.
  await control(request, "PUT", `/pages/${pageId}/region`, { region: "EU", businessCountry: "FR" });
  await api(owner.request, slug, "PATCH", `/channels/${channelId}`, { messagingRegion: "EU", businessCountry: "FR" });

  // The topic.
  const title = `Weekly deals ${tag}`;
  await owner.goto(`/o/${slug}/campaigns/topics`);
  await hydrated(owner);
  await owner.getByRole("button", { name: "New topic" }).first().click();
  const dialog = owner.getByRole("dialog");
  await dialog.getByLabel("Channel").selectOption({ label: channelName });
  await dialog.getByLabel("Title").fill(title);
  await dialog.getByLabel("Cadence").selectOption("weekly");
  await dialog.getByRole("button", { name: "Save topic" }).click();
  await expect(owner).toHaveURL(new RegExp(`/o/${slug}/campaigns/topics/[0-9a-f-]{36}`));
  await hydrated(owner);

  // Registration: the Page admin's own Messenger account writes to the Page, gets the request, and allows it.
  const admin = await control<{ psid: string }>(request, "POST", `/pages/${pageId}/admin-user`);
  await control(request, "POST", `/users/${admin.psid}/messages`, { text: "It's me, the admin" });
  const registration = owner.getByTestId("topic-registration");
  await expect(async () => {
    await owner.reload();
    await owner.getByLabel("Search the Page's contacts").fill("Page Admin");
    await expect(owner.getByLabel("Your Messenger account").locator("option", { hasText: "Page Admin" })).toHaveCount(1, { timeout: 2_000 });
  }).toPass({ timeout: 30_000 });
  await owner.getByLabel("Your Messenger account").selectOption({ label: "Page Admin — wrote within 24 h" });
  await registration.getByRole("button", { name: "Send registration request" }).click();
  await expect(owner.getByTestId("registration-state")).toHaveText("Waiting for your confirmation in Messenger");
  await control(request, "POST", `/users/${admin.psid}/notification-optin`, {});
  await expect(owner.getByTestId("topic-invite")).toBeVisible({ timeout: 20_000 });
  await expect(registration).toHaveCount(0);
  await expect(owner.getByText("Registered").first()).toBeVisible();

  // The share link: m.me/rn with the topic and its cadence.
  const link = await owner.getByLabel("Share link (m.me/rn)").inputValue();
  expect(link).toContain("/rn/");
  expect(new URL(link).searchParams.get("topic")).toBe(title);
  expect(new URL(link).searchParams.get("cadence")).toBe("weekly");

  // Two people open the link and allow; the second then stops the notifications.
  const zone = zoneAtTenNow();
  const ada = await control<{ psid: string }>(request, "POST", `/pages/${pageId}/users`, { firstName: "Ada", lastName: `Topic ${tag}` });
  const bob = await control<{ psid: string }>(request, "POST", `/pages/${pageId}/users`, { firstName: "Bob", lastName: `Topic ${tag}` });
  await control(request, "POST", `/users/${ada.psid}/rn-link`, { topic: title, cadence: "weekly", timezone: zone });
  const bobOptin = await control<{ token: string }>(request, "POST", `/users/${bob.psid}/rn-link`, { topic: title, cadence: "weekly", timezone: "Europe/Paris" });
  await control(request, "POST", `/users/${bob.psid}/notifications/stop`, { token: bobOptin.token });
  // The topic's subscribers as the Topics page counts them: the admin and Ada active, Bob stopped.
  await expect(async () => {
    await owner.goto(`/o/${slug}/campaigns/topics`);
    await expect(owner.getByTestId("topic-row").filter({ hasText: title })).toContainText("2 active · 1 stopped · 0 expired", { timeout: 2_000 });
  }).toPass({ timeout: 30_000 });

  // The admin's registration token is a subscription like any other: keep the test about Ada and Bob by having the
  // admin stop too, as an admin who only registered would.
  const adminTokens = await control<{ data: { token: string }[] }>(request, "GET", `/pages/${pageId}/notification-tokens?psid=${admin.psid}`);
  await control(request, "POST", `/users/${admin.psid}/notifications/stop`, { token: adminTokens.data[0].token });
  await expect(async () => {
    await owner.reload();
    await expect(owner.getByTestId("topic-row").filter({ hasText: title })).toContainText("1 active · 2 stopped · 0 expired", { timeout: 2_000 });
  }).toPass({ timeout: 30_000 });

  // The weekly send at 10:00 in each subscriber's time zone: Ada only, at 10:xx on her clock.
  const shown = await createWeeklyCampaign(owner, slug, channelName, title, `Weekly ${tag}`, "This week: 20% off everything");
  expect(shown).toBe(1);
  const detail = owner.getByTestId("campaign-detail");
  await expect(detail).toHaveAttribute("data-kind", "recurring");
  await expect(detail).toHaveAttribute("data-status", "sent", { timeout: 60_000 });
  let sends: SendCall[] = [];
  await expect(async () => {
    sends = (await notificationSends(request, pageId)).filter((c) => c.ok);
    expect(sends).toHaveLength(1);
  }).toPass({ timeout: 20_000 });
  expect(sends[0].psid).toBe(ada.psid);
  expect(hourIn(zone, sends[0].at)).toBe(10);
  const adaRow = owner.locator(`[data-testid="delivery-row"][data-psid="${ada.psid}"]`);
  await expect(adaRow).toHaveAttribute("data-status", "sent");
  await expect(owner.getByTestId("delivery-row")).toHaveCount(1);

  // A second weekly campaign the same day, saved as a draft and edited (its own form, the topic and the time of day
  // kept), then sent from its page: held for the topic's cadence, with the reason, and Meta is not called.
  await createWeeklyCampaign(owner, slug, channelName, title, `Weekly again ${tag}`, "One more thing", "draft");
  await expect(detail).toHaveAttribute("data-status", "draft");
  await owner.getByRole("link", { name: "Edit" }).click();
  await hydrated(owner);
  await expect(owner.getByTestId("broadcast-form")).toHaveAttribute("data-kind", "recurring");
  await expect(owner.getByLabel("Channel")).toBeDisabled();
  await expect(owner.getByLabel("Topic")).toHaveValue(/[0-9a-f-]{36}/);
  await expect(owner.getByRole("textbox", { name: "Time of day" })).toHaveValue("10:00");
  await owner.getByLabel("Message text").fill("One more thing, edited");
  await owner.getByRole("button", { name: "Save changes" }).click();
  await expect(owner).toHaveURL(new RegExp(`/o/${slug}/campaigns/[0-9a-f-]{36}$`), { timeout: 20_000 });
  await expect(detail).toContainText("One more thing, edited");
  await owner.getByRole("button", { name: "Send now" }).click();
  await owner.getByRole("dialog").getByRole("button", { name: "Send now" }).click();
  const heldRow = owner.locator(`[data-testid="delivery-row"][data-psid="${ada.psid}"]`);
  await expect(heldRow).toHaveAttribute("data-status", "held", { timeout: 30_000 });
  await expect(heldRow.getByTestId("delivery-reason")).toContainText("Waiting for the topic's cadence");
  expect((await notificationSends(request, pageId)).filter((c) => c.ok)).toHaveLength(1);
});
