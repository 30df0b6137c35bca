/**
 * Plays a Messenger user on the sandbox's web page in Chromium: opens the demo Page's m.me link with a ref,
 * taps Get Started, sees a message the Page sends through the Send API, taps Notify Me on a
 * one_time_notif_req, and checks through the control API that the opt-in webhook was produced.
 */
import { expect, test } from "@playwright/test";

const SANDBOX = process.env.SANDBOX_URL ?? "http://127.0.0.1:4010";
const DEMO_PAGE_ID = "1000000000000001";
const DEMO_PAGE_TOKEN = "demo-page-token";

async function sendAsPage(body: unknown) {
  const res = await fetch(`${SANDBOX}/v21.0/me/messages?access_token=${DEMO_PAGE_TOKEN}`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify(body),
  });
  expect(res.status, await res.clone().text()).toBe(200);
  return (await res.json()) as { recipient_id: string; message_id: string };
}

async function webhookEvents(psid: string, field: string) {
  const res = await fetch(`${SANDBOX}/_sandbox/api/webhook-events?psid=${psid}&field=${field}`);
  return ((await res.json()) as { data: { event: Record<string, any>; status: string }[] }).data;
}

test("a simulated user opens an m.me link, reads the Page's message and taps Notify Me", async ({ page }) => {
  const ref = `e2e-${Date.now()}`;
  await page.goto(`${SANDBOX}/m.me/demopage?ref=${ref}`);
  await expect(page).toHaveURL(new RegExp(`/_sandbox/\\?page=${DEMO_PAGE_ID}&ref=${ref}`));

  // New thread: the referral arrives with the Get Started postback.
  await page.getByTestId("get-started").click();
  await expect(page.getByTestId("event-note").filter({ hasText: "Get Started" })).toBeVisible();
  const psid = (await page.getByTestId("psid").textContent())!.trim();
  expect(psid).toMatch(/^\d+$/);
  await expect.poll(async () => (await webhookEvents(psid, "messaging_postbacks"))[0]?.event.postback.referral?.ref).toBe(ref);

  // The Page answers through the Send API; the user sees it.
  await sendAsPage({ recipient: { id: psid }, messaging_type: "RESPONSE", message: { text: "Welcome to Demo Page!" } });
  await expect(page.getByTestId("page-message").filter({ hasText: "Welcome to Demo Page!" })).toBeVisible();

  // One-time notification request -> Notify Me -> messaging_optins with a fresh token.
  await sendAsPage({
    recipient: { id: psid },
    message: { attachment: { type: "template", payload: { template_type: "one_time_notif_req", title: "Back in stock?", payload: `otn-${ref}` } } },
  });
  const request = page.getByTestId("otn-request").filter({ hasText: "Back in stock?" });
  await expect(request).toBeVisible();
  await request.getByTestId("notify-me").click();
  await expect(request.getByTestId("notify-me")).toHaveText("You'll be notified");

  await expect
    .poll(async () => (await webhookEvents(psid, "messaging_optins")).map((e) => e.event.optin))
    .toEqual([{ type: "one_time_notif_req", payload: `otn-${ref}`, one_time_notif_token: expect.stringMatching(/^otn_/) }]);

  // The token sends exactly one message, which the user sees too.
  const [optin] = await webhookEvents(psid, "messaging_optins");
  await sendAsPage({ recipient: { one_time_notif_token: optin.event.optin.one_time_notif_token }, message: { text: "It's back!" } });
  await expect(page.getByTestId("page-message").filter({ hasText: "It's back!" })).toBeVisible();
});
