import { createHmac } from "node:crypto";
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb, setDatabase, type DatabaseHandle } from "@/db/client";
import { channelErrors, webhookEvents } from "@/db/schema";
import { getChannelHealth, createChannel } from "@/lib/services/channels";
import { createSkillGroup } from "@/lib/services/skill-groups";
import { useTestDatabase } from "@/tests/db";
import { useGraphSandbox } from "@/tests/graph-sandbox";
import { createOrgFixture, type OrgFixture } from "@/tests/fixtures";
import { ingestWebhook } from "./ingest-webhook";

const { handle } = useTestDatabase();
// Connecting a channel proves its Page through Graph /me: the sandbox holds the Pages and their tokens.
const sandbox = useGraphSandbox();

const APP_A = { appId: "2000000000000002", appSecret: "app-a-secret-123" };
const APP_B = { appId: "3000000000000003", appSecret: "app-b-secret-456" };
let orgA: OrgFixture;
let orgB: OrgFixture;
let floodedChannelId: string;

/** Signed independently of the code under test, as Meta does: HMAC-SHA256 of the exact bytes. */
function sign(body: string, secret: string) {
  return `sha256=${createHmac("sha256", secret).update(Buffer.from(body)).digest("hex")}`;
}

function textEvent(pageId: string, psid: string, mid: string, timestamp: number, text = "hello") {
  return { sender: { id: psid }, recipient: { id: pageId }, timestamp, message: { mid, text } };
}

function body(entries: { pageId: string; events: unknown[] }[]) {
  return JSON.stringify({ object: "page", entry: entries.map((e) => ({ id: e.pageId, time: Date.now(), messaging: e.events })) });
}

async function post(pageId: string, raw: string, signature: string | null) {
  return ingestWebhook({ pageId, rawBody: Buffer.from(raw), signature });
}

async function storedFor(channelPageId: string) {
  const db = await getDb();
  const rows = await db.select().from(webhookEvents);
  return rows.filter((r) => (r.payload as { recipient?: { id?: string } }).recipient?.id === channelPageId);
}

beforeAll(async () => {
  orgA = await createOrgFixture("Webhook A");
  orgB = await createOrgFixture("Webhook B");
  const groupA = await createSkillGroup({ ctx: orgA.as.owner, input: { name: "Support" } });
  const groupB = await createSkillGroup({ ctx: orgB.as.owner, input: { name: "Support" } });
  sandbox.page({ pageId: "1111111111", pageAccessToken: "token-page-1", ...APP_A });
  sandbox.page({ pageId: "2222222222", pageAccessToken: "token-page-2", ...APP_A });
  sandbox.page({ pageId: "9999999999", pageAccessToken: "token-page-9", ...APP_B });
  await createChannel({ ctx: orgA.as.owner, input: { name: "Page 1", pageId: "1111111111", pageAccessToken: "token-page-1", skillGroupId: groupA.id, ...APP_A } });
  await createChannel({ ctx: orgA.as.owner, input: { name: "Page 2", pageId: "2222222222", pageAccessToken: "token-page-2", skillGroupId: groupA.id, ...APP_A } });
  sandbox.page({ pageId: "3333333333", pageAccessToken: "token-page-3", ...APP_A });
  floodedChannelId = (await createChannel({ ctx: orgA.as.owner, input: { name: "Page 3", pageId: "3333333333", pageAccessToken: "token-page-3", skillGroupId: groupA.id, ...APP_A } })).id;
  // Another organisation's Page, connected through a different app.
  await createChannel({ ctx: orgB.as.owner, input: { name: "Page 9", pageId: "9999999999", pageAccessToken: "token-page-9", skillGroupId: groupB.id, ...APP_B } });
});

