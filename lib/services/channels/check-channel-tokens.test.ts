/**
 * Tokens that stay alive: the daily token check (Graph debug_token through the Messenger sandbox) and what a
 * dead token sets off, once: "reconnect needed" with Meta's words and subcode, a bell notification and an email
 * for each owner and admin, linking to the channel.
 */
import { InngestTestEngine } from "@inngest/test";
import { and, eq, inArray } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { auditLog, channels, memberNotifications, outboxEmails } from "@/db/schema";
import { seal } from "@/lib/crypto/secrets";
import { checkChannelConnection, checkChannelTokensBatch, createChannel, disconnectChannel, getChannel, reconnectReasonOf } from "@/lib/services/channels";
import { createSkillGroup } from "@/lib/services/skill-groups";
import { checkChannelTokens } from "@/inngest/functions/check-channel-tokens";
import { functions } from "@/inngest/functions";
import { DEMO } from "@/sandbox/server";
import { useTestDatabase } from "@/tests/db";
import { createOrgFixture, type OrgFixture } from "@/tests/fixtures";
import { useGraphSandbox } from "@/tests/graph-sandbox";

useTestDatabase();
const sandbox = useGraphSandbox();

const PLATFORM = { appId: "3000000000000003", appSecret: "platform-app-secret", loginConfigId: "5000000000000005" };
const saved: Record<string, string | undefined> = {};
let org: OrgFixture;
let skillGroupId: string;

async function connectManual(name: string) {
  const page = await sandbox.newPage();
  const channel = await createChannel({ ctx: org.as.owner, input: { name, pageId: page.pageId, pageAccessToken: page.pageAccessToken, appId: DEMO.appId, appSecret: DEMO.appSecret, skillGroupId } });
  return { ...page, channelId: channel.id };
}

/** A channel connected through Facebook Login: a Page of the platform app, its token sealed, no app secret stored. */
async function connectWithLogin(pageId: string) {
  const token = `login-token-${pageId}`;
  sandbox.page({ pageId, pageAccessToken: token, appId: PLATFORM.appId, appSecret: PLATFORM.appSecret });
  const db = await getDb();
  const [row] = await db
    .insert(channels)
    .values({ orgId: org.org.id, skillGroupId, name: `Login ${pageId}`, pageId, appId: PLATFORM.appId, connection: "facebook_login", pageAccessTokenSealed: seal(token), appSecretSealed: null, verifyTokenSealed: seal("v") })
    .returning();
  return { pageId, channelId: row.id };
}

async function notificationsFor(channelId: string) {
  const db = await getDb();
  return db.select().from(memberNotifications).where(and(eq(memberNotifications.channelId, channelId), eq(memberNotifications.kind, "channel_reconnect_needed")));
}

async function mailsAbout(channelId: string) {
  const db = await getDb();
  return (await db.select().from(outboxEmails)).filter((m) => m.text.includes(`/channels/${channelId}`));
}

/** Runs the whole daily check, every batch, as the workflow does. */
async function runDailyCheck() {
  const totals = { valid: 0, invalid: 0, unchecked: 0 };
  let after: string | null = null;
  do {
    const batch = await checkChannelTokensBatch({ after, limit: 2 });
    totals.valid += batch.valid;
    totals.invalid += batch.invalid;
    totals.unchecked += batch.unchecked;
    after = batch.next;
  } while (after);
  return totals;
}

beforeAll(async () => {
  for (const key of ["META_APP_ID", "META_APP_SECRET", "META_LOGIN_CONFIG_ID"]) saved[key] = process.env[key];
  process.env.META_APP_ID = PLATFORM.appId;
  process.env.META_APP_SECRET = PLATFORM.appSecret;
  process.env.META_LOGIN_CONFIG_ID = PLATFORM.loginConfigId;
  org = await createOrgFixture("Token check");
  skillGroupId = (await createSkillGroup({ ctx: org.as.owner, input: { name: "Support" } })).id;
});

afterAll(() => {
  for (const [key, value] of Object.entries(saved)) {
    if (value === undefined) delete process.env[key];
    else process.env[key] = value;
  }
});

