import { expect, test, type APIRequestContext, type Browser, type Page } from "@playwright/test";
import { DEMO_OWNER, storageStateOf } from "./personas";
import { control } from "./helpers";

/**
 * One-Time Notification campaigns end to end, as a marketer of the demo organisation (Demo Co, whose
 * demo Page in the sandbox is connected and whose webhook points at the app): create a scheduled campaign,
 * simulated people open its m.me link (ref) and tap "Notify Me", the list counts them live, and at the time
 * each subscriber receives the content exactly once (the sandbox's Send API record, by token). Then: send
 * now, delete, reschedule, and a revoked Page token pausing a send.
 */
const DEMO_PAGE = "1000000000000001";
const SLUG = DEMO_OWNER.slug;

type Count = { total: number; ok: number; failed: number };
const countFor = (request: APIRequestContext, filter: Record<string, string>) =>
  control<Count>(request, "GET", `/send-calls/count?${new URLSearchParams({ pageId: DEMO_PAGE, ...filter })}`);

/** New people open the link with the ref and tap Notify Me; returns their PSIDs and OTN tokens. */
async function subscribe(request: APIRequestContext, ref: string, count: number) {
  const r = await control<{ tapped: { psid: string; token: string }[]; missing: string[] }>(request, "POST", `/pages/${DEMO_PAGE}/bulk/open-link-and-notify-me`, {
    count,
    ref,
    waitMs: 20_000,
  });
  expect(r.missing).toEqual([]);
  expect(r.tapped).toHaveLength(count);
  return r.tapped;
}

/** A datetime-local value at least `leadSeconds` ahead, on a whole minute, in the browser's zone; and that instant. */
async function nextMinute(page: Page, leadSeconds: number, extraMinutes = 0): Promise<{ local: string; at: number }> {
  return page.evaluate(
    ([lead, extra]) => {
      const at = Math.ceil((Date.now() + lead * 1000) / 60_000) * 60_000 + extra * 60_000;
      const d = new Date(at);
      const p = (n: number) => String(n).padStart(2, "0");
      return { local: `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}T${p(d.getHours())}:${p(d.getMinutes())}`, at };
    },
    [leadSeconds, extraMinutes] as const,
  );
}

/** Creates a campaign through the form and returns its id and the ref read from the share link. */
async function createCampaign(page: Page, opts: { name: string; text: string; sendAt?: string }) {
  await page.goto(`/o/${SLUG}/campaigns`);
  await page.getByRole("link", { name: "New campaign" }).first().click();
  await expect(page).toHaveURL(new RegExp(`/o/${SLUG}/campaigns/new$`));
  await page.getByLabel("Campaign name").fill(opts.name);
  await expect(page.getByLabel("Channel")).toHaveValue(/[0-9a-f-]{36}/);
  await page.getByLabel("Invitation before the request").selectOption("text");
  await page.getByLabel("Invitation text").fill("Want to know when it's back in stock?");
  await page.getByLabel("Subscription request title").fill("Restock alert");
  await expect(page.getByText("13/65")).toBeVisible();
  await page.getByLabel("Reply after subscribing").fill("Thanks! We'll tell you once.");
  await page.getByLabel("Message text").fill(opts.text);
  await expect(page.getByTestId("preview-content")).toContainText(opts.text);
  await expect(page.getByTestId("preview-request")).toContainText("Restock alert");
  await expect(page.getByTestId("preview-request")).toContainText("Notify Me");
  if (opts.sendAt) await page.getByLabel("Send at").fill(opts.sendAt);
  await page.getByRole("button", { name: "Create campaign" }).click();
  await expect(page).toHaveURL(new RegExp(`/o/${SLUG}/campaigns/[0-9a-f-]{36}$`));
  const id = new URL(page.url()).pathname.split("/").pop()!;
  const link = await page.getByLabel("Share link (m.me)").inputValue();
  expect(link).toMatch(/^https:\/\/m\.me\/(demopage|1000000000000001)\?ref=[A-Za-z0-9_-]+$/);
  return { id, ref: new URL(link).searchParams.get("ref")!, link };
}

