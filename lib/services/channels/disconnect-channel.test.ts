/**
 * Disconnect against the Messenger sandbox as Graph: the app leaves the Page's webhooks, the token is gone,
 * history stays, and nothing that needs the token pretends to work afterwards. A token Meta no longer takes
 * does not block it.
 */
import { createHmac } from "node:crypto";
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { channelErrors, channels, contacts, webhookEvents } from "@/db/schema";
import { ConflictError, ForbiddenError, NotFoundError } from "@/lib/errors";
import { checkChannelConnection, createChannel, deleteChannel, disconnectChannel, getChannel, listChannels, openPageToken, setChannelEnabled, updateChannel } from "@/lib/services/channels";
import { createSkillGroup } from "@/lib/services/skill-groups";
import { ingestWebhook } from "@/lib/services/webhook";
import { DEMO } from "@/sandbox/server";
import { expectAuditRow } from "@/tests/audit";
import { useTestDatabase } from "@/tests/db";
import { createOrgFixture, type OrgFixture } from "@/tests/fixtures";
import { useGraphSandbox } from "@/tests/graph-sandbox";

useTestDatabase();
const sandbox = useGraphSandbox();

let org: OrgFixture;
let other: OrgFixture;
let skillGroupId: string;

async function connectNewPage(name: string) {
  const page = await sandbox.newPage();
  const channel = await createChannel({ ctx: org.as.owner, input: { name, pageId: page.pageId, pageAccessToken: page.pageAccessToken, appId: DEMO.appId, appSecret: DEMO.appSecret, skillGroupId } });
  // The check subscribes the app to the Page's fields, as after connecting.
  expect((await checkChannelConnection({ ctx: org.as.owner, channelId: channel.id })).ok).toBe(true);
  return { ...page, channelId: channel.id };
}

function subscribedFieldsInSandbox(pageId: string): string[] {
  return sandbox.running.state.pages.get(pageId)!.subscribedFields;
}

beforeAll(async () => {
  org = await createOrgFixture("Disconnect");
  other = await createOrgFixture("Someone else");
  skillGroupId = (await createSkillGroup({ ctx: org.as.owner, input: { name: "Support" } })).id;
});

