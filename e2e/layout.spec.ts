import { mkdirSync } from "node:fs";
import { expect, test, type APIRequestContext, type Browser, type Page } from "@playwright/test";
import { messagesFor, type MessageKey } from "../lib/i18n/translate";
import { expectAccessible } from "./axe";
import { hydrated } from "./helpers";
import { DEMO_OWNER, storageStateOf, type Persona } from "./personas";

/**
 * The layout pass: every page, in English and in Chinese, on a laptop (1366 px) and a phone (390 px), must not
 * scroll sideways (a wide table scrolls inside its own box; the page itself never does). With SCREENSHOT_DIR
 * set, a full-page screenshot of each is saved there ({locale}-{width}-{page}.png) for the issue's review.
 * At 1366 px each page is also scanned with axe for WCAG 2.1 AA (e2e/axe.ts); the phone pass shares its markup.
 */
const SANDBOX = process.env.SANDBOX_URL ?? "http://127.0.0.1:4010";
const APP_URL = process.env.APP_URL ?? "http://127.0.0.1:3100";
const DEMO_PAGE = "1000000000000001";
const DEMO_API_KEY = "mdk_demo_key_do_not_use_in_production";
const SLUG = DEMO_OWNER.slug;
const MISSING = "00000000-0000-4000-8000-000000000000";
const SIZES = [
  { width: 1366, height: 800 },
  { width: 390, height: 844 },
] as const;
const LOCALES = ["en", "zh-CN"] as const;

/** `open`: the catalog key of a button to press once the page shows, to check the dialog it opens. */
type Visit = { name: string; path: string; as: Persona | null; open?: MessageKey };

interface Ids {
  channel: string;
  campaign: string;
  skillGroup: string;
  conversation: string | null;
  run: string | null;
}

let ids: Ids;

async function v1<T>(request: APIRequestContext, method: string, path: string, body?: unknown): Promise<T> {
  const res = await request.fetch(`/api/v1${path}`, { method, data: body, headers: { authorization: `Bearer ${DEMO_API_KEY}` } });
  expect(res.ok(), `${method} ${path}: ${res.status()} ${await res.text()}`).toBeTruthy();
  return (await res.json()) as T;
}

/** The first link on a list page whose path continues `prefix` with an id. */
async function firstIdLinkedFrom(browser: Browser, listPath: string, prefix: string): Promise<string | null> {
  const context = await browser.newContext({ storageState: storageStateOf("demo") });
  const page = await context.newPage();
  await page.goto(listPath);
  await hydrated(page);
  const hrefs = await page.locator(`a[href^="${prefix}"]`).evaluateAll((links) => links.map((a) => a.getAttribute("href") ?? ""));
  await context.close();
  const match = hrefs.map((h) => new RegExp(`^${prefix}([0-9a-f-]{36})`).exec(h)).find(Boolean);
  return match ? match[1] : null;
}

test.beforeAll(async ({ browser, request }) => {
  test.setTimeout(120_000);
  const channels = await v1<{ data: { id: string; name: string }[] }>(request, "GET", "/channels");
  const channel = channels.data[0]!.id;
  // A long bilingual name: the narrowest screens must wrap it, not widen the page.
  const campaign = await v1<{ id: string; shareLink: string }>(request, "POST", "/campaigns", {
    name: "双十一限时抢购 Spring restock announcement for every subscriber of the demo Page",
    channelId: channel,
    invitation: { type: "text", text: "Want to know when it's back in stock? 想在到货时收到通知吗？" },
    requestTitle: "Restock alert",
    content: { type: "text", text: "It's back! 到货啦！" },
  });
  // One subscriber, so the campaign, its recipient log and a conversation have rows to lay out.
  const ref = new URL(campaign.shareLink).searchParams.get("ref")!;
  const tapped = await request.post(`${SANDBOX}/_sandbox/api/pages/${DEMO_PAGE}/bulk/open-link-and-notify-me`, { data: { count: 1, ref, waitMs: 20_000 } });
  expect(tapped.ok()).toBeTruthy();
  const groups = await v1<{ data: { id: string }[] }>(request, "GET", "/skill-groups");
  ids = {
    channel,
    campaign: campaign.id,
    skillGroup: groups.data[0]!.id,
    conversation: await firstIdLinkedFrom(browser, `/o/${SLUG}/conversations`, `/o/${SLUG}/conversations/`),
    run: await firstIdLinkedFrom(browser, `/o/${SLUG}/settings/workflows`, `/o/${SLUG}/settings/workflows/`),
  };
});