function row(page: Page, id: string) {
  return page.locator(`[data-testid="campaign-row"][data-campaign-id="${id}"]`);
}

/** A row shows one primary action; the others are in its "Actions for <name>" menu. */
async function chooseRowAction(page: Page, id: string, name: string) {
  await row(page, id).getByRole("button", { name: /^Actions for / }).click();
  await page.getByRole("menuitem", { name }).click();
}

/** The marketer persona of the demo organisation (e2e/personas.ts), in a context that may use the clipboard. */
async function asMarketer(browser: Browser) {
  const context = await browser.newContext({ storageState: storageStateOf("marketer"), permissions: ["clipboard-read", "clipboard-write"] });
  return { context, page: await context.newPage() };
}

test("scheduled campaign: live subscriber count, each subscriber gets the content exactly once at the time", async ({ browser, request }) => {
  test.setTimeout(240_000);
  const { context, page } = await asMarketer(browser);
  const when = await nextMinute(page, 45);
  const text = `Spring restock is live ${Date.now()}`;
  const { id, ref, link } = await createCampaign(page, { name: "Spring restock", text, sendAt: when.local });
  await expect(page.getByTestId("campaign-detail")).toHaveAttribute("data-status", "scheduled");

  // The list: copy the link from the row (same link as the share panel), counts start at 0.
  await page.goto(`/o/${SLUG}/campaigns`);
  await expect(row(page, id)).toBeVisible();
  await expect(row(page, id).getByTestId("campaign-status")).toHaveAttribute("data-status", "scheduled");
  await row(page, id).getByRole("button", { name: "Copy link" }).click();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(link);
  await expect(row(page, id).getByTestId("count-subscribers")).toHaveText("0");

  // Three people subscribe, a fourth only opens the link; the list updates without a reload.
  const subscribers = await subscribe(request, ref, 3);
  const opened = await control<{ opened: { psid: string }[] }>(request, "POST", `/pages/${DEMO_PAGE}/bulk/open-link`, { count: 1, ref });
  const bystander = opened.opened[0].psid;
  await expect(row(page, id).getByTestId("count-subscribers")).toHaveText("3", { timeout: 15_000 });
  await expect(row(page, id).getByTestId("count-clicks")).toHaveText("4", { timeout: 15_000 });
  await expect.poll(async () => (await countFor(request, { psid: bystander, kind: "template:one_time_notif_req" })).ok, { timeout: 15_000 }).toBe(1);

  // At the time, the three receive the content once each; the bystander gets no OTN message.
  await expect(row(page, id).getByTestId("count-sent")).toHaveText("3", { timeout: when.at - Date.now() + 60_000 });
  for (const s of subscribers) {
    await expect.poll(async () => (await countFor(request, { token: s.token })).ok, { timeout: 20_000 }).toBe(1);
  }
  await expect(row(page, id).getByTestId("campaign-status")).toHaveAttribute("data-status", "sent", { timeout: 20_000 });
  await page.waitForTimeout(3_000);
  for (const s of subscribers) {
    expect(await countFor(request, { token: s.token })).toMatchObject({ total: 1, ok: 1 });
    const thread = await control<{ data: { direction?: string; text?: string; message?: { text?: string } }[] }>(request, "GET", `/users/${s.psid}/thread`);
    expect(JSON.stringify(thread.data).split(text).length - 1).toBe(1);
  }
  const bystanderCalls = await control<{ data: { token: string | null }[] }>(request, "GET", `/send-calls?pageId=${DEMO_PAGE}&psid=${bystander}`);
  expect(bystanderCalls.data.filter((c) => c.token)).toEqual([]);
  expect(JSON.stringify(await control(request, "GET", `/users/${bystander}/thread`))).not.toContain(text);
  expect(row(page, id).getByTestId("count-failed")).toBeTruthy();
  await expect(row(page, id).getByTestId("count-failed")).toHaveText("0");

  // The campaign page: funnel and the recipient log.
  await row(page, id).getByRole("link", { name: "Spring restock" }).click();
  await expect(page.getByTestId("funnel-subscribers").getByTestId("funnel-value")).toHaveText("3");
  await expect(page.getByTestId("funnel-sent").getByTestId("funnel-value")).toHaveText("3");
  await expect(page.getByTestId("progress-sent")).toHaveText("3 of 3 sent");
  await expect(page.getByTestId("recipient-row")).toHaveCount(3);
  // One day of subscribers: the area is that day's point.
  await expect(page.getByTestId("subscribers-chart").locator(".recharts-area-dots .recharts-dot").first()).toBeVisible();
  await page.getByTestId("subscribers-chart").getByRole("button", { name: /Table view/ }).click();
  await expect(page.getByTestId("subscribers-chart").getByTestId("chart-row").last().locator("td").nth(1)).toHaveText("3");
  await context.close();
});

