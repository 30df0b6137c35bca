import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { channels, facebookLogins } from "@/db/schema";
import { open } from "@/lib/crypto/secrets";
import { sha256Hex } from "@/lib/crypto/hash";
import { BadRequestError, ConflictError, ForbiddenError, NotFoundError, RateLimitedError } from "@/lib/errors";
import { GraphClient } from "@/lib/graph/client";
import { checkChannelConnection, SUBSCRIBED_FIELDS } from "@/lib/services/channels";
import { expectAuditRow } from "@/tests/audit";
import { useTestDatabase } from "@/tests/db";
import { createSkillGroupWithAgents } from "@/tests/desk";
import { completeDialog, createFacebookUser, PLATFORM_ENV, type FacebookUserForTest } from "@/tests/facebook-login";
import { createOrgFixture, type OrgFixture } from "@/tests/fixtures";
import { useGraphSandbox } from "@/tests/graph-sandbox";
import { connectFacebookPages, finishFacebookLogin, getFacebookLogin, startFacebookLogin } from "./index";

useTestDatabase();
const sandbox = useGraphSandbox();

let f: OrgFixture;
let other: OrgFixture;
let sales: { id: string };
let support: { id: string };
let otherGroup: { id: string };
let ana: FacebookUserForTest;
const saved: Record<string, string | undefined> = {};

beforeAll(async () => {
  for (const [key, value] of Object.entries(PLATFORM_ENV)) {
    saved[key] = process.env[key];
    process.env[key] = value;
  }
  f = await createOrgFixture();
  other = await createOrgFixture();
  sales = (await createSkillGroupWithAgents(f.org, 0, "Sales")).group;
  support = (await createSkillGroupWithAgents(f.org, 0, "Support")).group;
  otherGroup = (await createSkillGroupWithAgents(other.org, 0, "Theirs")).group;
  ana = await createFacebookUser(sandbox, "Ana Admin", [{ name: "Shop" }, { name: "Bakery" }, { name: "Café" }]);
});

afterAll(() => {
  for (const [key, value] of Object.entries(saved)) {
    if (value === undefined) delete process.env[key];
    else process.env[key] = value;
  }
});

const userOf = (fixture: OrgFixture, role: "owner" | "admin") => fixture.users[role];

async function loginRow(loginId: string) {
  const db = await getDb();
  const [row] = await db.select().from(facebookLogins).where(eq(facebookLogins.id, loginId));
  return row;
}

async function channelRow(channelId: string) {
  const db = await getDb();
  const [row] = await db.select().from(channels).where(eq(channels.id, channelId));
  return row;
}

/** Starts a connect run as the admin of `fixture` and goes through Meta's dialog as `user`. */
async function loginAs(fixture: OrgFixture, user: FacebookUserForTest, options: { decline?: string[]; pageIds?: string[]; purpose?: "connect" | "reconnect"; channelId?: string } = {}) {
  const started = await startFacebookLogin({ ctx: fixture.as.admin, input: { purpose: options.purpose ?? "connect", channelId: options.channelId } });
  const back = await completeDialog(started.dialogUrl, { user, decline: options.decline, pageIds: options.pageIds });
  const finished = await finishFacebookLogin({ user: userOf(fixture, "admin"), input: back });
  return { started, back, finished };
}

