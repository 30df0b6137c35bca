/**
 * The cross-site request rules at the choke point, one request at a time (the contract test tries every write
 * operation with the main cases): what a session cookie may do from where, and that API keys are left alone.
 */
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { apiOperations } from "@/lib/api/openapi";
import { appUrl } from "@/lib/app-url";
import { randomToken } from "@/db/ids";
import { createApiKey } from "@/lib/services/api-keys";
import { useTestDatabase } from "@/tests/db";
import { createOrgFixture, type OrgFixture } from "@/tests/fixtures";
import { callApi, errorMessage, type CallOptions } from "@/tests/api-v1";

const session = vi.hoisted(() => ({ user: null as { id: string; email: string; name: string } | null }));
vi.mock("@/lib/auth/session", () => ({ getSessionUser: async () => session.user }));

useTestDatabase();

const op = (operationId: string) => apiOperations.find((o) => o.operationId === operationId)!;
const OWN_ORIGIN = new URL(appUrl()).origin;

let f: OrgFixture;
let key: string;

beforeAll(async () => {
  f = await createOrgFixture();
  key = (await createApiKey({ ctx: f.as.owner, input: { name: "CRM" } })).secret;
});

afterEach(() => {
  session.user = null;
});

function asOwner(headers: Record<string, string>, options: Partial<CallOptions> = {}) {
  session.user = { ...f.users.owner, name: "" };
  return callApi(op("createSkillGroup"), { key: null, body: { name: `Group ${randomToken(4)}` }, ...options, headers: { "x-org-slug": f.org.slug, ...headers } });
}

describe("a session cookie", () => {
  it.each([
    ["Sec-Fetch-Site: same-origin and no Origin", { "sec-fetch-site": "same-origin" }],
    ["the app's own Origin", { origin: OWN_ORIGIN }],
    ["JSON with a charset", { origin: OWN_ORIGIN, "content-type": "application/json; charset=utf-8" }],
  ])("writes from %s", async (_name, headers) => {
    expect((await asOwner(headers)).status).toBe(201);
  });

  it.each([
    ["Origin: null (a sandboxed frame or a redirect)", { origin: "null" }],
    ["a sibling origin of the app (another port)", { origin: `${OWN_ORIGIN}1` }],
    ["Sec-Fetch-Site: same-site (a subdomain)", { "sec-fetch-site": "same-site" }],
    ["a foreign Origin that claims Sec-Fetch-Site: none", { origin: "https://attacker.example", "sec-fetch-site": "none" }],
  ])("is refused (403) with %s", async (_name, headers) => {
    const answer = await asOwner(headers);
    expect(answer.status).toBe(403);
    expect(errorMessage(answer, "forbidden")).toMatch(/^Cross-site request refused/);
  });

  it.each(["application/x-www-form-urlencoded", "multipart/form-data; boundary=x"])("is refused (403) for a %s body, even from the same origin", async (type) => {
    const answer = await asOwner({ origin: OWN_ORIGIN, "content-type": type }, { rawBody: "name=Evil" });
    expect(answer.status).toBe(403);
    expect(errorMessage(answer, "forbidden")).toMatch(/application\/json/);
  });

  it("reads from anywhere: GET is not a write (the browser keeps the answer from a foreign page)", async () => {
    session.user = { ...f.users.owner, name: "" };
    const answer = await callApi(op("listSkillGroups"), { key: null, headers: { "x-org-slug": f.org.slug, origin: "https://attacker.example" } });
    expect(answer.status).toBe(200);
  });

  it("without a session answers 401 from anywhere, as before", async () => {
    const answer = await callApi(op("createSkillGroup"), { key: null, body: { name: "x" }, headers: { origin: "https://attacker.example" } });
    expect(answer.status).toBe(401);
  });
});

describe("an API key", () => {
  it("writes with no Origin, a foreign Origin, or a text/plain body: browsers never send it on their own", async () => {
    const plain = { key, params: {} };
    expect((await callApi(op("createSkillGroup"), { ...plain, body: { name: "No origin" } })).status).toBe(201);
    expect((await callApi(op("createSkillGroup"), { ...plain, body: { name: "Foreign" }, headers: { origin: "https://elsewhere.example" } })).status).toBe(201);
    expect((await callApi(op("createSkillGroup"), { ...plain, rawBody: JSON.stringify({ name: "As text" }), headers: { "content-type": "text/plain" } })).status).toBe(201);
  });
});
