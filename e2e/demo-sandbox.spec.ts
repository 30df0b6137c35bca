import { expect, test } from "@playwright/test";
import { storageStateOf } from "./personas";

/**
 * The demo's shortcut for a newcomer: on a campaign's share panel, "Open in the sandbox" opens the campaign's
 * m.me link in the Messenger sandbox (the app runs against it: GRAPH_API_URL is the sandbox), where the
 * newcomer plays the person who opens it, taps Get Started and then Notify Me, and the campaign counts them.
 */
const SANDBOX = process.env.SANDBOX_URL ?? "http://127.0.0.1:4010";
const DEMO_API_KEY = "mdk_demo_key_do_not_use_in_production";
const DEMO_PAGE = "1000000000000001";

test("'Open in the sandbox' on the share panel leads to a subscription the campaign counts", async ({ browser, request }) => {
  test.setTimeout(90_000);
  // The campaign comes from the API (the demo key): this test is about the share panel, not the form.
  const auth = { Authorization: `Bearer ${DEMO_API_KEY}` };
  const channels = await request.get("/api/v1/channels", { headers: auth });
  expect(channels.ok(), await channels.text()).toBeTruthy();
  const channel = ((await channels.json()) as { data: { id: string; pageId: string }[] }).data.find((c) => c.pageId === DEMO_PAGE);
  expect(channel, "the demo Page is connected").toBeTruthy();
  const title = `Back in stock ${Date.now()}`;
  const created = await request.post("/api/v1/campaigns", {
    headers: auth,
    data: {
      name: "Try it in the sandbox",
      channelId: channel!.id,
      invitation: { type: "text", text: "Want to hear when it's back?" },
      requestTitle: title,
      content: { type: "text", text: "It's back!" },
    },
  });
  expect(created.status(), await created.text()).toBe(201);
  const campaign = (await created.json()) as { id: string; shareLink: string };
  const ref = new URL(campaign.shareLink).searchParams.get("ref")!;

  const context = await browser.newContext({ storageState: storageStateOf("marketer") });
  const page = await context.newPage();
  await page.goto(`/o/demo/campaigns/${campaign.id}`);
  await expect(page.getByTestId("funnel-subscribers").getByTestId("funnel-value")).toHaveText("0");
  const panel = page.getByTestId("share-panel");
  await expect(panel.getByLabel("Share link (m.me)")).toHaveValue(campaign.shareLink);
  const open = panel.getByRole("link", { name: "Open in the sandbox" });
  // The sandbox's m.me emulation, with the campaign's Page and ref: the same link Messenger would open.
  await expect(open).toHaveAttribute("href", `${SANDBOX}/m.me/${new URL(campaign.shareLink).pathname.slice(1)}?ref=${ref}`);

  const [sandboxPage] = await Promise.all([context.waitForEvent("page"), open.click()]);
  await expect(sandboxPage).toHaveURL(new RegExp(`^${SANDBOX}/_sandbox/\\?page=${DEMO_PAGE}&ref=${ref}$`));
  await sandboxPage.getByTestId("get-started").click();
  // The app answers the Get Started postback (with the campaign's ref) with the invitation and the request.
  await expect(sandboxPage.getByTestId("page-message").filter({ hasText: "Want to hear when it's back?" })).toBeVisible({ timeout: 20_000 });
  const otnRequest = sandboxPage.getByTestId("otn-request").filter({ hasText: title });
  await expect(otnRequest).toBeVisible({ timeout: 20_000 });
  await otnRequest.getByTestId("notify-me").click();
  await expect(otnRequest.getByTestId("notify-me")).toHaveText("You'll be notified");

  // Back on the campaign page, without a reload: one subscriber.
  await expect(page.getByTestId("funnel-subscribers").getByTestId("funnel-value")).toHaveText("1", { timeout: 20_000 });
  await context.close();
});