describe("starting Connect with Facebook", () => {
  it("answers Meta's dialog URL with the platform app's login configuration, and stores only the state's hash, for 10 minutes", async () => {
    const { loginId, dialogUrl } = await startFacebookLogin({ ctx: f.as.admin, input: { purpose: "connect" } });
    const url = new URL(dialogUrl);
    expect(`${url.origin}${url.pathname}`).toBe(`${sandbox.running.url}/v21.0/dialog/oauth`);
    expect(url.searchParams.get("client_id")).toBe(PLATFORM_ENV.META_APP_ID);
    expect(url.searchParams.get("config_id")).toBe(PLATFORM_ENV.META_LOGIN_CONFIG_ID);
    expect(url.searchParams.get("response_type")).toBe("code");
    expect(url.searchParams.get("redirect_uri")).toMatch(/\/facebook\/login\/callback$/);
    const state = url.searchParams.get("state")!;
    expect(Buffer.from(state, "base64url")).toHaveLength(32);
    const row = await loginRow(loginId);
    expect(row.stateHash).toBe(sha256Hex(state));
    expect(JSON.stringify(row)).not.toContain(state);
    expect(row.expiresAt.getTime() - row.createdAt.getTime()).toBeGreaterThan(9.9 * 60_000);
    expect(row.expiresAt.getTime() - row.createdAt.getTime()).toBeLessThanOrEqual(10 * 60_000 + 1000);
  });

  it("is for owners and admins only, and needs the platform app configured", async () => {
    await expect(startFacebookLogin({ ctx: f.as.agent, input: { purpose: "connect" } })).rejects.toBeInstanceOf(ForbiddenError);
    await expect(startFacebookLogin({ ctx: f.as.marketer, input: { purpose: "connect" } })).rejects.toBeInstanceOf(ForbiddenError);
    delete process.env.META_LOGIN_CONFIG_ID;
    try {
      await expect(startFacebookLogin({ ctx: f.as.owner, input: { purpose: "connect" } })).rejects.toThrow(new ConflictError("facebookLogin.errors.notConfigured"));
    } finally {
      process.env.META_LOGIN_CONFIG_ID = PLATFORM_ENV.META_LOGIN_CONFIG_ID;
    }
  });

  it("keeps at most 5 open runs per member: the sixth is refused until one is used or expires", async () => {
    const fixture = await createOrgFixture();
    for (let i = 0; i < 5; i++) await startFacebookLogin({ ctx: fixture.as.owner, input: { purpose: "connect" } });
    const refused = await startFacebookLogin({ ctx: fixture.as.owner, input: { purpose: "connect" } }).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(RateLimitedError);
    // Another member is not held up by the owner's runs.
    await expect(startFacebookLogin({ ctx: fixture.as.admin, input: { purpose: "connect" } })).resolves.toHaveProperty("dialogUrl");
  });
});

describe("coming back from Meta's dialog", () => {
  it("a forged state is refused and changes nothing", async () => {
    const { loginId } = await startFacebookLogin({ ctx: f.as.admin, input: { purpose: "connect" } });
    const before = await loginRow(loginId);
    await expect(finishFacebookLogin({ user: userOf(f, "admin"), input: { state: "forged-state", code: "whatever" } })).rejects.toThrow(new BadRequestError("facebookLogin.errors.stateUnknown"));
    await expect(finishFacebookLogin({ user: userOf(f, "admin"), input: { code: "whatever" } })).rejects.toThrow(new BadRequestError("facebookLogin.errors.missingState"));
    expect(await loginRow(loginId)).toEqual(before);
  });

  it("a run started by another member is refused for the member who returns with it, and stays usable by its own", async () => {
    const { dialogUrl, loginId } = await startFacebookLogin({ ctx: f.as.admin, input: { purpose: "connect" } });
    const back = await completeDialog(dialogUrl, { user: ana, cancel: true });
    await expect(finishFacebookLogin({ user: userOf(f, "owner"), input: back })).rejects.toThrow(new ForbiddenError("facebookLogin.errors.notYours"));
    // Someone of another organisation holding the link is refused the same way.
    await expect(finishFacebookLogin({ user: userOf(other, "admin"), input: back })).rejects.toBeInstanceOf(ForbiddenError);
    expect((await loginRow(loginId)).returnedAt).toBeNull();
    await finishFacebookLogin({ user: userOf(f, "admin"), input: back });
    expect((await loginRow(loginId)).failure).toEqual({ key: "facebookLogin.failure.cancelled" });
  });

  it("an expired run is refused and changes nothing", async () => {
    const { dialogUrl, loginId } = await startFacebookLogin({ ctx: f.as.admin, input: { purpose: "connect" } });
    const back = await completeDialog(dialogUrl, { user: ana });
    const db = await getDb();
    await db.update(facebookLogins).set({ expiresAt: new Date(Date.now() - 1000) }).where(eq(facebookLogins.id, loginId));
    const before = await loginRow(loginId);
    await expect(finishFacebookLogin({ user: userOf(f, "admin"), input: back })).rejects.toThrow(new BadRequestError("facebookLogin.errors.stateExpired"));
    expect(await loginRow(loginId)).toEqual(before);
  });

  it("a state is used once: the second return with it is refused and changes nothing", async () => {
    const { back, finished } = await loginAs(f, ana);
    const before = await loginRow(finished.loginId);
    expect(before.returnedAt).not.toBeNull();
    await expect(finishFacebookLogin({ user: userOf(f, "admin"), input: back })).rejects.toThrow(new ConflictError("facebookLogin.errors.stateUsed"));
    expect(await loginRow(finished.loginId)).toEqual(before);
  });

  it("a cancelled dialog is a failure that says so, and nothing is created", async () => {
    const { dialogUrl, loginId } = await startFacebookLogin({ ctx: f.as.admin, input: { purpose: "connect" } });
    const back = await completeDialog(dialogUrl, { user: ana, cancel: true });
    expect(back).toMatchObject({ error: "access_denied", errorReason: "user_denied" });
    const finished = await finishFacebookLogin({ user: userOf(f, "admin"), input: back });
    expect(finished.redirectTo).toBe(`/o/${f.org.slug}/channels/connect/${loginId}`);
    const view = await getFacebookLogin({ ctx: f.as.admin, loginId });
    expect(view).toMatchObject({ failure: { key: "facebookLogin.failure.cancelled" }, pages: [] });
  });

  it("a code Meta has already exchanged, or one sent with another redirect URI, is refused by Meta and the run fails with Meta's words", async () => {
    const { back } = await loginAs(f, ana);
    // The same code, brought back by a second run of the same member (the state of the second, the code of the first).
    const second = await startFacebookLogin({ ctx: f.as.admin, input: { purpose: "connect" } });
    const state = new URL(second.dialogUrl).searchParams.get("state")!;
    await finishFacebookLogin({ user: userOf(f, "admin"), input: { state, code: back.code } });
    const reused = await loginRow(second.loginId);
    expect(reused.failure).toMatchObject({ key: "facebookLogin.failure.codeRefused" });
    expect(reused.failure?.values?.reason).toContain("This authorization code has been used");
    expect(reused.userTokenSealed).toBeNull();

    const third = await startFacebookLogin({ ctx: f.as.admin, input: { purpose: "connect" } });
    const fresh = await completeDialog(third.dialogUrl, { user: ana });
    const db = await getDb();
    await db.update(facebookLogins).set({ redirectUri: "https://elsewhere.example/facebook/login/callback" }).where(eq(facebookLogins.id, third.loginId));
    await finishFacebookLogin({ user: userOf(f, "admin"), input: fresh });
    const rerouted = await loginRow(third.loginId);
    expect(rerouted.failure?.values?.reason).toMatch(/redirect_uri/);
  });

  it("a declined pages_messaging names the permission and how to grant it, keeps no token and creates nothing", async () => {
    const db = await getDb();
    const before = await db.select({ id: channels.id }).from(channels);
    const { finished } = await loginAs(f, ana, { decline: ["pages_messaging"] });
    const row = await loginRow(finished.loginId);
    expect(row.failure).toEqual({ key: "facebookLogin.failure.declined", values: { permissions: "pages_messaging" } });
    expect(row.declinedScopes).toContain("pages_messaging");
    expect(row.grantedScopes).toEqual(expect.arrayContaining(["pages_show_list", "pages_manage_metadata"]));
    expect(row.userTokenSealed).toBeNull();
    expect(row.pages).toBeNull();
    expect(await db.select({ id: channels.id }).from(channels)).toHaveLength(before.length);
    await expect(connectFacebookPages({ ctx: f.as.admin, loginId: finished.loginId, input: { choices: [{ pageId: ana.pages[0].id, skillGroupId: sales.id }] } })).rejects.toBeInstanceOf(ConflictError);
  });
});

