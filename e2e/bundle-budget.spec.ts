import { gzipSync } from "node:zlib";
import { expect, test, type Page } from "@playwright/test";
// @ts-expect-error: a plain .mjs script without type declarations
import { measure } from "../scripts/bundle-budget.mjs";
import { DEMO_OWNER, storageStateOf } from "./personas";

/**
 * The bundle budget (scripts/bundle-budget.mjs) reads a page's first-load JavaScript from the build's
 * manifests. Here Chromium loads the page and its script responses are gzipped the same way (zlib level 9):
 * the two figures must agree, or the budget measures something the browser does not download.
 */
type Measured = { pages: { route: string; gzipKb: number }[] };
const measured = (): Measured => measure(process.env.NEXT_DIST_DIR || ".next") as Measured;

async function downloadedKb(page: Page, path: string): Promise<number> {
  const bodies: Promise<Buffer>[] = [];
  page.on("response", (response) => {
    if (response.request().resourceType() === "script") bodies.push(response.body());
  });
  await page.goto(path, { waitUntil: "networkidle" });
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
    expect(await downloadedKb(page, `/o/${DEMO_OWNER.slug}/campaigns/new`)).toBeCloseTo(budget!.gzipKb, 0);
  });
});
