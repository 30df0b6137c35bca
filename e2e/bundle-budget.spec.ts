import { gzipSync } from "node:zlib";
import { expect, test, type Page } from "@playwright/test";
// @ts-expect-error: a plain .mjs script without type declarations
import { measure } from "../scripts/bundle-budget.mjs";
import { hydrated } from "./helpers";
import { DEMO_OWNER, storageStateOf } from "./personas";

/**
 * The bundle budget (scripts/bundle-budget.mjs) reads a page's first-load JavaScript from the build's
 * manifests. Here Chromium loads the page and its script responses are gzipped the same way (zlib level 9):
 * the budget must never count less than the browser downloads, and not much more. (The sign-in page downloads
 * exactly what is counted; a signed-in page may download a few KB less: Next fetches a client chunk when the
 * render refers to it, so a page showing an empty state instead of a form skips that form's chunk. The budget
 * counts every entry chunk, the upper bound.)
 */
type Measured = { pages: { route: string; gzipKb: number }[] };
const measured = (): Measured => measure(process.env.NEXT_DIST_DIR || ".next") as Measured;

async function downloadedKb(page: Page, path: string): Promise<number> {
  const bodies: Promise<Buffer>[] = [];
  page.on("response", (response) => {
    if (response.request().resourceType() === "script") bodies.push(response.body());
  });
  await page.goto(path);
  // Chunks loaded on demand after hydration (a menu pointed at) are not first-load JavaScript; those the render asks for arrive by then.
  await hydrated(page, 1_000);
  const sizes = await Promise.all(bodies);
  return Math.round((sizes.reduce((sum, body) => sum + gzipSync(body, { level: 9 }).length, 0) / 1024) * 10) / 10;
}

test("the sign-in page downloads the first-load JavaScript the budget measures", async ({ page }) => {
  const budget = measured().pages.find((p) => p.route === "/sign-in");
  expect(await downloadedKb(page, "/sign-in")).toBeCloseTo(budget!.gzipKb, 0);
});

test.describe("signed in", () => {
  test.use({ storageState: storageStateOf("demo") });

  test("a campaign form downloads the first-load JavaScript the budget measures", async ({ page }) => {
    const budget = measured().pages.find((p) => p.route === "/o/[orgSlug]/campaigns/new");
    const downloaded = await downloadedKb(page, `/o/${DEMO_OWNER.slug}/campaigns/new`);
    expect(downloaded).toBeLessThanOrEqual(budget!.gzipKb + 0.5);
    expect(downloaded).toBeGreaterThanOrEqual(budget!.gzipKb * 0.9);
  });
});
