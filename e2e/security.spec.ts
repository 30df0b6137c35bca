import { spawn } from "node:child_process";
import { expect, test, type Page } from "@playwright/test";
import { ownerOrg, storageStateOf } from "./personas";

/**
 * Browser protections (docs/security.md "Headers and browser protections"), 404s that are 404s, and a
 * production start that refuses to run without its secrets (docs/security.md "Operator configuration").
 */
const APP_PORT = Number(process.env.E2E_APP_PORT ?? 3100);
const MISSING = "00000000-0000-7000-8000-000000000000";

/** Collects what Chromium reports as a CSP violation on `page`. */
function watchViolations(page: Page): string[] {
  const violations: string[] = [];
  page.on("console", (message) => {
    if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
  });
  return violations;
}

test("pages and API routes carry the security headers; HSTS only over https", async ({ request }) => {
  const pageAnswer = await request.get("/sign-in");
  const csp = pageAnswer.headers()["content-security-policy"];
  expect(csp).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]{16,}' 'strict-dynamic'/);
  expect(csp).toContain("frame-ancestors 'none'");
  expect(csp).toContain("img-src 'self' data: blob:;");
  expect(csp).not.toContain("unsafe-eval");
  // Served over http here: upgrading subresources or pinning https would break the app.
  expect(csp).not.toContain("upgrade-insecure-requests");
  expect(pageAnswer.headers()["strict-transport-security"]).toBeUndefined();
  // A fresh nonce per request.
  expect((await request.get("/sign-in")).headers()["content-security-policy"]).not.toBe(csp);

  const apiAnswer = await request.get("/api/v1/members");
  expect(apiAnswer.status()).toBe(401);
  expect(apiAnswer.headers()["content-security-policy"]).toBe("default-src 'none'; frame-ancestors 'none'");
  for (const answer of [pageAnswer, apiAnswer]) {
    expect(answer.headers()["x-content-type-options"]).toBe("nosniff");
    expect(answer.headers()["referrer-policy"]).toBe("strict-origin-when-cross-origin");
    expect(answer.headers()["x-frame-options"]).toBe("DENY");
  }

  // Behind a TLS-terminating proxy, pages pin https.
  const viaHttps = await request.get("/sign-in", { headers: { "x-forwarded-proto": "https" } });
  expect(viaHttps.headers()["strict-transport-security"]).toBe("max-age=31536000; includeSubDomains");
  expect(viaHttps.headers()["content-security-policy"]).toContain("upgrade-insecure-requests");
});

test("a signed-in member gets 404, not 200, for an unknown organisation, campaign or channel; pages run under the CSP", async ({ browser }) => {
  const context = await browser.newContext({ storageState: storageStateOf("owner") });
  const page = await context.newPage();
  const violations = watchViolations(page);
  const { slug } = ownerOrg();
  for (const path of [`/o/${slug}/channels`, `/o/${slug}/campaigns`, `/o/${slug}/conversations`, `/o/${slug}/reports`, `/o/${slug}/settings/members`]) {
    const answer = await page.goto(path);
    expect(answer?.status(), path).toBe(200);
  }
  // The dashboard still works (client components hydrated): the nav navigates without a full load.
  await page.getByRole("link", { name: "Campaigns" }).first().click();
  await expect(page).toHaveURL(new RegExp(`/o/${slug}/campaigns$`));

  for (const path of [
    "/no-such-page",
    "/o/no-such-organisation-here",
    `/o/${slug}/no-such-page`,
    `/o/${slug}/settings/no-such-tab`,
    `/o/${slug}/reports/no-such-report`,
    `/o/${slug}/campaigns/${MISSING}`,
    `/o/${slug}/campaigns/${MISSING}/edit`,
    `/o/${slug}/campaigns/not-a-uuid`,
    `/o/${slug}/channels/${MISSING}`,
    `/o/${slug}/channels/${MISSING}/edit`,
    `/o/${slug}/conversations/${MISSING}`,
    `/o/${slug}/settings/skill-groups/${MISSING}`,
    `/o/${slug}/settings/workflows/${MISSING}`,
  ]) {
    const answer = await page.goto(path);
    expect(answer?.status(), path).toBe(404);
    // The not-found page itself, not an empty 404 or the page that was asked for.
    await expect(page.getByText("404", { exact: true }), path).toBeVisible();
  }
  expect(violations).toEqual([]);
  await context.close();
});

test("next start refuses to run in production without ENCRYPTION_KEY and NEXTAUTH_SECRET", async () => {
  const port = APP_PORT + 2000;
  const env: NodeJS.ProcessEnv = { PATH: process.env.PATH, HOME: process.env.HOME, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1" };
  if (process.env.NEXT_DIST_DIR) env.NEXT_DIST_DIR = process.env.NEXT_DIST_DIR;
  const child = spawn("npx", ["next", "start", "-p", String(port), "-H", "127.0.0.1"], { env, detached: true, stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  child.stdout.on("data", (chunk) => (output += chunk));
  child.stderr.on("data", (chunk) => (output += chunk));
  const code = await new Promise<number | null>((resolve) => {
    const timer = setTimeout(() => {
      process.kill(-child.pid!, "SIGKILL");
      resolve(null);
    }, 30_000);
    child.on("exit", (exitCode) => {
      clearTimeout(timer);
      resolve(exitCode);
    });
  });
  expect(output).toContain("Refusing to start in production without ENCRYPTION_KEY and NEXTAUTH_SECRET.");
  expect(output).toContain("openssl rand -base64 32");
  expect(code).toBe(1);
});