describe("POST /facebook/webhook/{pageId}", () => {
  it("stores a signed event once, however often Meta redelivers it", async () => {
    const raw = body([{ pageId: "1111111111", events: [textEvent("1111111111", "psid-1", "m_1", 1_700_000_000_000)] }]);
    const first = await post("1111111111", raw, sign(raw, APP_A.appSecret));
    expect(first).toMatchObject({ status: 200, body: "EVENT_RECEIVED" });
    expect(first.stored).toHaveLength(1);
    const again = await post("1111111111", raw, sign(raw, APP_A.appSecret));
    expect(again.status).toBe(200);
    expect(again.stored).toHaveLength(0);
    expect(await storedFor("1111111111")).toHaveLength(1);
  });

  it("refuses a missing or wrong signature with 401, stores nothing, and counts it for the health panel", async () => {
    const raw = body([{ pageId: "1111111111", events: [textEvent("1111111111", "psid-2", "m_forged", 1_700_000_000_100)] }]);
    expect((await post("1111111111", raw, null)).status).toBe(401);
    expect((await post("1111111111", raw, sign(raw, "not-the-secret"))).status).toBe(401);
    expect((await post("1111111111", raw, sign(raw + " ", APP_A.appSecret))).status).toBe(401);
    const db = await getDb();
    expect((await db.select().from(webhookEvents)).some((r) => r.dedupeKey === "mid:m_forged")).toBe(false);
    const errors = await db.select().from(channelErrors).where(eq(channelErrors.kind, "signature"));
    expect(errors.reduce((n, e) => n + e.count, 0)).toBeGreaterThanOrEqual(3);
  });

  it("verifies over the raw bytes, with unicode escaped as Meta sends it", async () => {
    const raw = body([{ pageId: "1111111111", events: [textEvent("1111111111", "psid-3", "m_zh", 1_700_000_000_200, "你好")] }]).replace(
      "你好",
      "\\u4f60\\u597d",
    );
    const result = await post("1111111111", raw, sign(raw, APP_A.appSecret));
    expect(result.status).toBe(200);
    const db = await getDb();
    const [row] = await db.select().from(webhookEvents).where(eq(webhookEvents.dedupeKey, "mid:m_zh"));
    expect((row.payload as { message: { text: string } }).message.text).toBe("你好");
  });

  it("routes each entry of a batch to its own Page, and drops entries of Pages of another app", async () => {
    const raw = body([
      { pageId: "1111111111", events: [textEvent("1111111111", "psid-4", "m_p1", 1_700_000_000_300)] },
      { pageId: "2222222222", events: [textEvent("2222222222", "psid-5", "m_p2", 1_700_000_000_301)] },
      { pageId: "9999999999", events: [textEvent("9999999999", "psid-6", "m_p9", 1_700_000_000_302)] },
      { pageId: "5555555555", events: [textEvent("5555555555", "psid-7", "m_unknown", 1_700_000_000_303)] },
    ]);
    // Delivered to Page 1's callback URL, signed by app A.
    const result = await post("1111111111", raw, sign(raw, APP_A.appSecret));
    expect(result.status).toBe(200);
    expect(result.stored.map((s) => s.channelId)).toHaveLength(2);
    const db = await getDb();
    const keys = (await db.select().from(webhookEvents)).map((r) => r.dedupeKey);
    expect(keys).toContain("mid:m_p1");
    expect(keys).toContain("mid:m_p2");
    expect(keys).not.toContain("mid:m_p9");
    expect(keys).not.toContain("mid:m_unknown");
    expect(result.stored.every((s) => s.orgId === orgA.org.id)).toBe(true);
  });

  it("answers 400 to an unparseable body or an object other than page", async () => {
    const notJson = "{not json";
    expect((await post("1111111111", notJson, sign(notJson, APP_A.appSecret))).status).toBe(400);
    const user = JSON.stringify({ object: "user", entry: [] });
    expect((await post("1111111111", user, sign(user, APP_A.appSecret))).status).toBe(400);
  });

  it("answers 404 for a Page that is not connected", async () => {
    const raw = body([]);
    expect((await post("123456789", raw, sign(raw, APP_A.appSecret))).status).toBe(404);
  });

  it("derives stable keys for events without a mid, and seals opt-in tokens at rest", async () => {
    const delivery = { sender: { id: "psid-8" }, recipient: { id: "1111111111" }, timestamp: 1_700_000_001_000, delivery: { watermark: 1_700_000_000_900 } };
    const optin = {
      sender: { id: "psid-8" },
      recipient: { id: "1111111111" },
      timestamp: 1_700_000_001_100,
      optin: { type: "one_time_notif_req", payload: "campaign:x", one_time_notif_token: "otn-secret-token-1" },
    };
    const raw = body([{ pageId: "1111111111", events: [delivery, optin, delivery] }]);
    const result = await post("1111111111", raw, sign(raw, APP_A.appSecret));
    expect(result.stored).toHaveLength(2);
    const db = await getDb();
    const rows = await db.select().from(webhookEvents).where(eq(webhookEvents.senderId, "psid-8"));
    expect(JSON.stringify(rows)).not.toContain("otn-secret-token-1");
  });

  it("answers 503 when the database cannot store the events, so Meta retries", async () => {
    const raw = body([{ pageId: "1111111111", events: [textEvent("1111111111", "psid-9", "m_down", 1_700_000_002_000)] }]);
    // Every call chains, and awaiting any query rejects, as with a PostgreSQL server that went away.
    const refused = (_resolve: unknown, reject: (e: Error) => void) => reject(new Error("connect ECONNREFUSED 127.0.0.1:5432"));
    const unavailable: object = new Proxy(function () {}, { get: (_, prop) => (prop === "then" ? refused : unavailable), apply: () => unavailable });
    const broken = { db: unavailable, kind: "postgres", exec: async () => {}, close: async () => {} } as unknown as DatabaseHandle;
    setDatabase(broken);
    try {
      const result = await post("1111111111", raw, sign(raw, APP_A.appSecret));
      expect(result.status).toBe(503);
    } finally {
      setDatabase(handle());
    }
    const again = await post("1111111111", raw, sign(raw, APP_A.appSecret));
    expect(again.stored).toHaveLength(1);
  });

  it("counts 300 unsigned POSTs in one row per minute instead of writing 300 rows, and the health panel shows the count", async () => {
    const raw = body([{ pageId: "3333333333", events: [textEvent("3333333333", "psid-x", "m_flood", 1_700_000_003_000)] }]);
    const answers: number[] = [];
    for (let wave = 0; wave < 6; wave++) {
      const results = await Promise.all(Array.from({ length: 50 }, (_, i) => post("3333333333", raw, i % 2 ? null : sign(raw, "guessed-secret"))));
      answers.push(...results.map((r) => r.status));
    }
    expect(answers).toEqual(Array(300).fill(401));
    const db = await getDb();
    const rows = await db.select().from(channelErrors).where(eq(channelErrors.channelId, floodedChannelId));
    // One row per minute: two only if the flood straddled a minute boundary.
    expect(rows.length).toBeLessThanOrEqual(2);
    expect(new Set(rows.map((r) => r.minute?.toISOString())).size).toBe(rows.length);
    expect(rows.reduce((n, r) => n + r.count, 0)).toBe(300);
    const health = await getChannelHealth({ ctx: orgA.as.agent, channelId: floodedChannelId });
    expect(health.recentErrors.length).toBeLessThanOrEqual(2);
    expect(health.recentErrors.reduce((n, e) => n + e.count, 0)).toBe(300);
    expect(health.errorsLastHour).toBe(300);
  });
});

