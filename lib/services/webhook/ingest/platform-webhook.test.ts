/**
 * The platform app's app-level callback URL, `/facebook/webhook`, over real HTTP through the route itself
 * (pages/api/facebook/webhook/index.ts on a node:http server): Meta's handshake with the operator's verify
 * token, and deliveries signed with the platform app's secret, stored only for Pages connected through
 * Facebook Login with that app.
 */
import { createHmac } from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { channelErrors, channels, webhookEvents } from "@/db/schema";
import { seal } from "@/lib/crypto/secrets";
import { createSkillGroup } from "@/lib/services/skill-groups";
import platformWebhook from "@/pages/api/facebook/webhook/index";
import perPageWebhook from "@/pages/api/facebook/webhook/[pageId]";
import { useTestDatabase } from "@/tests/db";
import { createOrgFixture, type OrgFixture } from "@/tests/fixtures";
import type { NextApiRequest, NextApiResponse } from "next";

useTestDatabase();

const PLATFORM = { appId: "3000000000000003", appSecret: "platform-app-secret", verifyToken: "platform-verify-token", loginConfigId: "5000000000000005" };
const CUSTOMER_APP = { appId: "2000000000000222", appSecret: "customer-app-secret" };
const LOGIN_PAGE = "1000000000000101";
/** Connected by hand, with the platform app's own id and secret typed in: still not the app-level URL's. */
const MANUAL_SAME_APP_PAGE = "1000000000000102";
const MANUAL_OTHER_APP_PAGE = "1000000000000103";
const UNKNOWN_PAGE = "1000000000000199";

let server: http.Server;
let baseUrl: string;
let org: OrgFixture;
let loginChannelId: string;
const saved: Record<string, string | undefined> = {};

function sign(body: string, secret: string): string {
  return `sha256=${createHmac("sha256", secret).update(Buffer.from(body)).digest("hex")}`;
}

function delivery(entries: { pageId: string; mid: string }[]): string {
  return JSON.stringify({
    object: "page",
    entry: entries.map(({ pageId, mid }, i) => ({
      id: pageId,
      time: 1_700_000_000_000 + i,
      messaging: [{ sender: { id: `psid-${mid}` }, recipient: { id: pageId }, timestamp: 1_700_000_000_000 + i, message: { mid, text: "hello" } }],
    })),
  });
}

async function post(path: string, body: string, signature: string | null) {
  const res = await fetch(`${baseUrl}${path}`, { method: "POST", headers: { "content-type": "application/json", ...(signature ? { "x-hub-signature-256": signature } : {}) }, body });
  return { status: res.status, text: await res.text() };
}

async function storedKeys(): Promise<string[]> {
  const db = await getDb();
  return (await db.select({ key: webhookEvents.dedupeKey }).from(webhookEvents)).map((r) => r.key);
}

async function connect(input: { pageId: string; connection: "manual" | "facebook_login"; appId: string; appSecret: string | null; skillGroupId: string }) {
  const db = await getDb();
  // Written directly: how a channel came to be connected is the login flow's business; the webhook reads the row.
  const [row] = await db
    .insert(channels)
    .values({
      orgId: org.org.id,
      skillGroupId: input.skillGroupId,
      name: `Page ${input.pageId}`,
      pageId: input.pageId,
      appId: input.appId,
      connection: input.connection,
      pageAccessTokenSealed: seal(`token-${input.pageId}`),
      appSecretSealed: input.appSecret === null ? null : seal(input.appSecret),
      verifyTokenSealed: seal(`verify-${input.pageId}`),
    })
    .returning();
  return row.id;
}

