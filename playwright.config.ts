import { existsSync } from "node:fs";
import { defineConfig, devices } from "@playwright/test";

/**
 * End-to-end tests in Debian's Chromium against a production build (`next start`) and the Messenger
 * sandbox. scripts/test.sh builds first and hands over a fresh database (DATABASE_URL) or PGlite folder.
 */
const APP_PORT = Number(process.env.E2E_APP_PORT ?? 3100);
const SANDBOX_PORT = Number(process.env.E2E_SANDBOX_PORT ?? 4010);
const APP_URL = `http://127.0.0.1:${APP_PORT}`;
const SANDBOX_URL = `http://127.0.0.1:${SANDBOX_PORT}`;
process.env.SANDBOX_URL = SANDBOX_URL;
process.env.APP_URL = APP_URL;

const appEnv: Record<string, string> = {
  NEXT_TELEMETRY_DISABLED: "1",
  NEXTAUTH_SECRET: process.env.NEXTAUTH_SECRET ?? "e2e-only-secret-not-for-production",
  NEXTAUTH_URL: APP_URL,
  APP_URL,
  GRAPH_API_URL: SANDBOX_URL,
  // The platform's Meta app, as the sandbox has it (sandbox/state/demo.ts PLATFORM): Connect with Facebook,
  // the app-level webhook callback.
  META_APP_ID: "3000000000000003",
  META_APP_SECRET: "platform-app-secret",
  META_LOGIN_CONFIG_ID: "5000000000000005",
  META_WEBHOOK_VERIFY_TOKEN: "platform-verify-token",
  DEMO_SEED: "1",
  // The per-IP sign-in test plays a proxy on this machine (e2e/sign-in-limits.spec.ts).
  TRUSTED_PROXIES: "127.0.0.1",
  // Every sign-up in the suite comes from 127.0.0.1; the per-IP mail limit itself is tested in vitest.
  VERIFICATION_EMAILS_PER_IP: "1000",
  PORT: String(APP_PORT),
  PGLITE_DIR: process.env.E2E_PGLITE_DIR ?? ".data/e2e-pglite",
  ...(process.env.DATABASE_URL ? { DATABASE_URL: process.env.DATABASE_URL } : {}),
  ...(process.env.NEXT_DIST_DIR ? { NEXT_DIST_DIR: process.env.NEXT_DIST_DIR } : {}),
};

/**
 * Debian's Chromium (scripts/ensure-chromium.sh): its headless shell where installed, as Playwright itself uses for
 * headless runs (the full browser in headless mode spent about a third more time on the same pages); the full
 * browser for headed runs (`--headed`) or when the shell is missing. CHROMIUM_PATH overrides both.
 */
function chromiumPath(): string {
  if (process.env.CHROMIUM_PATH) return process.env.CHROMIUM_PATH;
  const shell = "/usr/bin/chromium-headless-shell";
  const headed = process.argv.includes("--headed") || process.argv.includes("--debug") || process.argv.includes("--ui");
  return !headed && existsSync(shell) ? shell : "/usr/bin/chromium";
}

/** The specs that lay out and scan pages and dialogs (the "pages" lane). */
const PAGE_CHECKS = /\/(layout|a11y)\.spec\.ts$/;
const chromium = { name: "chromium", use: { ...devices["Desktop Chrome"], channel: undefined } };

export default defineConfig({
  // `npm run screenshot` points Playwright at the README screenshot script instead of the test suite.
  testDir: process.env.UPDATE_SCREENSHOT ? "docs/tools" : "e2e",
  fullyParallel: false,
  // Two lanes: the page checks (every page and dialog laid out and scanned with axe; they only read the demo
  // organisation, or write to one of their own) beside the functional specs, one after another in each lane.
  // They were 10 of the suite's 26 minutes on one lane. The functional specs share the demo organisation's
  // state (queues, counts, schedules), so they stay in one lane.
  workers: 2,
  retries: process.env.CI ? 1 : 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: process.env.CI ? [["list"], ["json", { outputFile: "test-reports/e2e.json" }]] : "list",
  use: {
    baseURL: APP_URL,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    launchOptions: {
      executablePath: chromiumPath(),
      args: ["--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
    },
  },
  projects: process.env.UPDATE_SCREENSHOT
    ? [chromium]
    : // The personas (e2e/personas.ts) sign in once, before any spec, and leave their sessions in e2e/.auth/.
      [
        { name: "setup", testMatch: /\.setup\.ts$/, use: chromium.use },
        { ...chromium, testIgnore: PAGE_CHECKS, workers: 1, dependencies: ["setup"] },
        { name: "pages", use: chromium.use, testMatch: PAGE_CHECKS, workers: 1, dependencies: ["setup"] },
      ],
  webServer: [
    {
      command: "npx tsx sandbox/main.ts",
      url: `${SANDBOX_URL}/_sandbox/api/health`,
      env: { SANDBOX_PORT: String(SANDBOX_PORT), APP_URL },
      reuseExistingServer: !process.env.CI,
      timeout: 30_000,
    },
    {
      command: `npx next start -p ${APP_PORT} -H 127.0.0.1`,
      url: `${APP_URL}/sign-in`,
      env: appEnv,
      reuseExistingServer: !process.env.CI,
      timeout: 120_000,
    },
  ],
});
