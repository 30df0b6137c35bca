import { expect, test } from "@playwright/test";
import { ownerOrg, storageStateOf } from "./personas";

// Another origin on the same site (same host, another port): the browser sends the app's Lax session cookie
// with its requests, so it is exactly where a cross-site request forgery would come from.
const SANDBOX = process.env.SANDBOX_URL ?? "http://127.0.0.1:4010";

test.use({ storageState: storageStateOf("owner") });

/** Names unique per attempt: the owner's organisation is shared by the specs and kept across a retry. */
const unique = (name: string) => `${name} ${Math.random().toString(36).slice(2, 7)}`;

test("Settings → API keys names the member who created each key", async ({ page }) => {
  const owner = ownerOrg();
  const keyName = unique("CRM sync");
  await page.goto(`/o/${owner.slug}/settings/api-keys`);
  await page.getByRole("button", { name: "Create API key" }).first().click();
  const dialog = page.getByRole("dialog");
  await dialog.getByLabel("Name").fill(keyName);
  await dialog.getByRole("button", { name: "Create", exact: true }).click();
  await expect(dialog.getByText("This is the only time the key is shown.")).toBeVisible();
  await dialog.getByRole("button", { name: "Done" }).click();

  const row = page.getByTestId("api-key-row").filter({ hasText: keyName });
  await expect(row.getByTestId("api-key-created-by")).toHaveText(`${owner.name}${owner.email}`);
  await expect(page.getByText("A key acts for the member who created it")).toBeVisible();
});

test("the session cookie writes to the API from the dashboard's own pages, and is refused from another origin", async ({ page }) => {
  const owner = ownerOrg();
  const url = `/api/v1/skill-groups?org=${owner.slug}`;
  const fromDashboard = unique("From the dashboard");
  const fromElsewhere = unique("From another origin");
  await page.goto(`/o/${owner.slug}/channels`);

  // The dashboard's own fetch: the browser adds Origin and Sec-Fetch-Site itself.
  const own = await page.evaluate(
    async ([url, name]) => {
      const res = await fetch(url, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ name }) });
      return res.status;
    },
    [url, fromDashboard] as const,
  );
  expect(own).toBe(201);

  // A page elsewhere posts what an HTML form can: text/plain, no preflight, the cookie attached.
  await page.goto(`${SANDBOX}/_sandbox/`);
  const forged = page.waitForResponse((res) => res.url().endsWith(url) && res.request().method() === "POST");
  await page.evaluate(
    async ([target, name]) => {
      await fetch(target, { method: "POST", mode: "no-cors", credentials: "include", headers: { "content-type": "text/plain" }, body: JSON.stringify({ name }) });
    },
    [`${process.env.APP_URL}${url}`, fromElsewhere] as const,
  );
  // 403, not 401: the cookie reached the app, and the origin check refused it.
  expect((await forged).status()).toBe(403);

  const groups = await page.request.get(url);
  const names = (await groups.json()).data.map((g: { name: string }) => g.name);
  expect(names).toContain(fromDashboard);
  expect(names).not.toContain(fromElsewhere);
});

test("API v1 answers JSON everywhere: unknown paths 404, undeclared parameters 400, and the document names absolute servers", async ({ page }) => {
  const owner = ownerOrg();
  for (const [method, path] of [
    ["GET", `/api/v1/nothing-here?org=${owner.slug}`],
    ["POST", `/api/v1/campaigns/123/nothing?org=${owner.slug}`],
    ["DELETE", "/api/v1"],
  ] as const) {
    const res = await page.request.fetch(path, { method });
    expect(res.status(), `${method} ${path}`).toBe(404);
    expect(res.headers()["content-type"]).toContain("application/json");
    expect((await res.json()).error.code).toBe("not_found");
  }
  // The catch-all shadows no operation.
  const one = await page.request.get(`/api/v1/skill-groups?org=${owner.slug}&limit=1`);
  expect(one.status()).toBe(200);
  expect((await one.json()).data.length).toBeLessThanOrEqual(1);
  const typo = await page.request.get(`/api/v1/skill-groups?org=${owner.slug}&limt=1`);
  expect(typo.status()).toBe(400);
  expect((await typo.json()).error.message).toContain("`limt`");

  const doc = await (await page.request.get("/api/v1/openapi.json")).json();
  expect(doc.servers).toEqual([{ url: `${process.env.APP_URL}/api/v1` }]);
  expect(doc.paths["/campaigns/{campaignId}/qr.png"].servers).toEqual([{ url: `${process.env.APP_URL}/api/downloads` }]);
});
