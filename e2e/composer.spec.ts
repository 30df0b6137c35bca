import { randomInt } from "node:crypto";
import { expect, test } from "@playwright/test";
import { ownerOrg, storageStateOf } from "./personas";
import { control, api } from "./helpers";

/**
 * The composer (issue 13, items 5 and 8): the owner answers a person who just wrote, with an emoji, a quick
 * reply and a photo; a reply to a person who blocked the Page fails with Meta's reason in words and is retried;
 * when Meta's Page Inbox takes the thread, the composer is locked with the reason until "Take control".
 */
const APP_URL = process.env.APP_URL ?? "http://127.0.0.1:3100";
const digits = (n: number) => Array.from({ length: n }, () => randomInt(10)).join("");
const PNG = Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==", "base64");

test.use({ storageState: storageStateOf("owner") });

test("an agent replies with emoji, a quick reply and a photo; a failure is retried; the Page Inbox locks the composer until control is taken", async ({ page, request }) => {
  test.setTimeout(150_000);
  const { slug } = ownerOrg();
  const tag = digits(6);
  const app = await control<{ id: string; secret: string }>(request, "POST", "/apps", { name: `E2E composer app ${tag}`, secret: `e2e-composer-${tag}` });
  const fbPage = await control<{ id: string; accessToken: string }>(request, "POST", "/pages", { appId: app.id, name: `Composer Page ${tag}` });
  const person = await control<{ psid: string }>(request, "POST", `/pages/${fbPage.id}/users`, { firstName: "Mei", lastName: `C${tag}` });
  const group = await api<{ id: string }>(page.request, slug, "POST", "/skill-groups", { name: `Composer ${tag}` });
  const channel = await api<{ id: string }>(page.request, slug, "POST", "/channels", { name: `Composer shop ${tag}`, pageId: fbPage.id, pageAccessToken: fbPage.accessToken, appId: app.id, appSecret: app.secret, skillGroupId: group.id });
  await api(page.request, slug, "POST", `/channels/${channel.id}/check`);
  const { verifyToken } = await api<{ verifyToken: string }>(page.request, slug, "POST", `/channels/${channel.id}/verify-token`);
  await control(request, "PUT", `/apps/${app.id}/webhook`, { callbackUrl: `${APP_URL}/facebook/webhook/${fbPage.id}`, verifyToken });
  await control(request, "POST", `/users/${person.psid}/messages`, { text: `Where is my parcel? ${tag}` });

  await page.goto(`/o/${slug}/conversations`);
  const row = page.locator(`[data-testid="conversation-row"][data-psid="${person.psid}"]`);
  await expect(row).toBeVisible({ timeout: 20_000 });
  await row.getByRole("link").click();
  await expect(page.getByTestId("message").first()).toContainText(`Where is my parcel? ${tag}`, { timeout: 20_000 });

  // The rule in words, and mark_seen on opening.
  await expect(page.getByTestId("composer-rule")).toContainText("Replies go out as a response (24-hour window, closes at");
  await expect.poll(async () => (await control<{ seenAt: number | null }>(request, "GET", `/users/${person.psid}/sender-actions`)).seenAt, { timeout: 10_000 }).not.toBeNull();

  // Text with an emoji and a quick reply; Enter sends.
  const box = page.getByTestId("reply-text");
  await box.fill("It ships today");
  await page.getByTestId("emoji-button").click();
  await page.getByRole("button", { name: "📦" }).click();
  await expect(box).toHaveValue("It ships today📦");
  // Counted as the server and Meta's limit count it (the parcel emoji is two UTF-16 units).
  await expect(page.getByTestId("reply-counter")).toHaveText("16 / 2000");
  await page.getByTestId("quick-replies-toggle").click();
  await page.getByTestId("quick-reply-title").first().fill("Track it");
  await box.press("Enter");
  const reply = page.getByTestId("message").filter({ hasText: "It ships today📦" });
  await expect(reply.getByTestId("receipt")).toHaveAttribute("data-state", /sent|delivered|read/, { timeout: 20_000 });
  await expect(reply.getByTestId("offered-quick-replies")).toHaveText("Track it");
  const calls = await control<{ data: { ok: boolean; messagingType: string | null; message: { text?: string; quick_replies?: { title: string }[] } | null }[] }>(request, "GET", `/send-calls?psid=${person.psid}`);
  expect(calls.data.find((c) => c.message?.text === "It ships today📦")).toMatchObject({ ok: true, messagingType: "RESPONSE", message: { quick_replies: [{ title: "Track it" }] } });

  // A photo, uploaded once and sent by its attachment id.
  await page.getByTestId("attach-input").setInputFiles({ name: `label-${tag}.png`, mimeType: "image/png", buffer: PNG });
  await expect(page.getByTestId("composer-attachment")).toHaveText(`label-${tag}.png`, { timeout: 20_000 });
  await page.getByTestId("reply-send").click();
  await expect(page.locator('[data-testid="message"][data-kind="attachments"][data-direction="outbound"]')).toHaveCount(1, { timeout: 20_000 });

  // The person blocks the Page: Meta's reason in words, then Retry once unblocked.
  await control(request, "POST", `/users/${person.psid}/block`, { blocked: true });
  await box.fill("Anything else?");
  await page.getByTestId("reply-send").click();
  const failed = page.getByTestId("message").filter({ hasText: "Anything else?" });
  await expect(failed.getByTestId("failure-reason")).toHaveText("Not sent: This person is not available: they blocked the Page or left Messenger (#551).", { timeout: 20_000 });
  await control(request, "POST", `/users/${person.psid}/block`, { blocked: false });
  await failed.getByTestId("retry-reply").click();
  await expect(failed.getByTestId("receipt")).toHaveAttribute("data-state", /sent|delivered|read/, { timeout: 20_000 });

  // Meta's Page Inbox takes the thread: locked with the reason; Take control brings it back.
  await control(request, "POST", `/users/${person.psid}/inbox/take`);
  await expect(page.getByTestId("composer-rule")).toHaveText("Meta's Page Inbox controls this conversation: replies are sent from there until it is handed back.", { timeout: 20_000 });
  await expect(page.getByTestId("reply-text")).toHaveCount(0);
  await page.getByTestId("take-control").click();
  await expect(page.getByTestId("composer-rule")).toContainText("Replies go out as a response", { timeout: 20_000 });
  expect((await control<{ appId: string }>(request, "GET", `/users/${person.psid}/thread-owner`)).appId).toBe(app.id);
});