test("send now goes out at once to the subscribers, after a confirmation with their count; a later open of the link is answered", async ({ browser, request }) => {
  test.setTimeout(90_000);
  const { context, page } = await asMarketer(browser);
  const text = `Flash sale now ${Date.now()}`;
  const { id, ref } = await createCampaign(page, { name: "Flash sale", text });
  await expect(page.getByTestId("campaign-detail")).toHaveAttribute("data-status", "draft");
  const subscribers = await subscribe(request, ref, 2);
  await page.goto(`/o/${SLUG}/campaigns`);
  await expect(row(page, id).getByTestId("count-subscribers")).toHaveText("2", { timeout: 15_000 });
  await chooseRowAction(page, id, "Send now");
  const dialog = page.getByRole("dialog");
  await expect(dialog).toContainText("2 subscribers");
  await dialog.getByRole("button", { name: "Send to 2 subscribers" }).click();
  await expect(dialog).toBeHidden();
  await expect(row(page, id).getByTestId("count-sent")).toHaveText("2", { timeout: 30_000 });
  await expect(row(page, id).getByTestId("campaign-status")).toHaveAttribute("data-status", "sent", { timeout: 20_000 });
  for (const s of subscribers) expect(await countFor(request, { token: s.token })).toMatchObject({ total: 1, ok: 1 });

  // Opening the link once the campaign was sent gets a polite reply (the default text), once an hour at most.
  const latecomer = subscribers[0].psid;
  const endedReplies = async () => JSON.stringify(await control(request, "GET", `/users/${latecomer}/thread`)).split("This campaign has already ended").length - 1;
  await control(request, "POST", `/users/${latecomer}/open-link`, { ref });
  await expect.poll(endedReplies, { timeout: 20_000 }).toBe(1);
  await control(request, "POST", `/users/${latecomer}/open-link`, { ref });
  await page.waitForTimeout(3_000);
  expect(await endedReplies()).toBe(1);
  await context.close();
});