beforeAll(async () => {
  for (const key of ["META_APP_ID", "META_APP_SECRET", "META_LOGIN_CONFIG_ID", "META_WEBHOOK_VERIFY_TOKEN"]) saved[key] = process.env[key];
  process.env.META_APP_ID = PLATFORM.appId;
  process.env.META_APP_SECRET = PLATFORM.appSecret;
  process.env.META_LOGIN_CONFIG_ID = PLATFORM.loginConfigId;
  process.env.META_WEBHOOK_VERIFY_TOKEN = PLATFORM.verifyToken;

  org = await createOrgFixture("Platform webhook");
  const group = await createSkillGroup({ ctx: org.as.owner, input: { name: "Support" } });
  loginChannelId = await connect({ pageId: LOGIN_PAGE, connection: "facebook_login", appId: PLATFORM.appId, appSecret: null, skillGroupId: group.id });
  await connect({ pageId: MANUAL_SAME_APP_PAGE, connection: "manual", appId: PLATFORM.appId, appSecret: PLATFORM.appSecret, skillGroupId: group.id });
  await connect({ pageId: MANUAL_OTHER_APP_PAGE, connection: "manual", ...CUSTOMER_APP, skillGroupId: group.id });

  // The routes themselves, as Next calls them after the rewrite (the per-Page one reads its Page id from the query).
  server = http.createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://localhost");
    const match = /^\/facebook\/webhook(?:\/([^/]+))?$/.exec(url.pathname);
    if (!match) return void res.writeHead(404).end();
    const handler = match[1] ? perPageWebhook : platformWebhook;
    Object.assign(req, { query: match[1] ? { pageId: match[1] } : {} });
    handler(req as NextApiRequest, res as NextApiResponse).catch((error: unknown) => {
      console.error(error);
      if (!res.headersSent) res.writeHead(500).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  for (const [key, value] of Object.entries(saved)) {
    if (value === undefined) delete process.env[key];
    else process.env[key] = value;
  }
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
});

describe("GET /facebook/webhook (Meta's verification handshake)", () => {
  it("echoes hub.challenge for the operator's verify token and refuses any other", async () => {
    const ok = await fetch(`${baseUrl}/facebook/webhook?hub.mode=subscribe&hub.verify_token=${PLATFORM.verifyToken}&hub.challenge=1158201444`);
    expect(ok.status).toBe(200);
    expect(await ok.text()).toBe("1158201444");
    const wrong = await fetch(`${baseUrl}/facebook/webhook?hub.mode=subscribe&hub.verify_token=verify-${LOGIN_PAGE}&hub.challenge=1`);
    expect(wrong.status).toBe(403);
    const mode = await fetch(`${baseUrl}/facebook/webhook?hub.mode=unsubscribe&hub.verify_token=${PLATFORM.verifyToken}&hub.challenge=1`);
    expect(mode.status).toBe(403);
  });

  it("refuses every token while no verify token is configured, and does not exist without a platform app", async () => {
    delete process.env.META_WEBHOOK_VERIFY_TOKEN;
    try {
      const res = await fetch(`${baseUrl}/facebook/webhook?hub.mode=subscribe&hub.verify_token=&hub.challenge=1`);
      expect(res.status).toBe(403);
      expect(await res.text()).toMatch(/META_WEBHOOK_VERIFY_TOKEN/);
      delete process.env.META_APP_ID;
      expect((await fetch(`${baseUrl}/facebook/webhook?hub.mode=subscribe&hub.verify_token=${PLATFORM.verifyToken}&hub.challenge=1`)).status).toBe(404);
    } finally {
      process.env.META_APP_ID = PLATFORM.appId;
      process.env.META_WEBHOOK_VERIFY_TOKEN = PLATFORM.verifyToken;
    }
  });
});

describe("POST /facebook/webhook", () => {
  beforeEach(async () => {
    const db = await getDb();
    await db.delete(webhookEvents);
  });

  it("stores a delivery signed with the platform app's secret for a Page connected through Facebook Login", async () => {
    const body = delivery([{ pageId: LOGIN_PAGE, mid: "m_login_1" }]);
    const res = await post("/facebook/webhook", body, sign(body, PLATFORM.appSecret));
    expect(res).toEqual({ status: 200, text: "EVENT_RECEIVED" });
    const db = await getDb();
    const rows = await db.select().from(webhookEvents);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ channelId: loginChannelId, orgId: org.org.id, dedupeKey: "mid:m_login_1", kind: "message" });
    // Meta redelivers: stored once.
    expect((await post("/facebook/webhook", body, sign(body, PLATFORM.appSecret))).status).toBe(200);
    expect(await storedKeys()).toEqual(["mid:m_login_1"]);
  });

  it("drops entries of Pages connected by hand (even with the platform app's id) and of unknown Pages, keeping the others", async () => {
    const body = delivery([
      { pageId: LOGIN_PAGE, mid: "m_login_2" },
      { pageId: MANUAL_SAME_APP_PAGE, mid: "m_manual_same" },
      { pageId: MANUAL_OTHER_APP_PAGE, mid: "m_manual_other" },
      { pageId: UNKNOWN_PAGE, mid: "m_unknown" },
    ]);
    const res = await post("/facebook/webhook", body, sign(body, PLATFORM.appSecret));
    expect(res.status).toBe(200);
    expect(await storedKeys()).toEqual(["mid:m_login_2"]);
  });

  it("answers 200 and stores nothing when every entry is for a Page it may not speak for", async () => {
    const body = delivery([
      { pageId: MANUAL_SAME_APP_PAGE, mid: "m_manual_only" },
      { pageId: UNKNOWN_PAGE, mid: "m_unknown_only" },
    ]);
    expect((await post("/facebook/webhook", body, sign(body, PLATFORM.appSecret))).status).toBe(200);
    expect(await storedKeys()).toEqual([]);
  });

  it("refuses a missing or wrong signature with 401 and writes nothing, not even a health count", async () => {
    const db = await getDb();
    const errorsBefore = (await db.select().from(channelErrors)).length;
    const body = delivery([
      { pageId: LOGIN_PAGE, mid: "m_forged" },
      { pageId: "1000000000000555", mid: "m_forged_unknown" },
    ]);
    expect((await post("/facebook/webhook", body, null)).status).toBe(401);
    expect((await post("/facebook/webhook", body, sign(body, CUSTOMER_APP.appSecret))).status).toBe(401);
    expect((await post("/facebook/webhook", body, sign(body, "sha256=nonsense"))).status).toBe(401);
    expect(await storedKeys()).toEqual([]);
    expect((await db.select().from(channelErrors)).length).toBe(errorsBefore);
  });

  it("answers 404 to every POST while no platform app is configured", async () => {
    const body = delivery([{ pageId: LOGIN_PAGE, mid: "m_unconfigured" }]);
    delete process.env.META_APP_SECRET;
    try {
      expect((await post("/facebook/webhook", body, sign(body, PLATFORM.appSecret))).status).toBe(404);
    } finally {
      process.env.META_APP_SECRET = PLATFORM.appSecret;
    }
    expect(await storedKeys()).toEqual([]);
  });

  it("refuses a body over the size limit before reading it all", async () => {
    const huge = "x".repeat(5 * 1024 * 1024 + 10);
    expect((await post("/facebook/webhook", huge, sign(huge, PLATFORM.appSecret))).status).toBe(413);
  });

  it("keeps the per-Page URL working for a Facebook Login channel and for a channel of the organisation's own app", async () => {
    const login = delivery([{ pageId: LOGIN_PAGE, mid: "m_login_per_page" }]);
    expect((await post(`/facebook/webhook/${LOGIN_PAGE}`, login, sign(login, PLATFORM.appSecret))).status).toBe(200);
    const manual = delivery([{ pageId: MANUAL_OTHER_APP_PAGE, mid: "m_manual_per_page" }]);
    expect((await post(`/facebook/webhook/${MANUAL_OTHER_APP_PAGE}`, manual, sign(manual, CUSTOMER_APP.appSecret))).status).toBe(200);
    expect((await storedKeys()).sort()).toEqual(["mid:m_login_per_page", "mid:m_manual_per_page"]);
  });
});
