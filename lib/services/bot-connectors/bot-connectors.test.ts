import { hostname } from "node:os";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { getDb } from "@/db/client";
import { botConfigs, botConnectors } from "@/db/schema";
import { ForbiddenError, NotFoundError, ValidationError } from "@/lib/errors";
import type { ConnectorRequest } from "@/lib/services/bot";
import { expectAuditRow } from "@/tests/audit";
import { startTestBotServer, type TestBotServer } from "@/tests/bot-server";
import { useTestDatabase } from "@/tests/db";
import { createSkillGroupWithAgents } from "@/tests/desk";
import { createOrgFixture, type OrgFixture } from "@/tests/fixtures";
import { askConnector, createConnector, deleteConnector, listConnectors, rotateConnectorSecret, testConnector, updateConnector } from "./index";
import { checkConnectorUrl, isPrivateAddress } from "./url-policy";

useTestDatabase();

let f: OrgFixture;
let other: OrgFixture;
let bot: TestBotServer;

const request = (text: string): ConnectorRequest => ({
  id: `mid.${text}`,
  conversationId: "0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b",
  channel: { id: "0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5c", pageId: "1001" },
  contact: { psid: "psid-1", name: "Mei Lin", locale: "zh_CN" },
  message: { text, quickReplyPayload: null, postbackPayload: null, timestamp: 1_780_000_000_000 },
  language: "zh-CN",
});

async function connectorRow(id: string) {
  const db = await getDb();
  const [row] = await db.select().from(botConnectors).where(eq(botConnectors.id, id));
  return row!;
}

beforeAll(async () => {
  f = await createOrgFixture();
  other = await createOrgFixture();
  bot = await startTestBotServer();
});
afterAll(async () => {
  await bot.close();
});

async function newConnector(timeoutMs = 1000) {
  const created = await createConnector({ ctx: f.as.admin, input: { name: "Chatopera", url: bot.url, timeoutMs, fallback: "builtin" } });
  bot.secret = created.secret;
  return created.connector;
}