/** Every page of the app, as the persona who sees it (null: signed out). */
function pages(): Visit[] {
  const o = `/o/${SLUG}`;
  const list: Visit[] = [
    { name: "sign-in", path: "/sign-in", as: null },
    { name: "sign-up", path: "/sign-up", as: null },
    { name: "verify-email", path: "/verify-email", as: null },
    { name: "forgot-password", path: "/forgot-password", as: null },
    // Stale links show their message in the same card the valid ones' forms use.
    { name: "verify-email-link", path: `/verify-email/${MISSING}`, as: null },
    { name: "reset-password", path: `/reset-password/${MISSING}`, as: null },
    { name: "invite", path: `/invite/${MISSING}`, as: null },
    { name: "change-email", path: `/change-email/${MISSING}`, as: "demo" },
    { name: "account", path: "/account", as: "demo" },
    { name: "not-found", path: "/no-such-page", as: null },
    { name: "new-organisation", path: "/orgs/new", as: "demo" },
    { name: "outbox", path: "/admin/outbox", as: "demo" },
    { name: "channels", path: `${o}/channels`, as: "demo" },
    { name: "channel-new", path: `${o}/channels/new`, as: "demo" },
    { name: "channel", path: `${o}/channels/${ids.channel}`, as: "demo" },
    { name: "channel-edit", path: `${o}/channels/${ids.channel}/edit`, as: "demo" },
    { name: "campaigns", path: `${o}/campaigns`, as: "demo" },
    { name: "campaigns-marketer", path: `${o}/campaigns`, as: "marketer" },
    { name: "campaign-new", path: `${o}/campaigns/new`, as: "demo" },
    { name: "campaign", path: `${o}/campaigns/${ids.campaign}`, as: "demo" },
    { name: "campaign-edit", path: `${o}/campaigns/${ids.campaign}/edit`, as: "demo" },
    { name: "audiences", path: `${o}/audiences`, as: "marketer" },
    { name: "segment-dialog", path: `${o}/audiences`, as: "demo", open: "segments.create" },
    { name: "conversations", path: `${o}/conversations`, as: "demo" },
    { name: "reports-service", path: `${o}/reports/service`, as: "demo" },
    { name: "reports-campaigns", path: `${o}/reports/campaigns`, as: "demo" },
    { name: "reports-campaigns-marketer", path: `${o}/reports/campaigns`, as: "marketer" },
    { name: "campaign-report", path: `${o}/reports/campaigns?campaignIds=${ids.campaign}`, as: "demo" },
    { name: "settings", path: `${o}/settings`, as: "demo" },
    { name: "members", path: `${o}/settings/members`, as: "demo" },
    { name: "invite-dialog", path: `${o}/settings/members`, as: "demo", open: "members.invite" },
    { name: "skill-groups", path: `${o}/settings/skill-groups`, as: "demo" },
    { name: "skill-group-dialog", path: `${o}/settings/skill-groups`, as: "demo", open: "skillGroups.create" },
    { name: "skill-group", path: `${o}/settings/skill-groups/${ids.skillGroup}`, as: "demo" },
    { name: "labels", path: `${o}/settings/labels`, as: "demo" },
    { name: "canned-replies", path: `${o}/settings/canned-replies`, as: "demo" },
    { name: "api-keys", path: `${o}/settings/api-keys`, as: "demo" },
    { name: "api-key-dialog", path: `${o}/settings/api-keys`, as: "demo", open: "apiKeys.create" },
    { name: "audit-log", path: `${o}/settings/audit-log`, as: "demo" },
    { name: "workflows", path: `${o}/settings/workflows`, as: "demo" },
    { name: "campaign-not-found", path: `${o}/campaigns/${MISSING}`, as: "demo" },
  ];
  if (ids.conversation) list.push({ name: "conversation", path: `${o}/conversations/${ids.conversation}`, as: "demo" });
  if (ids.run) list.push({ name: "workflow-run", path: `${o}/settings/workflows/${ids.run}`, as: "demo" });
  return list;
}