describe("disconnectChannel", () => {
  it("unsubscribes the app from the Page, removes the token, switches the channel off, audits it, and keeps the history", async () => {
    const page = await connectNewPage("Shop");
    expect(subscribedFieldsInSandbox(page.pageId).length).toBeGreaterThan(0);
    const db = await getDb();
    await db.insert(contacts).values({ orgId: org.org.id, channelId: page.channelId, psid: "psid-history" });

    const result = await disconnectChannel({ ctx: org.as.admin, channelId: page.channelId });
    expect(result).toMatchObject({ unsubscribed: true, unsubscribeFailure: null, channel: { status: "disabled", pageAccessTokenHint: null, reconnectNeeded: false, subscribedFields: [] } });
    expect(result.channel.disconnectedAt).not.toBeNull();
    // Meta (the sandbox) no longer delivers the Page's events to the app.
    expect(subscribedFieldsInSandbox(page.pageId)).toEqual([]);

    const [row] = await db.select().from(channels).where(eq(channels.id, page.channelId));
    expect(row.pageAccessTokenSealed).toBeNull();
    expect(row.deletedAt).toBeNull();
    expect(await db.select().from(contacts).where(eq(contacts.channelId, page.channelId))).toHaveLength(1);
    await expectAuditRow(org.org, { action: "channel.disconnected", resourceId: page.channelId, after: { status: "disabled", unsubscribed: true } });

    // Listed with its history, shown as disconnected.
    const listed = (await listChannels({ ctx: org.as.agent })).data.find((c) => c.id === page.channelId);
    expect(listed?.disconnectedAt).not.toBeNull();
  });

  it("does not let a dead token block it: the failure is answered, audited and kept for the health panel", async () => {
    const page = await connectNewPage("Dead token");
    await sandbox.control("POST", `/pages/${page.pageId}/token/revoke`);
    const result = await disconnectChannel({ ctx: org.as.owner, channelId: page.channelId });
    expect(result.unsubscribed).toBe(false);
    expect(result.unsubscribeFailure).toMatch(/#190/);
    expect(result.channel.disconnectedAt).not.toBeNull();
    await expectAuditRow(org.org, { action: "channel.disconnected", resourceId: page.channelId, after: { unsubscribed: false, unsubscribeFailure: expect.stringMatching(/#190/) } });
    const db = await getDb();
    const errors = await db.select().from(channelErrors).where(eq(channelErrors.channelId, page.channelId));
    expect(errors.some((e) => e.kind === "connection" && e.graphCode === 190 && /unsubscribe/.test(e.reason))).toBe(true);
  });

  it("is idempotent: a second disconnect changes nothing and writes no second audit row", async () => {
    const page = await connectNewPage("Twice");
    const first = await disconnectChannel({ ctx: org.as.owner, channelId: page.channelId });
    const second = await disconnectChannel({ ctx: org.as.owner, channelId: page.channelId });
    expect(second.channel.disconnectedAt).toBe(first.channel.disconnectedAt);
    await expectAuditRow(org.org, { action: "channel.disconnected", resourceId: page.channelId });
  });

  it("leaves nothing that needs the token pretending to work, and the channel can still be deleted", async () => {
    const page = await connectNewPage("After");
    await disconnectChannel({ ctx: org.as.owner, channelId: page.channelId });
    const db = await getDb();
    const [row] = await db.select().from(channels).where(eq(channels.id, page.channelId));
    // Sends and campaigns open the token through openPageToken: refused in words.
    expect(() => openPageToken(row)).toThrow(ConflictError);
    await expect(checkChannelConnection({ ctx: org.as.owner, channelId: page.channelId })).rejects.toBeInstanceOf(ConflictError);
    await expect(setChannelEnabled({ ctx: org.as.owner, channelId: page.channelId, enabled: true })).rejects.toBeInstanceOf(ConflictError);

    // Webhook deliveries for the Page (Meta's last retries) are answered and not stored.
    const raw = JSON.stringify({ object: "page", entry: [{ id: page.pageId, time: 1, messaging: [{ sender: { id: "p" }, recipient: { id: page.pageId }, timestamp: 1, message: { mid: "m_after_disconnect", text: "hi" } }] }] });
    const signature = `sha256=${createHmac("sha256", DEMO.appSecret).update(raw).digest("hex")}`;
    expect((await ingestWebhook({ pageId: page.pageId, rawBody: Buffer.from(raw), signature })).status).toBe(200);
    expect(await db.select().from(webhookEvents).where(eq(webhookEvents.dedupeKey, "mid:m_after_disconnect"))).toHaveLength(0);

    await deleteChannel({ ctx: org.as.owner, channelId: page.channelId });
    await expect(getChannel({ ctx: org.as.owner, channelId: page.channelId })).rejects.toBeInstanceOf(NotFoundError);
  });

  it("connects a channel of the organisation's own app again when a new Page token is saved", async () => {
    const page = await connectNewPage("Again");
    await disconnectChannel({ ctx: org.as.owner, channelId: page.channelId });
    const saved = await updateChannel({ ctx: org.as.owner, channelId: page.channelId, input: { pageAccessToken: page.pageAccessToken } });
    expect(saved.disconnectedAt).toBeNull();
    expect((await checkChannelConnection({ ctx: org.as.owner, channelId: page.channelId })).ok).toBe(true);
    expect(subscribedFieldsInSandbox(page.pageId).length).toBeGreaterThan(0);
  });

  it("answers another organisation NotFound and refuses roles without channels.manage, changing nothing", async () => {
    const page = await connectNewPage("Guarded");
    await expect(disconnectChannel({ ctx: other.as.owner, channelId: page.channelId })).rejects.toBeInstanceOf(NotFoundError);
    await expect(disconnectChannel({ ctx: org.as.agent, channelId: page.channelId })).rejects.toBeInstanceOf(ForbiddenError);
    await expect(disconnectChannel({ ctx: org.as.marketer, channelId: page.channelId })).rejects.toBeInstanceOf(ForbiddenError);
    expect((await getChannel({ ctx: org.as.owner, channelId: page.channelId })).disconnectedAt).toBeNull();
    expect(subscribedFieldsInSandbox(page.pageId).length).toBeGreaterThan(0);
  });
});