describe("signed but malformed events", () => {
  /** JSON text nested `depth` levels deep, written as text: serialising such a value would itself overflow. */
  const nested = (depth: number) => `${'{"a":'.repeat(depth)}"bottom"${"}".repeat(depth)}`;
  const DEEP = "__DEEP__";
  /** The body with each `"__DEEP__"` string replaced by 5,000 levels of nesting, as an attacker with the app secret would send. */
  const deepen = (raw: string) => raw.replaceAll(JSON.stringify(DEEP), nested(5_000));

  async function droppedCount() {
    const db = await getDb();
    const rows = await db.select().from(channelErrors).where(eq(channelErrors.kind, "unparseable"));
    return rows.reduce((n, r) => n + r.count, 0);
  }

  it("drops an event nested 5,000 levels deep with 200, never 503, and records it", async () => {
    const before = await droppedCount();
    const deep = { ...textEvent("1111111111", "psid-deep", "m_deep", 1_700_000_004_000), extra: DEEP };
    const raw = deepen(body([{ pageId: "1111111111", events: [deep] }]));
    const result = await post("1111111111", raw, sign(raw, APP_A.appSecret));
    expect(result.status).toBe(200);
    expect(result.stored).toHaveLength(0);
    expect(await droppedCount()).toBe(before + 1);
  });

  it('drops an event with "timestamp":"abc" with 200 and records it', async () => {
    const before = await droppedCount();
    const raw = body([{ pageId: "1111111111", events: [{ ...textEvent("1111111111", "psid-abc", "m_abc", 0), timestamp: "abc" }] }]);
    const result = await post("1111111111", raw, sign(raw, APP_A.appSecret));
    expect(result.status).toBe(200);
    const db = await getDb();
    expect(await db.select().from(webhookEvents).where(eq(webhookEvents.dedupeKey, "mid:m_abc"))).toHaveLength(0);
    expect(await droppedCount()).toBe(before + 1);
  });

  it("stores the good events of a batch that holds bad ones", async () => {
    const before = await droppedCount();
    const events = [
      textEvent("1111111111", "psid-good", "m_good_1", 1_700_000_005_000),
      { ...textEvent("1111111111", "psid-good", "m_bad_ts", 0), timestamp: "abc" },
      textEvent("1111111111", "psid-good", "m_bad_nul", 1_700_000_005_001, "nul \u0000 here"),
      { ...textEvent("1111111111", "psid-good", "m_bad_deep", 1_700_000_005_002), extra: DEEP },
      { ...textEvent("1111111111", "psid-good", "m_bad_sender", 1_700_000_005_003), sender: { id: { not: "a string" } } },
      textEvent("1111111111", "psid-good", "m_good_2", 1_700_000_005_004),
    ];
    const raw = deepen(body([{ pageId: "1111111111", events }]));
    const result = await post("1111111111", raw, sign(raw, APP_A.appSecret));
    expect(result.status).toBe(200);
    expect(result.stored).toHaveLength(2);
    const db = await getDb();
    const keys = (await db.select().from(webhookEvents)).map((r) => r.dedupeKey);
    expect(keys).toEqual(expect.arrayContaining(["mid:m_good_1", "mid:m_good_2"]));
    for (const bad of ["mid:m_bad_ts", "mid:m_bad_nul", "mid:m_bad_deep", "mid:m_bad_sender"]) expect(keys).not.toContain(bad);
    expect(await droppedCount()).toBe(before + 4);
  });

  it("answers 400 to a signed body that is not Meta's shape at all, however deep", async () => {
    for (const raw of [deepen(JSON.stringify({ object: "page", entry: [DEEP] })), nested(5_000), JSON.stringify({ object: "page", entry: [[["x"]]] })]) {
      const result = await post("1111111111", raw, sign(raw, APP_A.appSecret));
      expect(result.status).toBe(400);
    }
  });
});