describe("askConnector against an organisation's bot", () => {
  it("success: the bot receives the signed message and its messages come back", async () => {
    const connector = await newConnector();
    bot.behave((r) => ({
      json: {
        messages: [
          { kind: "text", text: `您问的是：${r.message.text}`, quickReplies: [{ title: "转人工", payload: "MD_BOT_HUMAN" }] },
          { kind: "buttons", text: "Track it here", buttons: [{ type: "web_url", title: "Track", url: "https://shop.example.com/track" }] },
        ],
      },
    }));
    const reply = await askConnector({ orgId: f.org.id, connectorId: connector.id, request: request("包邮吗") });
    expect(reply).toEqual({
      ok: true,
      handover: false,
      handoverNote: null,
      messages: [
        { kind: "text", text: "您问的是：包邮吗", quickReplies: [{ title: "转人工", payload: "MD_BOT_HUMAN" }] },
        { kind: "buttons", text: "Track it here", buttons: [{ type: "web_url", title: "Track", url: "https://shop.example.com/track" }] },
      ],
    });
    expect(bot.received.at(-1)).toEqual(request("包邮吗"));
    expect((await connectorRow(connector.id)).lastError).toBeNull();
  });

  it("handover action: the bot's handover and note come back", async () => {
    const connector = await newConnector();
    bot.behave(() => ({ json: { messages: [{ kind: "text", text: "I'll get a colleague." }], handover: true, handoverNote: "refund over 100 USD" } }));
    const reply = await askConnector({ orgId: f.org.id, connectorId: connector.id, request: request("I want a refund") });
    expect(reply).toEqual({ ok: true, messages: [{ kind: "text", text: "I'll get a colleague." }], handover: true, handoverNote: "refund over 100 USD" });
    // A handover without words is fine too: the bot says nothing and the team takes over.
    bot.behave(() => ({ json: { messages: [], handover: true } }));
    expect(await askConnector({ orgId: f.org.id, connectorId: connector.id, request: request("human") })).toEqual({ ok: true, messages: [], handover: true, handoverNote: null });
  });

  it("timeout: a bot slower than timeoutMs is given up on within the timeout, and the reason is recorded", async () => {
    const connector = await newConnector(500);
    bot.behave(() => ({ delayMs: 3000, json: { messages: [] } }));
    const started = performance.now();
    const reply = await askConnector({ orgId: f.org.id, connectorId: connector.id, request: request("slow") });
    const elapsed = performance.now() - started;
    expect(reply).toEqual({ ok: false, error: "timeout" });
    expect(elapsed).toBeGreaterThanOrEqual(450);
    expect(elapsed).toBeLessThan(1500);
    const row = await connectorRow(connector.id);
    expect(row.lastError).toBe("timeout: no answer within 500 ms");
    expect(row.lastErrorAt).toBeInstanceOf(Date);
  });

  it("bad signature: a bot holding another secret refuses with 401, which is bad_status", async () => {
    const connector = await newConnector();
    bot.secret = "mdbot_not-the-connectors-secret";
    const refusedBefore = bot.refused;
    const reply = await askConnector({ orgId: f.org.id, connectorId: connector.id, request: request("hi") });
    expect(reply).toEqual({ ok: false, error: "bad_status" });
    expect(bot.refused).toBe(refusedBefore + 1);
    expect((await connectorRow(connector.id)).lastError).toBe("bad_status: HTTP 401");
  });

  it("rotating the secret: the bot with the old secret refuses, with the new one it answers", async () => {
    const connector = await newConnector();
    bot.behave(() => ({ json: { messages: [{ kind: "text", text: "ok" }] } }));
    const rotated = await rotateConnectorSecret({ ctx: f.as.owner, connectorId: connector.id });
    expect(rotated.secret).not.toBe(bot.secret);
    expect(await askConnector({ orgId: f.org.id, connectorId: connector.id, request: request("a") })).toEqual({ ok: false, error: "bad_status" });
    bot.secret = rotated.secret;
    expect(await askConnector({ orgId: f.org.id, connectorId: connector.id, request: request("a") })).toMatchObject({ ok: true });
    await expectAuditRow(f.org, { action: "bot_connector.secret_rotated", resourceId: connector.id });
  });

  it("bad body: not JSON, the wrong shape, more than 5 messages, or a message Meta would refuse", async () => {
    const connector = await newConnector();
    const bodies: Parameters<TestBotServer["behave"]>[0][] = [
      () => ({ raw: "<html>oops</html>" }),
      () => ({ json: { text: "hello" } }),
      () => ({ json: { messages: Array.from({ length: 6 }, (_, i) => ({ kind: "text", text: `m${i}` })) } }),
      () => ({ json: { messages: [{ kind: "text", text: "x", quickReplies: [{ title: "a title much longer than twenty", payload: "P" }] }] } }),
      () => ({ json: { messages: [{ kind: "video", url: "https://x.example/v.mp4" }] } }),
    ];
    for (const body of bodies) {
      bot.behave(body);
      expect(await askConnector({ orgId: f.org.id, connectorId: connector.id, request: request("x") })).toEqual({ ok: false, error: "bad_body" });
    }
    expect((await connectorRow(connector.id)).lastError).toMatch(/^bad_body: messages\.0/);
    // Exactly five is allowed.
    bot.behave(() => ({ json: { messages: Array.from({ length: 5 }, (_, i) => ({ kind: "text", text: `m${i}` })) } }));
    expect(await askConnector({ orgId: f.org.id, connectorId: connector.id, request: request("x") })).toMatchObject({ ok: true });
  });

  it("an error status, an unreachable endpoint, a disabled or another organisation's connector", async () => {
    const connector = await newConnector();
    bot.behave(() => ({ status: 500, json: { messages: [] } }));
    expect(await askConnector({ orgId: f.org.id, connectorId: connector.id, request: request("x") })).toEqual({ ok: false, error: "bad_status" });
    const closed = await startTestBotServer();
    await closed.close();
    await updateConnector({ ctx: f.as.admin, connectorId: connector.id, input: { url: closed.url } });
    expect(await askConnector({ orgId: f.org.id, connectorId: connector.id, request: request("x") })).toEqual({ ok: false, error: "unreachable" });
    expect(await askConnector({ orgId: other.org.id, connectorId: connector.id, request: request("x") })).toEqual({ ok: false, error: "disabled" });
    await updateConnector({ ctx: f.as.admin, connectorId: connector.id, input: { enabled: false, url: bot.url } });
    const count = bot.received.length;
    expect(await askConnector({ orgId: f.org.id, connectorId: connector.id, request: request("x") })).toEqual({ ok: false, error: "disabled" });
    expect(bot.received.length).toBe(count);
  });
});