describe("the daily token check", () => {
  it("asks Meta about every connected channel with the channel's app, flags dead tokens once, and notifies owners and admins", async () => {
    const healthy = await connectManual("Healthy");
    const dying = await connectManual("Dying");
    const login = await connectWithLogin("1000000000000301");
    const loginDying = await connectWithLogin("1000000000000302");
    const gone = await connectManual("Gone");
    await disconnectChannel({ ctx: org.as.owner, channelId: gone.channelId });
    await sandbox.control("POST", `/pages/${dying.pageId}/token/revoke`);
    await sandbox.control("POST", `/pages/${loginDying.pageId}/token/revoke`);

    expect(await runDailyCheck()).toEqual({ valid: 2, invalid: 2, unchecked: 0 });

    for (const { channelId } of [healthy, login]) {
      const channel = await getChannel({ ctx: org.as.owner, channelId });
      expect(channel).toMatchObject({ reconnectNeeded: false });
      expect(channel.tokenCheckedAt).not.toBeNull();
    }
    for (const { channelId } of [dying, loginDying]) {
      const channel = await getChannel({ ctx: org.as.owner, channelId });
      expect(channel).toMatchObject({ reconnectNeeded: true, reconnectSubcode: 460 });
      expect(channel.reconnectReason).toMatch(/changed their password/);
      expect(channel.tokenCheckedAt).not.toBeNull();
      expect(reconnectReasonOf(channel.reconnectSubcode)).toBe("password_changed");
    }
    // A disconnected channel has no token to ask about.
    expect((await getChannel({ ctx: org.as.owner, channelId: gone.channelId })).tokenCheckedAt).toBeNull();

    // The owner and the admin hear of it in the bell and by email; the agent and the marketer do not.
    const notes = await notificationsFor(dying.channelId);
    expect(notes.map((n) => n.membershipId).sort()).toEqual([org.as.owner.membershipId, org.as.admin.membershipId].sort());
    const mails = await mailsAbout(dying.channelId);
    expect(mails.map((m) => m.to).sort()).toEqual([org.users.owner.email, org.users.admin.email].sort());
    const [mail] = mails;
    expect(mail.subject).toContain("Dying");
    expect(mail.text).toContain(`/o/${org.org.slug}/channels/${dying.channelId}`);
    expect(mail.text).toContain("changed its password");
    expect(mail.text).toContain("修改了密码");

    const db = await getDb();
    const audits = await db.select().from(auditLog).where(and(eq(auditLog.action, "channel.reconnect_needed"), inArray(auditLog.resourceId, [dying.channelId, loginDying.channelId])));
    expect(audits).toHaveLength(2);

    // The next day: still dead, still flagged, nobody told again.
    expect(await runDailyCheck()).toEqual({ valid: 2, invalid: 2, unchecked: 0 });
    expect(await notificationsFor(dying.channelId)).toHaveLength(2);
    expect(await mailsAbout(dying.channelId)).toHaveLength(2);
  });

  it("does not flag a channel when Meta refuses the question itself (a wrong app secret), and keeps the reason for the health panel", async () => {
    const wrongSecret = await connectManual("Wrong secret");
    const db = await getDb();
    await db.update(channels).set({ appSecretSealed: seal("not-the-app-secret") }).where(eq(channels.id, wrongSecret.channelId));
    const batch = await checkChannelTokensBatch({ limit: 100 });
    expect(batch.unchecked).toBeGreaterThanOrEqual(1);
    const channel = await getChannel({ ctx: org.as.owner, channelId: wrongSecret.channelId });
    expect(channel).toMatchObject({ reconnectNeeded: false, tokenCheckedAt: null });
  });

  it("runs as a daily workflow over every batch", async () => {
    expect(functions).toContain(checkChannelTokens);
    const { result } = await new InngestTestEngine({ function: checkChannelTokens, events: [{ name: "inngest/scheduled.timer", data: {} }] }).execute();
    expect(result).toMatchObject({ valid: expect.any(Number), invalid: 2 });
  });
});

describe("a 190 seen anywhere", () => {
  it("records the subcode, and the member's connection check notifies owners and admins once, audited as the member", async () => {
    const page = await connectManual("Checked by hand");
    await sandbox.control("POST", `/pages/${page.pageId}/token/revoke`);
    const check = await checkChannelConnection({ ctx: org.as.admin, channelId: page.channelId });
    expect(check).toMatchObject({ ok: false, graphCode: 190, channel: { reconnectNeeded: true, reconnectSubcode: 460 } });
    await checkChannelConnection({ ctx: org.as.admin, channelId: page.channelId });
    expect(await notificationsFor(page.channelId)).toHaveLength(2);
    const db = await getDb();
    const audits = await db.select().from(auditLog).where(and(eq(auditLog.action, "channel.reconnect_needed"), eq(auditLog.resourceId, page.channelId)));
    expect(audits.map((a) => a.actorType)).toEqual(["user"]);

    // A passing check after the token is restored clears the flag and its subcode.
    await sandbox.control("POST", `/pages/${page.pageId}/token/restore`);
    const passed = await checkChannelConnection({ ctx: org.as.admin, channelId: page.channelId });
    expect(passed.channel).toMatchObject({ reconnectNeeded: false, reconnectSubcode: null });
  });
});