// Deleting and rescheduling share one timeline (two campaigns due the same minute), so the suite waits out a
// schedule once instead of once per test.
test("a deleted scheduled campaign sends nothing; a rescheduled one sends nothing at the old time and once at the new", async ({ browser, request }) => {
  test.setTimeout(300_000);
  const { context, page } = await asMarketer(browser);
  const first = await nextMinute(page, 60);
  const doomed = await createCampaign(page, { name: "To be deleted", text: `Never sent ${Date.now()}`, sendAt: first.local });
  const [doomedSubscriber] = await subscribe(request, doomed.ref, 1);
  const moved = await createCampaign(page, { name: "Moved", text: `Moved sale ${Date.now()}`, sendAt: first.local });
  const [movedSubscriber] = await subscribe(request, moved.ref, 1);

  await page.goto(`/o/${SLUG}/campaigns`);
  await expect(row(page, doomed.id).getByTestId("count-subscribers")).toHaveText("1", { timeout: 15_000 });
  await chooseRowAction(page, doomed.id, "Delete");
  // The way out says what it keeps, so it cannot be read as "cancel the campaign".
  await expect(page.getByRole("dialog").getByRole("button", { name: "Keep campaign" })).toBeVisible();
  await page.getByRole("dialog").getByRole("button", { name: "Delete campaign" }).click();
  await expect(row(page, doomed.id)).toHaveCount(0);

  const later = await nextMinute(page, 40, 1);
  expect(first.at - Date.now(), "both changes made before the first time").toBeGreaterThan(5_000);
  await page.goto(`/o/${SLUG}/campaigns/${moved.id}/edit`);
  await page.getByLabel("Send at").fill(later.local);
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page).toHaveURL(new RegExp(`/o/${SLUG}/campaigns/${moved.id}$`));
  await expect(page.getByTestId("campaign-detail")).toHaveAttribute("data-status", "scheduled");

  await page.waitForTimeout(Math.max(0, first.at - Date.now()) + 15_000);
  expect(await countFor(request, { token: doomedSubscriber.token })).toMatchObject({ total: 0 });
  expect(await countFor(request, { token: movedSubscriber.token })).toMatchObject({ total: 0 });
  await expect(page.getByTestId("campaign-detail")).toHaveAttribute("data-status", "sent", { timeout: later.at - Date.now() + 60_000 });
  expect(await countFor(request, { token: movedSubscriber.token })).toMatchObject({ total: 1, ok: 1 });
  expect(await countFor(request, { token: doomedSubscriber.token })).toMatchObject({ total: 0 });
  await context.close();
});

test("a revoked Page token pauses the send with reconnect needed", async ({ browser, request }) => {
  test.setTimeout(120_000);
  const { context, page } = await asMarketer(browser);
  const { id, ref } = await createCampaign(page, { name: "Token trouble", text: `Paused sale ${Date.now()}` });
  await subscribe(request, ref, 2);
  await page.reload();
  await expect(page.getByTestId("funnel-subscribers").getByTestId("funnel-value")).toHaveText("2", { timeout: 15_000 });
  await control(request, "POST", `/pages/${DEMO_PAGE}/token/revoke`);
  try {
    await page.getByRole("button", { name: "Send now" }).click();
    await page.getByRole("dialog").getByRole("button", { name: "Send to 2 subscribers" }).click();
    await expect(page.getByTestId("campaign-detail")).toHaveAttribute("data-status", "paused", { timeout: 30_000 });
    await expect(page.getByTestId("paused-banner")).toContainText("Reconnect needed");
    await expect(page.getByRole("button", { name: "Resume" })).toBeVisible();
    await page.goto(`/o/${SLUG}/campaigns`);
    await expect(row(page, id).getByTestId("campaign-status")).toHaveAttribute("data-status", "paused");
    // Paused, the row's one visible action is Resume; copying the link moves into the menu.
    await expect(row(page, id).getByRole("button", { name: "Resume" })).toBeVisible();
    await expect(row(page, id).getByRole("button", { name: "Copy link" })).toHaveCount(0);
  } finally {
    await control(request, "POST", `/pages/${DEMO_PAGE}/token/restore`);
  }
  await context.close();
  // Leave the demo channel healthy for other specs: the owner checks the connection again.
  const ownerContext = await browser.newContext({ storageState: storageStateOf("demo") });
  const owner = await ownerContext.newPage();
  await owner.goto(`/o/${SLUG}/channels`);
  await owner.getByTestId("channel-row").first().getByRole("link").first().click();
  await owner.getByRole("button", { name: "Check connection" }).click();
  await expect(owner.getByTestId("check-result")).toHaveAttribute("data-ok", "true");
  await ownerContext.close();
});
