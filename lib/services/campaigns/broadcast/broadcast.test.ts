/**
 * Recurring-notification and Marketing Messages campaigns against the in-process sandbox: the count shown before
 * sending is the number planned and sent to; local send times across zones (the within-the-hour rule, a
 * daylight-saving change); the cadence and 48-hour holds; Meta's error codes of both kinds as the sandbox answers
 * them; marketing tokens used exactly once, also across a crash between claim and record; a region that forbids a
 * kind refuses to start it with the reason; another organisation's campaign is not found.
 */
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { campaignDeliveries, campaigns, channels, contacts, messagePermissions, organizations, recurringTopics } from "@/db/schema";
import { newId } from "@/db/ids";
import { sha256Hex } from "@/lib/crypto/hash";
import { seal } from "@/lib/crypto/secrets";
import { ConflictError, NotFoundError, ValidationError } from "@/lib/errors";
import { createSegment } from "@/lib/services/segments";
import { DEMO } from "@/sandbox/server";
import { useTestDatabase } from "@/tests/db";
import { createOrgFixture, type OrgFixture } from "@/tests/fixtures";
import { startSandboxFlow, type SandboxFlow } from "@/tests/campaign-sandbox-flow";
import { cancelCampaign } from "../cancel-campaign";
import { createCampaign } from "../create-campaign";
import { setCampaignEventSender } from "../emit-campaign-events";
import { getCampaign } from "../get-campaign";
import { getCampaignStats } from "../get-campaign-stats";
import { listCampaigns } from "../list-campaigns";
import { resumeCampaign } from "../resume-campaign";
import { sendCampaignNow } from "../send-campaign-now";
import { runCampaignSend } from "../sender/send-batch";
import { startScheduledSend } from "../start-scheduled-send";
import { updateCampaign } from "../update-campaign";
import { claimDue } from "./ledger";
import { listCampaignDeliveries } from "./list-campaign-deliveries";
import { previewBroadcastAudience } from "./preview-audience";

useTestDatabase();

const DAY = 86_400_000;
let f: OrgFixture;
let flow: SandboxFlow;

beforeAll(async () => {
  setCampaignEventSender(async () => {});
  f = await createOrgFixture();
  flow = await startSandboxFlow(f.as.owner);
});
afterAll(async () => {
  setCampaignEventSender(null);
  await flow?.close();
});
beforeEach(async () => {
  flow.sandbox.controls.clock.reset();
  await control("PUT", `/pages/${DEMO.pageId}/faults`, { rateLimitPerSecond: 300, temporaryErrorRate: 0 });
  await control("POST", `/pages/${DEMO.pageId}/token/restore`);
  const db = await getDb();
  await db.update(channels).set({ reconnectReason: null, reconnectSubcode: null }).where(eq(channels.id, flow.channelId));
});