describe("managing connectors", () => {
  it("create shows the secret once; it is sealed at rest and never listed", async () => {
    const created = await createConnector({ ctx: f.as.owner, input: { name: "  Helpdesk bot ", url: "https://bot.example.com/hook" } });
    expect(created.secret).toMatch(/^mdbot_[\w-]{43}$/);
    expect(created.connector).toMatchObject({ name: "Helpdesk bot", url: "https://bot.example.com/hook", timeoutMs: 3000, fallback: "queue", enabled: true, lastError: null });
    const row = await connectorRow(created.connector.id);
    expect(row.secretSealed).not.toContain(created.secret);
    const listed = await listConnectors({ ctx: f.as.admin });
    expect(JSON.stringify(listed)).not.toContain(created.secret);
    expect(JSON.stringify(listed)).not.toContain(row.secretSealed);
    await expectAuditRow(f.org, { action: "bot_connector.created", resourceId: created.connector.id, after: { name: "Helpdesk bot", url: "https://bot.example.com/hook" } });
  });

  it("refuses bad URLs and timeouts with field messages", async () => {
    const bad = async (input: object, message: string) => {
      const error = await createConnector({ ctx: f.as.admin, input: { name: "x", url: "https://bot.example.com", ...input } }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ValidationError);
      expect((error as Error).message).toBe(message);
    };
    await bad({ url: "not a url" }, "url: Enter a full URL, such as https://bot.example.com/hook (no user name or password in it).");
    await bad({ url: "http://bot.example.com/hook" }, "url: The endpoint must use HTTPS (plain HTTP is allowed only for localhost while developing).");
    await bad({ url: "ftp://bot.example.com/hook" }, "url: The endpoint must use HTTPS (plain HTTP is allowed only for localhost while developing).");
    await bad({ url: "https://user:pw@bot.example.com/hook" }, "url: Enter a full URL, such as https://bot.example.com/hook (no user name or password in it).");
    await bad({ timeoutMs: 100 }, "timeoutMs: The timeout must be between 500 and 10,000 ms.");
    await bad({ timeoutMs: 20_000 }, "timeoutMs: The timeout must be between 500 and 10,000 ms.");
    await expect(createConnector({ ctx: f.as.admin, input: { name: "", url: "https://bot.example.com" } })).rejects.toThrow("name: Name is required.");
  });

  it("in production: HTTPS only and no private addresses, checked again on the address DNS gives", async () => {
    expect(checkConnectorUrl("http://localhost:3000/bot", false)).toMatchObject({ ok: true });
    for (const url of ["http://localhost:3000/bot", "https://localhost/bot", "https://127.0.0.1/bot", "https://10.1.2.3/bot", "https://169.254.169.254/latest", "https://[::1]/bot", "https://[fd00::1]/bot", "https://192.168.1.1/"]) {
      expect(checkConnectorUrl(url, true).ok, url).toBe(false);
    }
    expect(checkConnectorUrl("https://bot.example.com/hook", true)).toMatchObject({ ok: true });
    expect(checkConnectorUrl("https://93.184.215.14/hook", true)).toMatchObject({ ok: true });
    expect(["10.0.0.1", "172.16.5.5", "192.168.0.1", "127.0.0.1", "169.254.169.254", "100.64.0.1", "0.0.0.0", "::1", "fe80::1", "fc00::1", "::ffff:10.0.0.1"].every(isPrivateAddress)).toBe(true);
    expect(["8.8.8.8", "93.184.215.14", "2606:4700::1111", "::ffff:8.8.8.8"].some(isPrivateAddress)).toBe(false);
    // A name that resolves to a private address (this machine's own name) is refused when connecting, on the
    // address DNS gave: "unreachable", and the bot is never called.
    const connector = await newConnector();
    await getDb().then((db) => db.update(botConnectors).set({ url: bot.url.replace("http://127.0.0.1", `https://${hostname()}`) }).where(eq(botConnectors.id, connector.id)));
    vi.stubEnv("NODE_ENV", "production");
    try {
      const count = bot.received.length;
      expect(await askConnector({ orgId: f.org.id, connectorId: connector.id, request: request("x") })).toEqual({ ok: false, error: "unreachable" });
      expect(bot.received.length).toBe(count);
      expect((await connectorRow(connector.id)).lastError).toBe("unreachable: EPRIVATE");
    } finally {
      vi.unstubAllEnvs();
    }
  });

  it("the test call reports what the bot answered, or why it failed", async () => {
    const connector = await newConnector();
    bot.behave((r) => ({ json: { messages: [{ kind: "text", text: `got ${r.message.text}` }], handover: false } }));
    const ok = await testConnector({ ctx: f.as.admin, connectorId: connector.id });
    expect(ok).toMatchObject({ ok: true, error: null, messages: [{ kind: "text", text: "got Hello, this is a test message from Messenger Desk." }], handover: false });
    bot.secret = "mdbot_wrong";
    expect(await testConnector({ ctx: f.as.admin, connectorId: connector.id })).toMatchObject({ ok: false, error: "bad_status", messages: [] });
  });

  it("deleting a connector switches the configs that use it to the built-in bot", async () => {
    const connector = await newConnector();
    const sales = await createSkillGroupWithAgents(f.org, 1, "Sales");
    const db = await getDb();
    const [config] = await db.insert(botConfigs).values({ orgId: f.org.id, skillGroupId: sales.group.id, mode: "bot_first", engine: "external", connectorId: connector.id }).returning();
    await deleteConnector({ ctx: f.as.admin, connectorId: connector.id });
    const [after] = await db.select().from(botConfigs).where(eq(botConfigs.id, config!.id));
    expect(after).toMatchObject({ engine: "builtin", connectorId: null, mode: "bot_first" });
    await expect(testConnector({ ctx: f.as.admin, connectorId: connector.id })).rejects.toBeInstanceOf(NotFoundError);
    await expectAuditRow(f.org, { action: "bot_connector.deleted", resourceId: connector.id });
  });

  it("agents and marketers may not manage them; another organisation's connector is not found", async () => {
    const connector = await newConnector();
    for (const role of ["agent", "marketer"] as const) {
      await expect(createConnector({ ctx: f.as[role], input: { name: "x", url: "https://bot.example.com" } })).rejects.toBeInstanceOf(ForbiddenError);
      await expect(listConnectors({ ctx: f.as[role] })).rejects.toBeInstanceOf(ForbiddenError);
      await expect(testConnector({ ctx: f.as[role], connectorId: connector.id })).rejects.toBeInstanceOf(ForbiddenError);
    }
    await expect(updateConnector({ ctx: other.as.owner, connectorId: connector.id, input: { name: "mine" } })).rejects.toBeInstanceOf(NotFoundError);
    await expect(rotateConnectorSecret({ ctx: other.as.owner, connectorId: connector.id })).rejects.toBeInstanceOf(NotFoundError);
    await expect(deleteConnector({ ctx: other.as.owner, connectorId: connector.id })).rejects.toBeInstanceOf(NotFoundError);
    await expect(testConnector({ ctx: other.as.owner, connectorId: connector.id })).rejects.toBeInstanceOf(NotFoundError);
    expect((await listConnectors({ ctx: other.as.owner })).map((c) => c.id)).not.toContain(connector.id);
  });
});