/** How far the page reaches past the viewport, and the widest elements that push it there (for the message). */
async function sidewaysOverflow(page: Page): Promise<{ overflow: number; culprits: string[] }> {
  return page.evaluate(() => {
    const root = document.documentElement;
    const width = root.clientWidth;
    const culprits: string[] = [];
    for (const el of Array.from(document.body.querySelectorAll<HTMLElement>("*"))) {
      const rect = el.getBoundingClientRect();
      if (rect.right <= width + 0.5 || rect.width === 0) continue;
      // Content inside a box that scrolls or clips sideways does not widen the page, unless it is positioned
      // (a sr-only label's containing block may lie outside the box; then it does).
      let clipped = getComputedStyle(el).position === "absolute" ? null : false;
      for (let p = el.parentElement; p && p !== document.body; p = p.parentElement) {
        const overflowX = getComputedStyle(p).overflowX;
        if (overflowX !== "visible" && clipped === false) {
          clipped = true;
          break;
        }
      }
      if (clipped === true) continue;
      const name = `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ""}${el.className && typeof el.className === "string" ? `.${el.className.trim().split(/\s+/).slice(0, 4).join(".")}` : ""}`;
      culprits.push(`${name} (right ${Math.round(rect.right)} > ${width})`);
      if (culprits.length >= 5) break;
    }
    // An open dialog lives in the top layer, outside the page's scroll width: it must fit on its own.
    let overflow = root.scrollWidth - width;
    for (const dialog of Array.from(document.querySelectorAll<HTMLDialogElement>("dialog[open]"))) {
      const past = Math.max(dialog.getBoundingClientRect().right - width, dialog.scrollWidth - dialog.clientWidth);
      if (past > 0) culprits.unshift(`dialog (${Math.round(past)} px too wide)`);
      overflow = Math.max(overflow, past);
    }
    return { overflow, culprits };
  });
}

for (const locale of LOCALES) {
  test(`no page scrolls sideways: ${locale} at ${SIZES.map((s) => s.width).join(" and ")} px`, async ({ browser }) => {
    // About fifty page loads; generous for a loaded machine.
    test.setTimeout(900_000);
    const dir = process.env.SCREENSHOT_DIR;
    if (dir) mkdirSync(dir, { recursive: true });
    const checked: string[] = [];
    for (const visit of pages()) {
      // One load per page: laid out and scanned on the laptop first, then narrowed to the phone (media queries
      // and container widths follow the viewport; nothing here measures the screen once at start-up).
      const [laptop, ...narrower] = SIZES;
      const context = await browser.newContext({
        viewport: laptop,
        storageState: visit.as ? storageStateOf(visit.as) : undefined,
        locale,
      });
      await context.addCookies([{ name: "md-locale", value: locale, url: APP_URL }]);
      const page = await context.newPage();
      const answer = await page.goto(visit.path);
      expect.soft(answer?.status(), `${visit.name}: ${visit.path}`).toBe(visit.name.includes("not-found") ? 404 : 200);
      await hydrated(page);
      await expect.soft(page.locator("html"), visit.name).toHaveAttribute("lang", locale);
      if (visit.open) {
        await page.getByRole("button", { name: messagesFor(locale)[visit.open], exact: true }).first().click();
        await expect(page.getByRole("dialog")).toBeVisible();
      }
      for (const size of [laptop, ...narrower]) {
        if (size !== laptop) {
          await page.setViewportSize(size);
          // Let layout (and any resize observer) settle at the new width before measuring.
          await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
        }
        const { overflow, culprits } = await sidewaysOverflow(page);
        expect.soft(overflow, `${visit.name} (${visit.path}) at ${size.width} px scrolls sideways by ${overflow} px: ${culprits.join(", ")}`).toBeLessThanOrEqual(0);
        if (size === laptop) await expectAccessible(page, `${visit.name} (${locale})`);
        if (dir) await page.screenshot({ path: `${dir}/${locale}-${size.width}-${visit.name}.png`, fullPage: true });
      }
      checked.push(visit.name);
      await context.close();
    }
    test.info().annotations.push({ type: "pages checked", description: checked.join(", ") });
  });
}