async function control(method: string, path: string, body?: unknown) {
  const res = await fetch(`${flow.sandbox.url}/_sandbox/api${path}`, { method, headers: { "content-type": "application/json" }, body: body === undefined ? undefined : JSON.stringify(body) });
  const text = await res.text();
  if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${text}`);
  return text ? JSON.parse(text) : null;
}

/** The Page's audience region on both sides: Meta's (the sandbox) and the channel's setting. */
async function region(value: "UK" | "US" | "EU", adAccount = true) {
  await control("PUT", `/pages/${DEMO.pageId}/region`, { region: value, businessCountry: "US" });
  const db = await getDb();
  await db.update(channels).set({ messagingRegion: value, businessCountry: "US", adAccountId: adAccount ? DEMO.adAccountId : null }).where(eq(channels.id, flow.channelId));
}

async function topic(title: string, cadence: "daily" | "weekly" | "monthly", registration: "registered" | "unregistered" = "registered") {
  const db = await getDb();
  const [row] = await db.insert(recurringTopics).values({ orgId: f.org.id, channelId: flow.channelId, title, cadence, payload: `tp_${newId()}`, registration }).returning();
  return row;
}

/**
 * People who opted in on Meta's side (sandbox tokens), stored in the ledger as the capture would store them.
 * `token` overrides lets a test store a token Meta does not know.
 */
async function subscribe(count: number, o: { title: string; topicId?: string | null; frequency?: "DAILY" | "WEEKLY" | "MONTHLY"; timeZones?: (string | null)[]; kind?: "recurring" | "marketing" }) {
  const granted = flow.sandbox.controls.subscriptions.grantBulk(DEMO.pageId, { count, title: o.title, frequency: o.frequency ?? "WEEKLY" });
  const db = await getDb();
  const rows = [];
  for (const [i, g] of granted.entries()) {
    const [contact] = await db.insert(contacts).values({ orgId: f.org.id, channelId: flow.channelId, psid: g.psid }).returning();
    const [permission] = await db
      .insert(messagePermissions)
      .values({
        orgId: f.org.id,
        channelId: flow.channelId,
        contactId: contact.id,
        psid: g.psid,
        kind: o.kind ?? "recurring",
        topic: o.title,
        topicId: o.topicId ?? null,
        frequency: (o.frequency ?? "WEEKLY").toLowerCase(),
        userTimeZone: o.timeZones?.[i] ?? null,
        tokenSealed: seal(g.token),
        tokenHash: sha256Hex(g.token),
        source: "optin",
        optedInAt: new Date(Date.now() - 60_000 + i),
        expiresAt: new Date(Date.now() + 200 * DAY),
      })
      .returning();
    rows.push({ ...g, contactId: contact.id, permissionId: permission.id });
  }
  return rows;
}

/** Marketing reaches every active permission of the Page: earlier tests' subscribers leave the audience. */
async function retireEveryone() {
  const db = await getDb();
  await db.update(messagePermissions).set({ status: "stopped" }).where(eq(messagePermissions.channelId, flow.channelId));
}

const content = (text: string) => ({ type: "text" as const, text });

function sends(filter: { tokenKind?: "one_time_notif" | "notification_messages" | "subscription"; campaignId?: string } = {}) {
  return flow.sandbox.controls.sendLog.query({ pageId: DEMO.pageId, limit: 1_000_000, ...filter }).records;
}

async function deliveries(campaignId: string) {
  const db = await getDb();
  return db.select().from(campaignDeliveries).where(eq(campaignDeliveries.campaignId, campaignId));
}

describe("recurring campaigns", () => {
  beforeAll(() => region("UK"));

  it("sends to the topic's active subscribers narrowed by a segment: preview == planned == sent", async () => {
    const weekly = await topic("Weekly deals", "weekly");
    const people = await subscribe(5, { title: "Weekly deals", topicId: weekly.id });
    // Someone of another topic, someone whose permission stopped, someone expired: none of them counts.
    await subscribe(1, { title: "Other", topicId: (await topic("Other", "weekly")).id });
    const db = await getDb();
    await db.update(messagePermissions).set({ status: "stopped" }).where(eq(messagePermissions.id, people[3].permissionId));
    await db.update(messagePermissions).set({ expiresAt: new Date(Date.now() - 1000) }).where(eq(messagePermissions.id, people[4].permissionId));
    await db.update(contacts).set({ attributes: { tier: "gold" } }).where(eq(contacts.id, people[0].contactId));
    await db.update(contacts).set({ attributes: { tier: "gold" } }).where(eq(contacts.id, people[1].contactId));
    const segment = await createSegment({ ctx: f.as.marketer, input: { name: "Gold", definition: { match: "all", conditions: [{ kind: "attribute", op: "equals", key: "tier", value: "gold" }] } } });

    const everyone = await previewBroadcastAudience({ ctx: f.as.marketer, input: { kind: "recurring", channelId: flow.channelId, topicId: weekly.id } });
    expect(everyone).toMatchObject({ recipients: 3, availability: { available: true } });
    const preview = await previewBroadcastAudience({ ctx: f.as.marketer, input: { kind: "recurring", channelId: flow.channelId, topicId: weekly.id, segmentId: segment.id } });
    expect(preview.recipients).toBe(2);

    const campaign = await createCampaign({ ctx: f.as.marketer, input: { kind: "recurring", name: "Gold weekly", channelId: flow.channelId, topicId: weekly.id, segmentId: segment.id, content: content("Gold deals") } });
    expect(campaign).toMatchObject({ kind: "recurring", topicId: weekly.id, localSendTime: null, budget: null, metaCampaignId: null, counts: { held: 0 } });
    expect((await getCampaignStats({ ctx: f.as.marketer, campaignId: campaign.id })).audience.recipients).toBe(2);
    const started = await sendCampaignNow({ ctx: f.as.marketer, campaignId: campaign.id });
    expect(started.counts.subscribers).toBe(preview.recipients);
    const result = await runCampaignSend({ campaignId: campaign.id });
    expect(result).toMatchObject({ state: "finished", sent: 2, failed: 0 });
    const delivered = sends({ tokenKind: "notification_messages" }).filter((s) => s.ok);
    expect(delivered.map((s) => s.psid).sort()).toEqual([people[0].psid, people[1].psid].sort());
    expect(await getCampaign({ ctx: f.as.marketer, campaignId: campaign.id })).toMatchObject({ status: "sent", counts: { subscribers: 2, sent: 2, failed: 0, held: 0 } });
    const [permission] = await db.select().from(messagePermissions).where(eq(messagePermissions.id, people[0].permissionId));
    expect(permission.lastSentAt).not.toBeNull();
    const log = await listCampaignDeliveries({ ctx: f.as.marketer, campaignId: campaign.id });
    expect(log.data.map((d) => d.status)).toEqual(["sent", "sent"]);
    expect(log.data[0]).toMatchObject({ heldReason: null, failureReason: null, sentAt: expect.any(String), messageId: expect.any(String) });
    expect((await listCampaigns({ ctx: f.as.marketer, input: { kind: "recurring" } })).data.map((c) => c.id)).toContain(campaign.id);
    expect((await listCampaigns({ ctx: f.as.marketer, input: { kind: "otn" } })).data.map((c) => c.id)).not.toContain(campaign.id);
  });

  it("holds a second weekly send within the cadence, then sends it when the week has passed", async () => {
    const weekly = await topic("Weekly news", "weekly");
    const people = await subscribe(2, { title: "Weekly news", topicId: weekly.id });
    const first = await createCampaign({ ctx: f.as.marketer, input: { kind: "recurring", name: "News 1", channelId: flow.channelId, topicId: weekly.id, content: content("News 1") } });
    await sendCampaignNow({ ctx: f.as.marketer, campaignId: first.id });
    expect(await runCampaignSend({ campaignId: first.id })).toMatchObject({ state: "finished", sent: 2 });

    const second = await createCampaign({ ctx: f.as.marketer, input: { kind: "recurring", name: "News 2", channelId: flow.channelId, topicId: weekly.id, content: content("News 2") } });
    const started = await sendCampaignNow({ ctx: f.as.marketer, campaignId: second.id });
    expect(started.counts).toMatchObject({ subscribers: 2, held: 2 });
    const held = await deliveries(second.id);
    const db = await getDb();
    const [p] = await db.select().from(messagePermissions).where(eq(messagePermissions.id, people[0].permissionId));
    for (const d of held) expect(d).toMatchObject({ status: "held", heldReason: "cadence" });
    const due = held.find((d) => d.permissionId === people[0].permissionId)!.dueAt.getTime();
    expect(due).toBe(p.lastSentAt!.getTime() + 7 * DAY);
    const waiting = await runCampaignSend({ campaignId: second.id });
    expect(waiting).toMatchObject({ state: "waiting", sent: 0 });
    expect(new Date(waiting.nextDueAt!).getTime()).toBeGreaterThan(Date.now() + 6 * DAY);
    expect(sends({ tokenKind: "notification_messages" }).filter((s) => s.message && JSON.stringify(s.message).includes("News 2"))).toEqual([]);

    // A week later (Meta's clock and ours): both go.
    flow.sandbox.controls.clock.advance(7 * DAY + 60_000);
    const later = await runCampaignSend({ campaignId: second.id, now: new Date(Date.now() + 7 * DAY + 60_000) });
    expect(later).toMatchObject({ state: "finished", sent: 2, failed: 0 });
    expect(await getCampaign({ ctx: f.as.marketer, campaignId: second.id })).toMatchObject({ status: "sent", counts: { sent: 2, held: 0 } });
  });

  it("a daily topic's second send within 48 hours is held for Meta's gap", async () => {
    const daily = await topic("Daily tip", "daily");
    await subscribe(1, { title: "Daily tip", topicId: daily.id, frequency: "DAILY" });
    const first = await createCampaign({ ctx: f.as.marketer, input: { kind: "recurring", name: "Tip 1", channelId: flow.channelId, topicId: daily.id, content: content("Tip 1") } });
    await sendCampaignNow({ ctx: f.as.marketer, campaignId: first.id });
    await runCampaignSend({ campaignId: first.id });
    const second = await createCampaign({ ctx: f.as.marketer, input: { kind: "recurring", name: "Tip 2", channelId: flow.channelId, topicId: daily.id, content: content("Tip 2") } });
    await sendCampaignNow({ ctx: f.as.marketer, campaignId: second.id, now: new Date(Date.now() + DAY + 3_600_000) });
    const [row] = await deliveries(second.id);
    expect(row).toMatchObject({ status: "held", heldReason: "gap" });
    // Meta agrees: sending at 25 h is refused with the minimum delay, and the sender holds it again (no failure).
    flow.sandbox.controls.clock.advance(DAY + 3_600_000);
    const db = await getDb();
    await db.update(campaignDeliveries).set({ dueAt: new Date(Date.now() + DAY) }).where(eq(campaignDeliveries.id, row.id));
    await db.update(messagePermissions).set({ lastSentAt: null }).where(eq(messagePermissions.id, row.permissionId)); // our record lost it; Meta's has it
    const retried = await runCampaignSend({ campaignId: second.id, now: new Date(Date.now() + DAY + 3_600_000) });
    expect(retried).toMatchObject({ state: "waiting", sent: 0, failed: 0, held: 1 });
    const [again] = await deliveries(second.id);
    expect(again).toMatchObject({ status: "held", heldReason: "gap" });
    expect(sends({ tokenKind: "notification_messages" }).filter((s) => !s.ok).map((s) => [s.error?.code, s.error?.subcode])).toContainEqual([4, 2018354]);
    await cancelCampaign({ ctx: f.as.marketer, campaignId: second.id });
  });

  it("plans each recipient at 10:00 local time across zones, with the within-the-hour rule and a DST change", async () => {
    const db = await getDb();
    await db.update(organizations).set({ timeZone: "Asia/Shanghai" }).where(eq(organizations.id, f.org.id));
    const t = await topic("Morning brief", "weekly");
    const zones = ["America/New_York", "America/Denver", "America/Los_Angeles", "Asia/Tokyo", "Not/AZone", null];
    const people = await subscribe(zones.length, { title: "Morning brief", topicId: t.id, timeZones: zones });
    const campaign = await createCampaign({ ctx: f.as.marketer, input: { kind: "recurring", name: "Brief", channelId: flow.channelId, topicId: t.id, content: content("Brief"), localSendTime: "10:00" } });
    // Saturday 7 March 2026, 17:30 UTC; the US moves to summer time on Sunday 8 March at 02:00.
    const start = new Date("2026-03-07T17:30:00Z");
    await sendCampaignNow({ ctx: f.as.marketer, campaignId: campaign.id, now: start });
    const due = new Map((await deliveries(campaign.id)).map((d) => [d.psid, d.dueAt.toISOString()]));
    expect(people.map((p) => due.get(p.psid))).toEqual([
      "2026-03-08T14:00:00.000Z", // New York 12:30 EST: past the hour → Sunday 10:00 EDT (UTC-4 after the change)
      "2026-03-07T17:30:00.000Z", // Denver 10:30 MST: within the hour → at once
      "2026-03-07T18:00:00.000Z", // Los Angeles 09:30 PST → 10:00 PST the same day
      "2026-03-08T01:00:00.000Z", // Tokyo 02:30 Sunday → 10:00 JST
      "2026-03-08T02:00:00.000Z", // an unknown zone: the organisation's (Shanghai, 01:30 Sunday → 10:00 CST)
      "2026-03-08T02:00:00.000Z", // no zone: the organisation's
    ]);
    // The sender sends what is due at a given moment and sleeps until the next.
    const r = await runCampaignSend({ campaignId: campaign.id, now: new Date("2026-03-07T17:45:00Z") });
    expect(r).toMatchObject({ state: "waiting", nextDueAt: "2026-03-07T18:00:00.000Z" });
    expect(r.sent).toBe(1);
    await cancelCampaign({ ctx: f.as.marketer, campaignId: campaign.id });
    await db.update(organizations).set({ timeZone: "UTC" }).where(eq(organizations.id, f.org.id));
  });

  it("maps Meta's answers: stopped → skipped, invalid token → skipped, blocked → failed, rate limits and temporary errors → retried", async () => {
    const t = await topic("Answers", "weekly");
    const people = await subscribe(6, { title: "Answers", topicId: t.id });
    // Stopped on Meta's side only (the STOP webhook has not arrived): 10/1893015.
    flow.sandbox.controls.subscriptions.setStopped(people[0].psid, { token: people[0].token }, true);
    await flow.sandbox.controls.webhooks.idle();
    const db = await getDb();
    await db.update(messagePermissions).set({ status: "active", stoppedAt: null }).where(eq(messagePermissions.id, people[0].permissionId)); // its STOP webhook was lost
    // A token Meta does not know: 100.
    const bogus = `nm_bogus_${newId()}`;
    await db.update(messagePermissions).set({ tokenSealed: seal(bogus), tokenHash: sha256Hex(bogus) }).where(eq(messagePermissions.id, people[1].permissionId));
    flow.sandbox.controls.users.setBlocked(people[2].psid, true);
    await control("PUT", `/pages/${DEMO.pageId}/faults`, { rateLimitPerSecond: 2, temporaryErrorRate: 0.3, temporaryErrorCodes: [1, 2, -1, 1200] });
    const campaign = await createCampaign({ ctx: f.as.marketer, input: { kind: "recurring", name: "Answers", channelId: flow.channelId, topicId: t.id, content: content("Hello"), ratePerSecond: 50 } });
    await sendCampaignNow({ ctx: f.as.marketer, campaignId: campaign.id });
    const result = await runCampaignSend({ campaignId: campaign.id });
    expect(result).toMatchObject({ state: "finished", sent: 3, failed: 1, expired: 2 });
    const byPsid = new Map((await deliveries(campaign.id)).map((d) => [d.psid, d]));
    expect(byPsid.get(people[0].psid)).toMatchObject({ status: "skipped", failureReason: "stopped", failureCode: 10 });
    expect(byPsid.get(people[1].psid)).toMatchObject({ status: "skipped", failureReason: "invalid_token", failureCode: 100 });
    expect(byPsid.get(people[2].psid)).toMatchObject({ status: "failed", failureReason: "blocked", failureCode: 551 });
    for (const p of people.slice(3)) expect(byPsid.get(p.psid)).toMatchObject({ status: "sent" });
    const statuses = new Map((await db.select().from(messagePermissions)).map((p) => [p.id, p.status]));
    expect(statuses.get(people[0].permissionId)).toBe("stopped");
    expect(statuses.get(people[1].permissionId)).toBe("expired");
    expect(statuses.get(people[2].permissionId)).toBe("active");
    expect(await getCampaign({ ctx: f.as.marketer, campaignId: campaign.id })).toMatchObject({ status: "sent_with_failures", counts: { sent: 3, failed: 1, expired: 2 } });
  });

  it("pauses on a region Meta refuses (code 10) and on a dead Page token (190), and says why", async () => {
    const t = await topic("Pauses", "weekly");
    await subscribe(2, { title: "Pauses", topicId: t.id });
    const campaign = await createCampaign({ ctx: f.as.marketer, input: { kind: "recurring", name: "Region", channelId: flow.channelId, topicId: t.id, content: content("Hi") } });
    await sendCampaignNow({ ctx: f.as.marketer, campaignId: campaign.id });
    // Meta moved the Page out of the recurring regions; our setting still says UK.
    await control("PUT", `/pages/${DEMO.pageId}/region`, { region: "US" });
    expect(await runCampaignSend({ campaignId: campaign.id })).toMatchObject({ state: "paused", sent: 0 });
    expect(await getCampaign({ ctx: f.as.marketer, campaignId: campaign.id })).toMatchObject({ status: "paused", pauseReason: "broadcast.pause.regionUnavailable" });
    expect((await deliveries(campaign.id)).every((d) => d.status === "pending")).toBe(true);
    await control("PUT", `/pages/${DEMO.pageId}/region`, { region: "UK" });

    await control("POST", `/pages/${DEMO.pageId}/token/revoke`);
    await resumeCampaign({ ctx: f.as.marketer, campaignId: campaign.id });
    expect(await runCampaignSend({ campaignId: campaign.id })).toMatchObject({ state: "paused" });
    const paused = await getCampaign({ ctx: f.as.marketer, campaignId: campaign.id });
    expect(paused.pauseReason).toMatch(/#190/);
    await expect(resumeCampaign({ ctx: f.as.marketer, campaignId: campaign.id })).rejects.toBeInstanceOf(ConflictError); // reconnect first
    await control("POST", `/pages/${DEMO.pageId}/token/restore`);
    const db = await getDb();
    await db.update(channels).set({ reconnectReason: null, reconnectSubcode: null }).where(eq(channels.id, flow.channelId));
    await resumeCampaign({ ctx: f.as.marketer, campaignId: campaign.id });
    expect(await runCampaignSend({ campaignId: campaign.id })).toMatchObject({ state: "finished", sent: 2 });
  });

  it("refuses an unregistered or foreign topic, and a region without recurring notifications, with the reason", async () => {
    const unregistered = await topic("Not yet", "weekly", "unregistered");
    const input = (topicId: string) => ({ kind: "recurring", name: "X", channelId: flow.channelId, topicId, content: content("X") });
    await expect(createCampaign({ ctx: f.as.marketer, input: input(unregistered.id) })).rejects.toBeInstanceOf(ValidationError);
    const other = await createOrgFixture("Other topics");
    const db = await getDb();
    const [theirs] = await db.insert(recurringTopics).values({ orgId: other.org.id, channelId: flow.channelId, title: "Theirs", cadence: "weekly", payload: `tp_${newId()}`, registration: "registered" }).returning();
    await expect(createCampaign({ ctx: f.as.marketer, input: input(theirs.id) })).rejects.toBeInstanceOf(NotFoundError);

    const ok = await topic("Region check", "weekly");
    await subscribe(1, { title: "Region check", topicId: ok.id });
    const campaign = await createCampaign({ ctx: f.as.marketer, input: input(ok.id) });
    await db.update(channels).set({ messagingRegion: "US" }).where(eq(channels.id, flow.channelId));
    const refusal = await sendCampaignNow({ ctx: f.as.marketer, campaignId: campaign.id }).catch((e) => e);
    expect(refusal).toBeInstanceOf(ConflictError);
    expect(refusal.messageKey).toBe("permissions.reason.recurringRegion");
    await expect(createCampaign({ ctx: f.as.marketer, input: input(ok.id) })).rejects.toMatchObject({ messageKey: "permissions.reason.recurringRegion" });
    expect((await previewBroadcastAudience({ ctx: f.as.marketer, input: { kind: "recurring", channelId: flow.channelId, topicId: ok.id } })).availability).toEqual({
      available: false,
      reason: "permissions.reason.recurringRegion",
    });
    // A scheduled campaign whose region changed before its time pauses with the reason instead of sending.
    await region("UK");
    const scheduled = await createCampaign({ ctx: f.as.marketer, input: { ...input(ok.id), scheduledAt: new Date(Date.now() + 60_000).toISOString() } });
    await db.update(channels).set({ messagingRegion: "US" }).where(eq(channels.id, flow.channelId));
    const row = (await db.select().from(campaigns).where(eq(campaigns.id, scheduled.id)))[0];
    expect(await startScheduledSend(scheduled.id, row.scheduleVersion)).toBeNull();
    expect(await getCampaign({ ctx: f.as.marketer, campaignId: scheduled.id })).toMatchObject({ status: "paused", pauseReason: "permissions.reason.recurringRegion" });
    await region("UK");
  });
});

describe("marketing campaigns", () => {
  beforeAll(() => region("US"));

  it("creates the Meta campaign once, sends once per token, and preview == planned == sent with a segment", async () => {
    await retireEveryone();
    const people = await subscribe(6, { title: "Offers", kind: "marketing" });
    const db = await getDb();
    for (const p of people.slice(0, 4)) await db.update(contacts).set({ attributes: { vip: "yes" } }).where(eq(contacts.id, p.contactId));
    const segment = await createSegment({ ctx: f.as.marketer, input: { name: "VIPs", definition: { match: "all", conditions: [{ kind: "attribute", op: "equals", key: "vip", value: "yes" }] } } });
    const preview = await previewBroadcastAudience({ ctx: f.as.marketer, input: { kind: "marketing", channelId: flow.channelId, segmentId: segment.id } });
    expect(preview).toMatchObject({ recipients: 4, availability: { available: true } });
    const campaign = await createCampaign({
      ctx: f.as.marketer,
      input: { kind: "marketing", name: "Spring sale", channelId: flow.channelId, segmentId: segment.id, content: content("20% off"), budget: { type: "daily", amountCents: 5000 } },
    });
    expect(campaign).toMatchObject({ kind: "marketing", budget: { type: "daily", amountCents: 5000 }, metaCampaignId: null });
    const started = await sendCampaignNow({ ctx: f.as.marketer, campaignId: campaign.id });
    expect(started.counts.subscribers).toBe(4);
    expect(await runCampaignSend({ campaignId: campaign.id })).toMatchObject({ state: "finished", sent: 4, failed: 0 });
    const after = await getCampaign({ ctx: f.as.marketer, campaignId: campaign.id });
    expect(after).toMatchObject({ status: "sent", counts: { subscribers: 4, sent: 4 } });
    expect(after.metaCampaignId).toMatch(/^\d+$/);
    const metaCampaigns = (await control("GET", `/campaigns?pageId=${DEMO.pageId}`)) as { data?: unknown[] } | unknown[];
    const list = (Array.isArray(metaCampaigns) ? metaCampaigns : (metaCampaigns.data ?? [])) as { id: string; name: string; delivered: number }[];
    expect(list.filter((c) => c.name === "Spring sale")).toEqual([expect.objectContaining({ id: after.metaCampaignId, delivered: 4 })]);
    const mine = sends({ tokenKind: "subscription", campaignId: after.metaCampaignId! });
    expect(mine.filter((s) => s.ok).map((s) => s.psid).sort()).toEqual(people.slice(0, 4).map((p) => p.psid).sort());
    expect(mine.filter((s) => !s.ok)).toEqual([]);
  });

  it("never sends a token twice, even when the sender died between claiming and recording", async () => {
    await retireEveryone();
    const people = await subscribe(40, { title: "Crash", kind: "marketing" });
    const campaign = await createCampaign({ ctx: f.as.marketer, input: { kind: "marketing", name: "Crash sale", channelId: flow.channelId, content: content("Crash"), budget: { type: "lifetime", amountCents: 100_000 } } });
    await sendCampaignNow({ ctx: f.as.marketer, campaignId: campaign.id });
    // A first batch creates the Meta campaign and sends a few (batch size 10), then another sender claims 10 and dies:
    // 5 of its calls reached Meta, 5 never left.
    const db = await getDb();
    const { sendCampaignBatch } = await import("../sender/send-batch");
    expect(await sendCampaignBatch({ campaignId: campaign.id, batchSize: 10 })).toMatchObject({ state: "more", sent: 10 });
    const [row] = await db.select().from(campaigns).where(eq(campaigns.id, campaign.id));
    const doomed = await claimDue(db, campaign.id, newId(), 10, new Date());
    const tokenOf = new Map(people.map((p) => [p.psid, p.token]));
    for (const d of doomed.slice(0, 5)) {
      const res = await fetch(`${flow.sandbox.url}/v21.0/act_${DEMO.adAccountId}/messages?access_token=${DEMO.pageAccessToken}`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ message_campaign_id: row.metaCampaignId, messenger_delivery_data: { subscription_token: tokenOf.get(d.psid) }, message: { text: "Crash" } }),
      });
      expect(res.status).toBe(200);
    }
    const rerun = await runCampaignSend({ campaignId: campaign.id });
    expect(rerun).toMatchObject({ state: "finished", sent: 20, failed: 10 });
    const log = sends({ tokenKind: "subscription", campaignId: row.metaCampaignId! });
    const okPerToken = new Map<string, number>();
    for (const s of log.filter((s) => s.ok)) okPerToken.set(s.token!, (okPerToken.get(s.token!) ?? 0) + 1);
    expect([...okPerToken.values()].every((n) => n === 1)).toBe(true); // 0 duplicates
    expect(log.filter((s) => !s.ok)).toEqual([]); // nothing even tried twice
    expect(okPerToken.size).toBe(35); // 30 by the sender, 5 by the one that died
    const rows = await deliveries(campaign.id);
    const crashed = rows.filter((d) => d.failureReason === "unknown_after_crash").map((d) => d.psid).sort();
    expect(crashed).toEqual(doomed.map((d) => d.psid).sort());
    expect(rows.filter((d) => d.status === "sent")).toHaveLength(30);
  });

  it("maps Meta's answers: unsubscribed → skipped, another Page's token → failed, blocked → failed, campaign not active → paused", async () => {
    await retireEveryone();
    const people = await subscribe(5, { title: "Answers M", kind: "marketing" });
    const graph = (path: string, body: unknown) =>
      fetch(`${flow.sandbox.url}/v21.0/${path}?access_token=${DEMO.pageAccessToken}`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
    expect((await graph(`${DEMO.pageId}/messaging_customer_base/unsubscribe`, { psids: [people[0].psid] })).status).toBe(200);
    flow.sandbox.controls.users.setBlocked(people[1].psid, true);
    // A token of another Page stored (wrongly) on this channel.
    const otherPage = (await control("POST", "/pages", { name: "Other shop", region: "US" })) as { id: string };
    const [foreign] = flow.sandbox.controls.subscriptions.grantBulk(otherPage.id, { count: 1, title: "Other" });
    const db = await getDb();
    await db.update(messagePermissions).set({ tokenSealed: seal(foreign.token), tokenHash: sha256Hex(foreign.token) }).where(eq(messagePermissions.id, people[2].permissionId));

    const campaign = await createCampaign({ ctx: f.as.marketer, input: { kind: "marketing", name: "Answers", channelId: flow.channelId, content: content("Hi"), budget: { type: "daily", amountCents: 1000 } } });
    await sendCampaignNow({ ctx: f.as.marketer, campaignId: campaign.id });
    // Only this campaign's recipients: earlier tests' subscribers are on the Page too.
    const result = await runCampaignSend({ campaignId: campaign.id });
    expect(result.state).toBe("finished");
    const byPsid = new Map((await deliveries(campaign.id)).map((d) => [d.psid, d]));
    expect(byPsid.get(people[0].psid)).toMatchObject({ status: "skipped", failureReason: "unsubscribed", failureCode: 2300004 });
    expect(byPsid.get(people[1].psid)).toMatchObject({ status: "failed", failureReason: "blocked", failureCode: 551 });
    expect(byPsid.get(people[2].psid)).toMatchObject({ status: "failed", failureReason: "wrong_page", failureCode: 2300005 });
    for (const p of people.slice(3)) expect(byPsid.get(p.psid)).toMatchObject({ status: "sent" });
    const [unsubscribed] = await db.select().from(messagePermissions).where(eq(messagePermissions.id, people[0].permissionId));
    expect(unsubscribed.status).toBe("stopped");

    // Campaign not active on Meta (paused there): the send pauses with the reason. Its audience is two new people
    // only (the first campaign's blocked and foreign-token recipients would otherwise be claimed in any order).
    await retireEveryone();
    await subscribe(2, { title: "Later", kind: "marketing" });
    const second = await createCampaign({ ctx: f.as.marketer, input: { kind: "marketing", name: "Paused on Meta", channelId: flow.channelId, content: content("Hi"), budget: { type: "daily", amountCents: 1000 } } });
    await sendCampaignNow({ ctx: f.as.marketer, campaignId: second.id });
    const { sendCampaignBatch } = await import("../sender/send-batch");
    await sendCampaignBatch({ campaignId: second.id, batchSize: 1 });
    const [row] = await db.select().from(campaigns).where(eq(campaigns.id, second.id));
    expect((await graph(row.metaCampaignId!, { status: "PAUSED" })).status).toBe(200);
    expect(await runCampaignSend({ campaignId: second.id })).toMatchObject({ state: "paused" });
    expect(await getCampaign({ ctx: f.as.marketer, campaignId: second.id })).toMatchObject({ status: "paused", pauseReason: "broadcast.pause.campaignNotActive" });
    // Resuming reactivates the Meta campaign, and the send goes on; cancelling pauses it on Meta.
    await resumeCampaign({ ctx: f.as.marketer, campaignId: second.id });
    const metaStatus = async () => ((await control("GET", `/campaigns?pageId=${DEMO.pageId}`)).data as { id: string; status: string }[]).find((c) => c.id === row.metaCampaignId)!.status;
    expect(await metaStatus()).toBe("ACTIVE");
    const { sendCampaignBatch: batch } = await import("../sender/send-batch");
    expect(await batch({ campaignId: second.id, batchSize: 1 })).toMatchObject({ state: "more", sent: 1 });
    await cancelCampaign({ ctx: f.as.marketer, campaignId: second.id });
    expect(await metaStatus()).toBe("PAUSED");
  });

  it("is refused where Marketing Messages are not available, with the reason", async () => {
    await retireEveryone();
    await subscribe(1, { title: "Region M", kind: "marketing" });
    const input = { kind: "marketing", name: "EU", channelId: flow.channelId, content: content("Hi"), budget: { type: "daily", amountCents: 1000 } };
    const campaign = await createCampaign({ ctx: f.as.marketer, input });
    await region("EU");
    await expect(sendCampaignNow({ ctx: f.as.marketer, campaignId: campaign.id })).rejects.toMatchObject({ messageKey: "permissions.reason.marketingRegion" });
    await expect(createCampaign({ ctx: f.as.marketer, input })).rejects.toBeInstanceOf(ConflictError);
    await region("US", false);
    await expect(createCampaign({ ctx: f.as.marketer, input })).rejects.toMatchObject({ messageKey: "permissions.reason.noAdAccount" });
    await region("US");
  });
});

describe("tenancy and input", () => {
  it("answers NotFound for another organisation's campaign and deliveries; refuses other kinds' fields", async () => {
    const other = await createOrgFixture("Other org");
    const mine = await createCampaign({ ctx: f.as.marketer, input: { kind: "marketing", name: "Mine", channelId: flow.channelId, content: content("Hi"), budget: { type: "daily", amountCents: 1000 } } });
    await expect(getCampaign({ ctx: other.as.owner, campaignId: mine.id })).rejects.toBeInstanceOf(NotFoundError);
    await expect(listCampaignDeliveries({ ctx: other.as.owner, campaignId: mine.id })).rejects.toBeInstanceOf(NotFoundError);
    await expect(previewBroadcastAudience({ ctx: other.as.owner, input: { kind: "marketing", channelId: flow.channelId } })).rejects.toBeInstanceOf(NotFoundError);
    await expect(updateCampaign({ ctx: f.as.marketer, campaignId: mine.id, input: { requestTitle: "Nope" } })).rejects.toBeInstanceOf(ValidationError);
    expect(await updateCampaign({ ctx: f.as.marketer, campaignId: mine.id, input: { localSendTime: "09:30", budget: { type: "lifetime", amountCents: 20_000 } } })).toMatchObject({
      localSendTime: "09:30",
      budget: { type: "lifetime", amountCents: 20_000 },
    });
    await expect(createCampaign({ ctx: f.as.marketer, input: { kind: "marketing", name: "No budget", channelId: flow.channelId, content: content("Hi") } })).rejects.toBeInstanceOf(ValidationError);
    await expect(
      createCampaign({ ctx: f.as.marketer, input: { kind: "marketing", name: "Bad time", channelId: flow.channelId, content: content("Hi"), localSendTime: "25:00", budget: { type: "daily", amountCents: 1000 } } }),
    ).rejects.toBeInstanceOf(ValidationError);
    // An agent may not create campaigns.
    await expect(createCampaign({ ctx: f.as.agent, input: { kind: "marketing", name: "Agent", channelId: flow.channelId, content: content("Hi"), budget: { type: "daily", amountCents: 1000 } } })).rejects.toMatchObject({ status: 403 });
    const db = await getDb();
    expect((await db.select().from(campaignDeliveries).where(and(eq(campaignDeliveries.campaignId, mine.id)))).length).toBe(0);
  });
});