describe("connecting the chosen Pages", () => {
  it("two of three Pages: two channels of the platform app, tokens sealed, subscribed to every field, checked and audited; the run ends", async () => {
    const { finished } = await loginAs(f, ana);
    expect(finished.redirectTo).toBe(`/o/${f.org.slug}/channels/connect/${finished.loginId}`);
    const view = await getFacebookLogin({ ctx: f.as.admin, loginId: finished.loginId });
    expect(view.facebookUserName).toBe("Ana Admin");
    expect(view.pages.map((p) => p.name)).toEqual(["Shop", "Bakery", "Café"]);
    expect(view.pages.every((p) => p.canMessage && !p.connectedElsewhere && p.connectedHereChannelId === null && p.pictureUrl)).toBe(true);
    const row = await loginRow(finished.loginId);
    expect(JSON.stringify(row.pages)).not.toMatch(/access_token|accessToken/);
    expect(row.userTokenSealed).not.toBeNull();

    // Only the member who started it sees it.
    await expect(getFacebookLogin({ ctx: f.as.owner, loginId: finished.loginId })).rejects.toBeInstanceOf(NotFoundError);
    await expect(getFacebookLogin({ ctx: other.as.admin, loginId: finished.loginId })).rejects.toBeInstanceOf(NotFoundError);

    const [shop, bakery] = ana.pages;
    const results = await connectFacebookPages({
      ctx: f.as.admin,
      loginId: finished.loginId,
      input: { choices: [{ pageId: shop.id, skillGroupId: sales.id }, { pageId: bakery.id, skillGroupId: support.id }] },
    });
    expect(results.map((r) => [r.pageName, r.status])).toEqual([["Shop", "connected"], ["Bakery", "connected"]]);
    const graph = new GraphClient();
    for (const [result, group] of [[results[0], sales], [results[1], support]] as const) {
      const channel = await channelRow(result.channelId!);
      expect(channel).toMatchObject({ orgId: f.org.id, connection: "facebook_login", appId: PLATFORM_ENV.META_APP_ID, appSecretSealed: null, skillGroupId: group.id, name: result.pageName, reconnectReason: null, lastCheckFailure: null });
      expect([...channel.subscribedFields].sort()).toEqual([...SUBSCRIBED_FIELDS].sort());
      const token = open(channel.pageAccessTokenSealed!);
      expect((await graph.getTokenPage(token)).id).toBe(result.pageId);
      const apps = await graph.getSubscribedApps(result.pageId, token);
      expect(apps.data.find((a) => a.id === PLATFORM_ENV.META_APP_ID)?.subscribed_fields?.sort()).toEqual([...SUBSCRIBED_FIELDS].sort());
      await expectAuditRow(f.org, { action: "channel.created", resourceId: channel.id, actor: { actor: f.as.admin.actor }, after: { pageId: result.pageId, connection: "facebook_login" } });
    }
    const done = await loginRow(finished.loginId);
    expect(done.completedAt).not.toBeNull();
    expect(done.userTokenSealed).toBeNull();
    await expect(connectFacebookPages({ ctx: f.as.admin, loginId: finished.loginId, input: { choices: [{ pageId: ana.pages[2].id, skillGroupId: sales.id }] } })).rejects.toThrow(
      new ConflictError("facebookLogin.errors.completed"),
    );

    // The next login shows them as connected here.
    const again = await loginAs(f, ana);
    const next = await getFacebookLogin({ ctx: f.as.admin, loginId: again.finished.loginId });
    expect(next.pages.filter((p) => p.connectedHereChannelId).map((p) => p.name)).toEqual(["Shop", "Bakery"]);
    const refused = await connectFacebookPages({ ctx: f.as.admin, loginId: again.finished.loginId, input: { choices: [{ pageId: shop.id, skillGroupId: sales.id }] } });
    expect(refused).toMatchObject([{ status: "failed", channelId: results[0].channelId, reason: { messageKey: "facebookLogin.result.alreadyHere" } }]);
  });

  it("refuses a Page the login did not offer, a Page the person cannot message as, and another organisation's skill group, before creating anything", async () => {
    const viewer = await createFacebookUser(sandbox, "Vic Viewer", [{ name: "Read only", tasks: ["ANALYZE"] }, { name: "Writable" }]);
    const { finished } = await loginAs(f, viewer);
    const view = await getFacebookLogin({ ctx: f.as.admin, loginId: finished.loginId });
    expect(view.pages.map((p) => [p.name, p.canMessage])).toEqual([["Read only", false], ["Writable", true]]);
    const [readOnly, writable] = viewer.pages;
    const attempt = (choices: { pageId: string; skillGroupId: string }[]) => connectFacebookPages({ ctx: f.as.admin, loginId: finished.loginId, input: { choices } });
    await expect(attempt([{ pageId: ana.pages[2].id, skillGroupId: sales.id }])).rejects.toThrow(/was not among the Pages/);
    await expect(attempt([{ pageId: readOnly.id, skillGroupId: sales.id }])).rejects.toThrow(/cannot send messages as Read only/);
    await expect(attempt([{ pageId: writable.id, skillGroupId: otherGroup.id }])).rejects.toBeInstanceOf(NotFoundError);
    await expect(connectFacebookPages({ ctx: f.as.agent, loginId: finished.loginId, input: { choices: [{ pageId: writable.id, skillGroupId: sales.id }] } })).rejects.toBeInstanceOf(ForbiddenError);
    const db = await getDb();
    expect(await db.select().from(channels).where(eq(channels.pageId, writable.id))).toHaveLength(0);
    expect((await loginRow(finished.loginId)).completedAt).toBeNull();
  });

  it("a Page connected in another organisation cannot be taken over, even by someone who manages it", async () => {
    const bea = await createFacebookUser(sandbox, "Bea Both", [{ name: "Shared Page" }]);
    const first = await loginAs(f, bea);
    const [page] = bea.pages;
    const [connected] = await connectFacebookPages({ ctx: f.as.admin, loginId: first.finished.loginId, input: { choices: [{ pageId: page.id, skillGroupId: sales.id }] } });
    expect(connected.status).toBe("connected");

    const second = await loginAs(other, bea);
    const view = await getFacebookLogin({ ctx: other.as.admin, loginId: second.finished.loginId });
    expect(view.pages).toMatchObject([{ id: page.id, connectedElsewhere: true, connectedHereChannelId: null }]);
    const results = await connectFacebookPages({ ctx: other.as.admin, loginId: second.finished.loginId, input: { choices: [{ pageId: page.id, skillGroupId: otherGroup.id }] } });
    expect(results).toMatchObject([{ status: "failed", channelId: null, reason: { messageKey: "facebookLogin.result.elsewhere" } }]);
    const channel = await channelRow(connected.channelId!);
    expect(channel.orgId).toBe(f.org.id);
    const db = await getDb();
    expect(await db.select().from(channels).where(eq(channels.orgId, other.org.id))).toHaveLength(0);
  });
});

