/**
 * Channels through API v1 against the Messenger sandbox as Graph: what the connection check finds for a
 * good, a mismatched and a revoked token, how "reconnect needed" comes and goes, the token exchange, and
 * that no answer ever carries a secret the channel was created with.
 */
import { beforeAll, describe, expect, it, vi } from "vitest";
import { eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { channels } from "@/db/schema";
import { seal } from "@/lib/crypto/secrets";
import { apiOperations } from "@/lib/api/openapi";
import { randomToken } from "@/db/ids";
import { createApiKey } from "@/lib/services/api-keys";
import { revealVerifyToken } from "@/lib/services/channels";
import { channelBadge, SUBSCRIBED_FIELDS } from "@/lib/services/channels/schemas";
import { createSkillGroup } from "@/lib/services/skill-groups";
import { DEMO } from "@/sandbox/server";
import { expectAuditRow } from "@/tests/audit";
import { useTestDatabase } from "@/tests/db";
import { createOrgFixture, type OrgFixture } from "@/tests/fixtures";
import { useGraphSandbox } from "@/tests/graph-sandbox";
import { callApi, errorMessage, type ApiAnswer } from "@/tests/api-v1";

vi.mock("@/lib/auth/session", () => ({ getSessionUser: async () => null }));

useTestDatabase();
const sandbox = useGraphSandbox();

let org: OrgFixture;
let key: string;
let skillGroupId: string;

const call = (operationId: string, options: { channelId?: string; body?: unknown } = {}) => {
  const operation = apiOperations.find((o) => o.operationId === operationId)!;
  return callApi(operation, { key, params: options.channelId ? { channelId: options.channelId } : undefined, body: options.body });
};

/** Every secret a channel was given, and its verify token, must stay out of the answer's bytes. */
function expectNoSecrets(answer: ApiAnswer, secrets: string[]) {
  const text = JSON.stringify(answer.body);
  for (const secret of secrets) expect(text, `answer leaks ${secret}`).not.toContain(secret);
}

async function connect(input: { name: string; pageId: string; pageAccessToken: string }): Promise<string> {
  const answer = await call("createChannel", { body: { ...input, appId: DEMO.appId, appSecret: DEMO.appSecret, skillGroupId } });
  expect(answer.status, JSON.stringify(answer.body)).toBe(201);
  expectNoSecrets(answer, [input.pageAccessToken, DEMO.appSecret]);
  return answer.body.id;
}

beforeAll(async () => {
  org = await createOrgFixture("Channels API");
  key = (await createApiKey({ ctx: org.as.owner, input: { name: "integrator", role: "admin" } })).secret;
  skillGroupId = (await createSkillGroup({ ctx: org.as.owner, input: { name: "Support" } })).id;
});

describe("the connection check", () => {
  let demoChannelId: string;
  let secrets: string[];

  beforeAll(async () => {
    demoChannelId = await connect({ name: "Demo", pageId: DEMO.pageId, pageAccessToken: DEMO.pageAccessToken });
    secrets = [DEMO.pageAccessToken, DEMO.appSecret, await revealVerifyToken({ ctx: org.as.owner, channelId: demoChannelId })];
  });

  it("passes for the demo Page with its token and records the Page and the subscribed fields", async () => {
    const answer = await call("checkChannelConnection", { channelId: demoChannelId });
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({ ok: true, channel: { pageName: DEMO.pageName, pageUsername: DEMO.pageUsername, reconnectNeeded: false } });
    expect(answer.body.channel.lastCheckedAt).not.toBeNull();
    expect([...answer.body.channel.subscribedFields].sort()).toEqual([...SUBSCRIBED_FIELDS].sort());
    // The sandbox agrees: the Page's app now receives every field we process, echoes included.
    const page = await sandbox.control<{ subscribedFields: string[] }>("GET", `/pages/${DEMO.pageId}`);
    expect([...page.subscribedFields].sort()).toEqual([...SUBSCRIBED_FIELDS].sort());
    expectNoSecrets(answer, secrets);
  });

  it("answers ok:false with Graph's 190 for a revoked token, flags reconnect needed, and a passing re-check clears it", async () => {
    await sandbox.control("POST", `/pages/${DEMO.pageId}/token/revoke`);
    try {
      const failed = await call("checkChannelConnection", { channelId: demoChannelId });
      expect(failed.status).toBe(200);
      expect(failed.body).toMatchObject({ ok: false, failedStep: "token", graphCode: 190, channel: { reconnectNeeded: true } });
      expect(failed.body.channel.reconnectReason).toMatch(/#190/);
      expectNoSecrets(failed, secrets);

      // The flag is stored, not only reported: the channel shows it until a check passes.
      const seen = await call("getChannel", { channelId: demoChannelId });
      expect(seen.body).toMatchObject({ reconnectNeeded: true, status: "active" });
      // One badge: "Reconnect needed", not "Active" beside it.
      expect(channelBadge(seen.body)).toBe("reconnect_needed");
      const listed = (await call("listChannels")).body.data.find((c: { id: string }) => c.id === demoChannelId);
      expect(listed.reconnectNeeded).toBe(true);

      // The transition is audited once, as the check's actor (the API key), though the flag is seen on every read.
      await expectAuditRow(org.org, { action: "channel.reconnect_needed", resourceId: demoChannelId, actor: { actor: { type: "api_key", label: "API key integrator" } } });

      // And the health panel counts the refusal.
      const health = await call("getChannelHealth", { channelId: demoChannelId });
      expect(health.body.recentErrors[0]).toMatchObject({ kind: "connection", graphCode: 190 });
      expect(health.body.errorsLastHour).toBeGreaterThanOrEqual(1);
    } finally {
      await sandbox.control("POST", `/pages/${DEMO.pageId}/token/restore`);
    }

    const passed = await call("checkChannelConnection", { channelId: demoChannelId });
    expect(passed.body).toMatchObject({ ok: true, channel: { reconnectNeeded: false, reconnectReason: null, lastCheckFailure: null } });
    expect((await call("getChannel", { channelId: demoChannelId })).body.reconnectNeeded).toBe(false);
    expect(channelBadge(passed.body.channel)).toBe("active");
  });

  it("stores any other failed check, so the badge says \"Check failed\" until a check passes or a new token is saved", async () => {
    const own = await sandbox.newPage();
    const other = await sandbox.newPage();
    const channelId = await connect({ name: "Mixed up", pageId: own.pageId, pageAccessToken: own.pageAccessToken });
    expect(channelBadge((await call("getChannel", { channelId })).body)).toBe("active");
    // The stored token stops speaking for the channel's Page (as when someone pasted another Page's token elsewhere).
    const db = await getDb();
    await db.update(channels).set({ pageAccessTokenSealed: seal(other.pageAccessToken) }).where(eq(channels.id, channelId));

    const failed = await call("checkChannelConnection", { channelId });
    expect(failed.body).toMatchObject({ ok: false, failedStep: "page", channel: { reconnectNeeded: false } });
    expect(failed.body.channel.lastCheckFailure).toMatch(new RegExp(`not to Page ${own.pageId}`));
    const seen = (await call("getChannel", { channelId })).body;
    expect(seen.lastCheckFailure).toBe(failed.body.channel.lastCheckFailure);
    expect(channelBadge(seen)).toBe("check_failed");
    expect(channelBadge((await call("listChannels")).body.data.find((c: { id: string }) => c.id === channelId))).toBe("check_failed");

    // Saving the Page's own token (proved with Meta on save) clears what the old token's check found.
    const saved = await call("updateChannel", { channelId, body: { pageAccessToken: own.pageAccessToken } });
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
    expect(saved.body.lastCheckFailure).toBeNull();
    expect(channelBadge(saved.body)).toBe("active");
    await db.update(channels).set({ pageAccessTokenSealed: seal(other.pageAccessToken) }).where(eq(channels.id, channelId));
    expect(channelBadge((await call("checkChannelConnection", { channelId })).body.channel)).toBe("check_failed");
    await db.update(channels).set({ pageAccessTokenSealed: seal(own.pageAccessToken) }).where(eq(channels.id, channelId));
    const passed = await call("checkChannelConnection", { channelId });
    expect(passed.body).toMatchObject({ ok: true, channel: { lastCheckFailure: null } });
    expect(channelBadge(passed.body.channel)).toBe("active");
  });

  it("never shows the verify token except in the answer that issues a new one", async () => {
    for (const answer of [await call("getChannel", { channelId: demoChannelId }), await call("listChannels")]) {
      expectNoSecrets(answer, secrets);
      expect(JSON.stringify(answer.body)).not.toMatch(/mdv_/);
    }
    const issued = await call("regenerateChannelVerifyToken", { channelId: demoChannelId });
    expect(issued.status).toBe(200);
    expect(Object.keys(issued.body)).toEqual(["verifyToken"]);
    expect(issued.body.verifyToken).not.toBe(secrets[2]);
    expect(await revealVerifyToken({ ctx: org.as.owner, channelId: demoChannelId })).toBe(issued.body.verifyToken);
  });
});

describe("claiming a Page", () => {
  const attempt = (orgKey: string, pageId: string, pageAccessToken: string) =>
    callApi(apiOperations.find((o) => o.operationId === "createChannel")!, {
      key: orgKey,
      body: { name: "Claim", pageId, pageAccessToken, appId: DEMO.appId, appSecret: DEMO.appSecret, skillGroupId },
    });

  it("refuses a token that Graph's /me says belongs to another Page, and creates nothing", async () => {
    const victim = await sandbox.newPage();
    const mine = await sandbox.newPage();
    const answer = await attempt(key, victim.pageId, mine.pageAccessToken);
    expect(answer.status).toBe(422);
    expect(errorMessage(answer, "validation_failed")).toMatch(/^pageAccessToken: This Page could not be connected\./);
    const invented = await attempt(key, victim.pageId, "invented-token-for-the-victim");
    expect(invented.status).toBe(422);
    expect(invented.body).toEqual(answer.body);
    expect((await call("listChannels")).body.data.map((c: { pageId: string }) => c.pageId)).not.toContain(victim.pageId);
    // The Page is still free for whoever really manages it.
    await connect({ name: "Real owner", pageId: victim.pageId, pageAccessToken: victim.pageAccessToken });
  });

  it("answers another organisation the same generic refusal for a Page connected elsewhere, with or without its token", async () => {
    const page = await sandbox.newPage();
    await connect({ name: "Connected here", pageId: page.pageId, pageAccessToken: page.pageAccessToken });
    const other = await createOrgFixture("Squatter");
    const otherKey = (await createApiKey({ ctx: other.as.owner, input: { name: "squatter", role: "admin" } })).secret;
    const otherGroup = (await createSkillGroup({ ctx: other.as.owner, input: { name: "Support" } })).id;
    const claim = (pageAccessToken: string) =>
      callApi(apiOperations.find((o) => o.operationId === "createChannel")!, {
        key: otherKey,
        body: { name: "Claim", pageId: page.pageId, pageAccessToken, appId: DEMO.appId, appSecret: DEMO.appSecret, skillGroupId: otherGroup },
      });
    const withToken = await claim(page.pageAccessToken);
    const withoutToken = await claim("a-guess-at-the-token");
    const neverConnected = await sandbox.newPage();
    const wrongToken = await attempt(key, neverConnected.pageId, "a-guess-at-the-token");
    for (const answer of [withToken, withoutToken]) {
      expect(answer.status).toBe(422);
      // Word for word what any other failure to connect a Page answers: nothing says another organisation has it.
      expect(answer.body).toEqual(wrongToken.body);
      expect(JSON.stringify(answer.body)).not.toMatch(/already|another organi[sz]ation|in use/i);
    }
  });
});

describe("the token exchange", () => {
  it("keeps the Page token that a user token grants, so the check passes with it", async () => {
    const page = await sandbox.newPage();
    const channelId = await connect({ name: "Exchanged", pageId: page.pageId, pageAccessToken: page.pageAccessToken });
    // A re-login gives the Page a new token: the stored one stops working until the exchange puts the new one in.
    const rotated = await sandbox.control<{ accessToken: string }>("POST", `/pages/${page.pageId}/token/rotate`);
    expect((await call("checkChannelConnection", { channelId })).body).toMatchObject({ ok: false, failedStep: "token", graphCode: 190 });

    const exchanged = await call("exchangeChannelToken", { channelId, body: { shortLivedToken: page.userToken } });
    expect(exchanged.status, JSON.stringify(exchanged.body)).toBe(200);
    expect(exchanged.body).toMatchObject({ id: channelId, reconnectNeeded: false, pageAccessTokenHint: `••••${rotated.accessToken.slice(-4)}` });
    expectNoSecrets(exchanged, [page.userToken, rotated.accessToken, DEMO.appSecret]);
    expect((await call("checkChannelConnection", { channelId })).body.ok).toBe(true);
  });

  it("answers 422 for a token Meta refuses", async () => {
    const page = await sandbox.newPage();
    const channelId = await connect({ name: "Refused", pageId: page.pageId, pageAccessToken: page.pageAccessToken });
    const answer = await call("exchangeChannelToken", { channelId, body: { shortLivedToken: "not-a-token-at-all" } });
    expect(answer.status).toBe(422);
    expect(errorMessage(answer, "validation_failed")).toMatch(/^shortLivedToken: Meta refused the token: \(#190\)/);
  });

  it("answers 422 when the token's user does not manage the channel's Page", async () => {
    const page = await sandbox.newPage();
    const channelId = await connect({ name: "Not managed", pageId: page.pageId, pageAccessToken: page.pageAccessToken });
    // The demo user token manages only the demo Page.
    const answer = await call("exchangeChannelToken", { channelId, body: { shortLivedToken: DEMO.userAccessToken } });
    expect(answer.status).toBe(422);
    expect(errorMessage(answer, "validation_failed")).toBe(`shortLivedToken: The token's user does not manage Page ${page.pageId}.`);
    // The stored token is untouched.
    expect((await call("checkChannelConnection", { channelId })).body.ok).toBe(true);
  });
});

describe("who sees the last characters of the secrets", () => {
  it("owners and admins see the hints; agents and marketers get no part of the Page token or the app secret", async () => {
    const page = await sandbox.newPage();
    const appSecret = `app-secret-${randomToken(12)}`;
    const created = await call("createChannel", {
      body: { name: "Hints", pageId: page.pageId, pageAccessToken: page.pageAccessToken, appId: DEMO.appId, appSecret, skillGroupId },
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ pageAccessTokenHint: `••••${page.pageAccessToken.slice(-4)}`, appSecretHint: `••••${appSecret.slice(-4)}` });
    const channelId = created.body.id as string;

    const keys = await Promise.all(
      (["agent", "marketer"] as const).map(async (role) => (await createApiKey({ ctx: org.as.owner, input: { name: `${role} key`, role } })).secret),
    );
    // Every six characters in a row of each secret, and the four a hint would show.
    const slices = (secret: string) => [...Array.from({ length: secret.length - 5 }, (_, i) => secret.slice(i, i + 6)), secret.slice(-4)];
    for (const roleKey of keys) {
      const asRole = (operationId: string, params?: Record<string, string>) => callApi(apiOperations.find((o) => o.operationId === operationId)!, { key: roleKey, params });
      const one = await asRole("getChannel", { channelId });
      const list = await asRole("listChannels");
      expect(one.status).toBe(200);
      expect(one.body).toMatchObject({ id: channelId, pageAccessTokenHint: null, appSecretHint: null });
      const listed = list.body.data.find((c: { id: string }) => c.id === channelId);
      expect(listed).toMatchObject({ pageAccessTokenHint: null, appSecretHint: null });
      for (const answer of [one, list]) {
        const text = JSON.stringify(answer.body);
        expect(text).not.toContain("••••");
        for (const part of [...slices(page.pageAccessToken), ...slices(appSecret.slice("app-secret-".length))]) expect(text).not.toContain(part);
      }
    }
  });
});

describe("enable, disable and delete", () => {
  it("disabling keeps the channel listed; deleting frees the Page ID for a new channel", async () => {
    const page = await sandbox.newPage();
    const channelId = await connect({ name: "Lifecycle", pageId: page.pageId, pageAccessToken: page.pageAccessToken });
    expect((await call("disableChannel", { channelId })).body.status).toBe("disabled");
    expect((await call("listChannels")).body.data.map((c: { id: string }) => c.id)).toContain(channelId);
    expect((await call("enableChannel", { channelId })).body.status).toBe("active");
    expect((await call("deleteChannel", { channelId })).status).toBe(204);
    expect((await call("listChannels")).body.data.map((c: { id: string }) => c.id)).not.toContain(channelId);
    expect((await call("enableChannel", { channelId })).status).toBe(404);
    const again = await connect({ name: "Lifecycle again", pageId: page.pageId, pageAccessToken: page.pageAccessToken });
    expect(again).not.toBe(channelId);
    const byKey = { actor: { type: "api_key" as const, label: "API key integrator" } };
    await expectAuditRow(org.org, { action: "channel.created", resourceId: channelId, actor: byKey, after: { name: "Lifecycle", pageId: page.pageId } });
    await expectAuditRow(org.org, { action: "channel.disabled", resourceId: channelId, actor: byKey, before: { status: "active" }, after: { status: "disabled" } });
    await expectAuditRow(org.org, { action: "channel.enabled", resourceId: channelId, actor: byKey, after: { status: "active" } });
    await expectAuditRow(org.org, { action: "channel.deleted", resourceId: channelId, actor: byKey, before: { name: "Lifecycle", pageId: page.pageId } });
  });
});

describe("disconnect", () => {
  it("unsubscribes the app and removes the token; the channel answers 409 to what needs the token, and can be deleted", async () => {
    const page = await sandbox.newPage();
    const channelId = await connect({ name: "Leaving", pageId: page.pageId, pageAccessToken: page.pageAccessToken });
    expect((await call("checkChannelConnection", { channelId })).body.ok).toBe(true);

    const answer = await call("disconnectChannel", { channelId });
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({ unsubscribed: true, unsubscribeFailure: null, channel: { id: channelId, status: "disabled", pageAccessTokenHint: null } });
    expect(channelBadge(answer.body.channel)).toBe("disconnected");
    expectNoSecrets(answer, [page.pageAccessToken, DEMO.appSecret]);
    expect(sandbox.running.state.pages.get(page.pageId)!.subscribedFields).toEqual([]);

    const check = await call("checkChannelConnection", { channelId });
    expect(check.status).toBe(409);
    expect(errorMessage(check, "conflict")).toMatch(/disconnected/);
    expect((await call("enableChannel", { channelId })).status).toBe(409);
    // Once more: nothing changes.
    expect((await call("disconnectChannel", { channelId })).body.channel.disconnectedAt).toBe(answer.body.channel.disconnectedAt);
    await expectAuditRow(org.org, { action: "channel.disconnected", resourceId: channelId, actor: { actor: { type: "api_key", label: "API key integrator" } } });

    expect((await call("deleteChannel", { channelId })).status).toBe(204);
    expect((await call("disconnectChannel", { channelId })).status).toBe(404);
  });
});