describe("Reconnect", () => {
  it("a dead token is replaced on the same channel: the flags clear, the fields are subscribed again, and it is audited", async () => {
    const cleo = await createFacebookUser(sandbox, "Cleo Owner", [{ name: "Flower shop" }]);
    const [page] = cleo.pages;
    const first = await loginAs(f, cleo);
    const [connected] = await connectFacebookPages({ ctx: f.as.admin, loginId: first.finished.loginId, input: { choices: [{ pageId: page.id, skillGroupId: sales.id }] } });
    const channelId = connected.channelId!;
    const oldToken = open((await channelRow(channelId)).pageAccessTokenSealed!);

    await sandbox.control("POST", `/pages/${page.id}/token-death`, { subcode: 460 });
    const check = await checkChannelConnection({ ctx: f.as.admin, channelId });
    expect(check).toMatchObject({ ok: false, graphCode: 190 });
    expect((await channelRow(channelId)).reconnectReason).not.toBeNull();

    // Someone who does not manage the Page cannot reconnect it: nothing changes.
    const stranger = await createFacebookUser(sandbox, "Stranger", [{ name: "Unrelated" }]);
    const refused = await loginAs(f, stranger, { purpose: "reconnect", channelId });
    expect(refused.finished.redirectTo).toBe(`/o/${f.org.slug}/channels/connect/${refused.finished.loginId}`);
    expect((await loginRow(refused.finished.loginId)).failure).toEqual({ key: "facebookLogin.failure.pageNotManaged", values: { user: "Stranger", page: "Flower shop" } });
    expect(open((await channelRow(channelId)).pageAccessTokenSealed!)).toBe(oldToken);

    const { finished } = await loginAs(f, cleo, { purpose: "reconnect", channelId });
    expect(finished.redirectTo).toBe(`/o/${f.org.slug}/channels/${channelId}?reconnected=1`);
    const channel = await channelRow(channelId);
    expect(channel).toMatchObject({ id: channelId, reconnectReason: null, reconnectSubcode: null, lastCheckFailure: null, disconnectedAt: null, connection: "facebook_login" });
    const newToken = open(channel.pageAccessTokenSealed!);
    expect(newToken).not.toBe(oldToken);
    expect((await new GraphClient().getTokenPage(newToken)).id).toBe(page.id);
    expect([...channel.subscribedFields].sort()).toEqual([...SUBSCRIBED_FIELDS].sort());
    await expectAuditRow(f.org, { action: "channel.reconnected", resourceId: channelId, actor: { actor: f.as.admin.actor }, after: { pageAccessToken: "replaced" } });
    const run = await loginRow(finished.loginId);
    expect(run.completedAt).not.toBeNull();
    expect(run.userTokenSealed).toBeNull();
  });

  it("is for Facebook Login channels: a channel connected by hand keeps its own token path", async () => {
    const manual = await sandbox.newPage();
    const db = await getDb();
    const { seal } = await import("@/lib/crypto/secrets");
    const [row] = await db
      .insert(channels)
      .values({ orgId: f.org.id, skillGroupId: sales.id, name: "By hand", pageId: manual.pageId, appId: "1000000000000001", pageAccessTokenSealed: seal(manual.pageAccessToken), appSecretSealed: seal("demo-secret"), verifyTokenSealed: seal("v") })
      .returning();
    await expect(startFacebookLogin({ ctx: f.as.admin, input: { purpose: "reconnect", channelId: row.id } })).rejects.toThrow(new ConflictError("facebookLogin.errors.reconnectManual"));
    await expect(startFacebookLogin({ ctx: other.as.admin, input: { purpose: "reconnect", channelId: row.id } })).rejects.toBeInstanceOf(NotFoundError);
  });
});
