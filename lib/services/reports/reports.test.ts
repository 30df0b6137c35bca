import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { botEvents, campaigns, contacts, conversationActivities, conversations, csatSurveys, messages, organizations, otnTokens } from "@/db/schema";
import { ForbiddenError, NotFoundError, ValidationError } from "@/lib/errors";
import { useTestDatabase } from "@/tests/db";
import { createChannelFor, createSkillGroupWithAgents } from "@/tests/desk";
import { createOrgFixture, type OrgFixture } from "@/tests/fixtures";
import { campaignReportCsv, getCampaignReport, getServiceReport, resolveRange, serviceReportCsv, SERVICE_CSV_TABLES } from "./index";

useTestDatabase();

/**
 * A known history written with SQL at exact instants, in New York across the end of daylight saving time
 * (2026-11-01 02:00 EDT becomes 01:00 EST: Sunday 1 November has 25 hours, 04:00Z to 05:00Z the next day), and in
 * Shanghai (UTC+8, no DST). Every expected figure below is worked out by hand in the comments next to it.
 */
let ny: OrgFixture;
let sh: OrgFixture;
let A1: string; // "Agent 0"
let A2: string; // "Agent 1"
let G1: string;
let G2: string;
let channelA: string;
let channelB: string;
let shChannel: string;
const campaignIds: string[] = [];

const at = (iso: string) => new Date(iso);
const MIN = 60_000;
const HOUR = 60 * MIN;

type ActivityKind = (typeof conversationActivities.$inferInsert)["kind"];

beforeAll(async () => {
  ny = await createOrgFixture("New York shop");
  sh = await createOrgFixture("上海小店");
  const db = await getDb();
  await db.update(organizations).set({ timeZone: "America/New_York" }).where(eq(organizations.id, ny.org.id));
  await db.update(organizations).set({ timeZone: "Asia/Shanghai" }).where(eq(organizations.id, sh.org.id));
  const g1 = await createSkillGroupWithAgents(ny.org, 2, "Sales");
  const g2 = await createSkillGroupWithAgents(ny.org, 0, "Support");
  G1 = g1.group.id;
  G2 = g2.group.id;
  A1 = g1.agents[0]!.membershipId;
  A2 = g1.agents[1]!.membershipId;
  channelA = (await createChannelFor(ny.org.id, G1)).id;
  channelB = (await createChannelFor(ny.org.id, G2)).id;

  const orgId = ny.org.id;
  let psid = 0;
  const conversation = async (channelId: string, skillGroupId: string) => {
    const [contact] = await db.insert(contacts).values({ orgId, channelId, psid: `p${++psid}` }).returning();
    const [c] = await db.insert(conversations).values({ orgId, channelId, contactId: contact!.id, skillGroupId, status: "open" }).returning();
    return { id: c!.id, channelId };
  };
  type Conv = Awaited<ReturnType<typeof conversation>>;
  const act = (c: Conv, kind: ActivityKind, iso: string, x: { to?: string | null; from?: string | null; group?: string } = {}) =>
    db.insert(conversationActivities).values({
      orgId,
      conversationId: c.id,
      kind,
      actorType: "system",
      toMembershipId: x.to ?? null,
      fromMembershipId: x.from ?? null,
      toSkillGroupId: x.group ?? null,
      createdAt: at(iso),
    });
  const msg = (c: Conv, direction: "inbound" | "outbound", iso: string, x: { by?: string; source?: string; failed?: boolean } = {}) =>
    db.insert(messages).values({
      orgId,
      channelId: c.channelId,
      conversationId: c.id,
      direction,
      kind: "text",
      text: "…",
      source: x.source ?? (direction === "inbound" ? "webhook" : "app"),
      timestamp: at(iso).getTime(),
      sendStatus: direction === "outbound" && x.source !== "echo" ? (x.failed ? "failed" : "sent") : null,
      sentByMembershipId: x.by ?? null,
    });
  const survey = (c: Conv, iso: string, x: { membershipId: string; group: string; status: "asked" | "rated" | "skipped"; rating?: number; comment?: string }) =>
    db.insert(csatSurveys).values({
      orgId,
      conversationId: c.id,
      channelId: c.channelId,
      skillGroupId: x.group,
      membershipId: x.membershipId,
      resolutionActivityId: crypto.randomUUID(),
      status: x.status,
      skipReason: x.status === "skipped" ? "outside_window" : null,
      rating: x.rating ?? null,
      comment: x.comment ?? null,
      language: "en",
      resolvedAt: at(iso),
    });
  const bot = (c: Conv, kind: (typeof botEvents.$inferInsert)["kind"], iso: string) => db.insert(botEvents).values({ orgId, channelId: c.channelId, conversationId: c.id, kind, createdAt: at(iso) });

  // Conversation 2 (channel B, Support), opened Fri 30 Oct 23:30 EDT: before the range. Taken by A2 at once.
  const c2 = await conversation(channelB, G2);
  await act(c2, "opened", "2026-10-31T03:30:00Z", { to: A2, group: G2 });
  await msg(c2, "inbound", "2026-10-31T03:30:00Z");
  await msg(c2, "outbound", "2026-10-31T04:10:00Z", { by: A2 }); // Sat 31 Oct 00:10 EDT: first response 40 min
  await act(c2, "transferred", "2026-10-31T12:00:00Z", { from: A2, to: A1, group: G1 });
  await db.update(conversations).set({ skillGroupId: G1 }).where(eq(conversations.id, c2.id));
  await msg(c2, "outbound", "2026-10-31T12:05:00Z", { by: A1 });
  await msg(c2, "outbound", "2026-10-31T12:06:00Z", { by: A1, failed: true }); // Meta refused it: not a message out
  await act(c2, "resolved", "2026-10-31T14:00:00Z", { from: A1, group: G1 }); // handle = resolution = 10 h 30 min
  await survey(c2, "2026-10-31T14:00:00Z", { membershipId: A1, group: G1, status: "rated", rating: 2 });

  // Conversation 4 (channel B, Support): Sat 31 Oct 16:00-17:00 EDT, taken by A2 at once, never answered.
  const c4 = await conversation(channelB, G2);
  await act(c4, "opened", "2026-10-31T20:00:00Z", { to: A2, group: G2 });
  await act(c4, "resolved", "2026-10-31T21:00:00Z", { from: A2, group: G2 }); // handle = resolution = 1 h
  await survey(c4, "2026-10-31T21:00:00Z", { membershipId: A2, group: G2, status: "skipped" });

  // Conversation 1 (channel A, Sales): opened Sun 1 Nov 00:30 EDT into the queue, resolved Sun 1 Nov 23:30 EST,
  // 24 hours later and still Sunday (the day has 25 hours).
  const c1 = await conversation(channelA, G1);
  await act(c1, "opened", "2026-11-01T04:30:00Z", { group: G1 });
  await msg(c1, "inbound", "2026-11-01T04:30:00Z"); // Sunday 00h
  await act(c1, "assigned", "2026-11-01T04:35:00Z", { to: A1, group: G1 }); // waited 5 min
  await msg(c1, "outbound", "2026-11-01T04:40:00Z", { by: A1 }); // first response 10 min
  await msg(c1, "inbound", "2026-11-02T04:20:00Z"); // Sunday 23:20 EST, hour 23
  await act(c1, "resolved", "2026-11-02T04:30:00Z", { from: A1, group: G1 }); // resolution 24 h, handle 23 h 55 min
  await survey(c1, "2026-11-02T04:30:00Z", { membershipId: A1, group: G1, status: "rated", rating: 4, comment: "Quick, thanks" });

  // Conversation 3 (channel A, Sales): the bot first, Mon 2 Nov 07:50 EST; handed over; the Page inbox answers.
  const c3 = await conversation(channelA, G1);
  await msg(c3, "inbound", "2026-11-02T12:50:00Z"); // Monday 07h
  await bot(c3, "answered", "2026-11-02T12:51:00Z");
  await msg(c3, "outbound", "2026-11-02T12:51:00Z", { source: "bot" }); // the bot's answer: out, nobody's
  await bot(c3, "helpful", "2026-11-02T12:52:00Z");
  await bot(c3, "unhelpful", "2026-11-02T12:53:00Z");
  await bot(c3, "unanswered", "2026-11-02T12:55:00Z");
  await bot(c3, "handover", "2026-11-02T13:00:00Z");
  await act(c3, "opened", "2026-11-02T13:00:00Z", { group: G1 });
  await act(c3, "assigned", "2026-11-02T13:10:00Z", { to: A2, group: G1 }); // waited 10 min
  await msg(c3, "outbound", "2026-11-02T13:15:00Z", { source: "echo" }); // first response 15 min, by the Page inbox
  await act(c3, "resolved", "2026-11-02T14:00:00Z", { from: A2, group: G1 }); // resolution 1 h, handle 50 min
  await survey(c3, "2026-11-02T14:00:00Z", { membershipId: A2, group: G1, status: "asked" });

  // Conversation 2 again: the person writes Mon 2 Nov 10:00 EST, it reopens into Sales' queue.
  await act(c2, "reopened", "2026-11-02T15:00:00Z", { group: G1 });
  await msg(c2, "inbound", "2026-11-02T15:00:00Z"); // Monday 10h
  await act(c2, "assigned", "2026-11-02T15:20:00Z", { to: A2, group: G1 }); // waited 20 min
  await msg(c2, "outbound", "2026-11-02T15:30:00Z", { by: A2 }); // first response 30 min

  // After the range (Tue 3 Nov 00:00 EST): counted in no figure below.
  await msg(c2, "inbound", "2026-11-03T05:00:00Z");

  // Shanghai: two messages a minute apart across its midnight (Sun 1 Nov 23:59 and Mon 2 Nov 00:00 CST).
  const shGroup = await createSkillGroupWithAgents(sh.org, 0, "客服");
  shChannel = (await createChannelFor(sh.org.id, shGroup.group.id)).id;
  const [shContact] = await db.insert(contacts).values({ orgId: sh.org.id, channelId: shChannel, psid: "s1" }).returning();
  const [shConv] = await db.insert(conversations).values({ orgId: sh.org.id, channelId: shChannel, contactId: shContact!.id, skillGroupId: shGroup.group.id, status: "open" }).returning();
  for (const iso of ["2026-11-01T15:59:00Z", "2026-11-01T16:00:00Z"])
    await db.insert(messages).values({ orgId: sh.org.id, channelId: shChannel, conversationId: shConv!.id, direction: "inbound", kind: "text", source: "webhook", timestamp: at(iso).getTime() });

  // Campaigns of New York: two with subscribers, a third with nothing in the range.
  const campaign = async (name: string, counters: Partial<typeof campaigns.$inferInsert>, createdAt: string) => {
    const [row] = await db
      .insert(campaigns)
      .values({ orgId, channelId: channelA, name, ref: `r${campaignIds.length}`, requestTitle: "Notify me", content: { type: "text", text: "Sale" }, createdAt: at(createdAt), status: "sent", ...counters })
      .returning();
    campaignIds.push(row!.id);
    return row!.id;
  };
  const token = (campaignId: string, who: string, iso: string, x: Partial<typeof otnTokens.$inferInsert> = {}) =>
    db.insert(otnTokens).values({ orgId, campaignId, channelId: channelA, psid: who, tokenSealed: "x", tokenHash: crypto.randomUUID(), optedInAt: at(iso), ...x });
  const spring = await campaign("Spring sale", { linkClicks: 10, requestsSent: 8, requestsSkipped: 1, subscribers: 4, sent: 2, failed: 2, expired: 0 }, "2026-10-20T00:00:00Z");
  await token(spring, "u1", "2026-10-25T12:00:00Z", { status: "sent" }); // before the range
  await token(spring, "u2", "2026-11-01T04:10:00Z", { status: "sent" }); // Sun 1 Nov 00:10 EDT
  await token(spring, "u2", "2026-11-01T06:00:00Z", { status: "spare" }); // the same person again: no new subscriber
  await token(spring, "u3", "2026-11-02T04:59:00Z", { status: "failed", failureCode: 10, failureReason: "old wording", sentAt: at("2026-11-05T00:00:00Z") }); // Sun 23:59 EST
  await token(spring, "u4", "2026-11-02T05:00:00Z", { status: "failed", failureCode: 10, failureReason: "This message is sent outside of allowed window.", sentAt: at("2026-11-05T00:01:00Z") }); // Mon 00:00 EST
  const 双十一 = await campaign("双十一", { linkClicks: 3, requestsSent: 3, subscribers: 1, failed: 1 }, "2026-10-31T05:00:00Z");
  await token(双十一, "u9", "2026-10-31T05:00:00Z", { status: "failed", failureReason: "Network error" });
  await campaign("Old news", { subscribers: 0 }, "2026-09-01T00:00:00Z");
});

const range = { from: "2026-10-31", to: "2026-11-02" };
const stats = (count: number, medianMs: number | null, p90Ms: number | null, averageMs: number | null) => ({ count, medianMs, p90Ms, averageMs });

describe("service report", () => {
  it("sums the rollups by the organisation's days across the end of daylight saving time", async () => {
    const report = await getServiceReport({ ctx: ny.as.admin, input: range });
    expect(report.range).toEqual({ from: "2026-10-31", to: "2026-11-02", timeZone: "America/New_York" });
    expect(report.days).toEqual([
      // Sat: c4 opened; c2 and c4 resolved; A2's and A1's replies to c2 (the failed one not counted).
      { date: "2026-10-31", conversationsNew: 1, conversationsResolved: 2, conversationsReopened: 0, messagesIn: 0, messagesOut: 2, csatAverage: 2 },
      // Sun (25 h): c1 opened and resolved at 23:30 EST; its two messages in; A1's reply.
      { date: "2026-11-01", conversationsNew: 1, conversationsResolved: 1, conversationsReopened: 0, messagesIn: 2, messagesOut: 1, csatAverage: 4 },
      // Mon: c3 opened after the bot, resolved; c2 reopened; the bot's answer, the Page inbox's and A2's replies.
      { date: "2026-11-02", conversationsNew: 1, conversationsResolved: 1, conversationsReopened: 1, messagesIn: 2, messagesOut: 3, csatAverage: null },
    ]);
    const { totals } = report;
    expect(totals).toMatchObject({ conversationsNew: 3, conversationsResolved: 4, conversationsReopened: 1, messagesIn: 4, messagesOut: 6 });
    // First responses: 10 min (c1), 15 min (c3), 30 min (c2 reopened), 40 min (c2). Median (15+30)/2 = 22.5 min;
    // p90 at rank 0.9 × 3 = 2.7: 30 + 0.7 × 10 = 37 min; average 95 / 4 = 23.75 min.
    expect(totals.firstResponse).toEqual(stats(4, 22.5 * MIN, 37 * MIN, 23.75 * MIN));
    // Waits (only what entered a queue): 5, 10, 20 min. Median 10; p90 at 1.8: 10 + 0.8 × 10 = 18; average 35 / 3.
    expect(totals.wait).toEqual(stats(3, 10 * MIN, 18 * MIN, Math.round((35 / 3) * MIN)));
    // Handle: 50 min (c3), 60 min (c4), 630 min (c2), 1435 min (c1). Median (60+630)/2 = 345; p90 at 2.7:
    // 630 + 0.7 × 805 = 1193.5; average 2175 / 4 = 543.75 min.
    expect(totals.handle).toEqual(stats(4, 345 * MIN, 1193.5 * MIN, 543.75 * MIN));
    // Resolution: 60 (c3), 60 (c4), 630 (c2), 1440 (c1). Median 345; p90 630 + 0.7 × 810 = 1197; average 2190 / 4 = 547.5.
    expect(totals.resolution).toEqual(stats(4, 345 * MIN, 1197 * MIN, 547.5 * MIN));
    // Surveys of the 4 resolutions: c2 rated 2, c1 rated 4 with a comment, c3 asked, c4 skipped (window closed).
    expect(totals.csat).toEqual({ asked: 3, skipped: 1, rated: 2, responseRate: 2 / 3, average: 3, distribution: [0, 1, 0, 1, 0], comments: 1 });
    expect(totals.bot).toEqual({ answered: 1, suggested: 0, unanswered: 1, helpful: 1, unhelpful: 1, helpfulRate: 0.5, handovers: 1 });
    // Messages in by the organisation's weekday and hour: Sun 00h (EDT) and 23h (EST), Mon 07h and 10h.
    const expected = Array.from({ length: 7 }, () => Array.from({ length: 24 }, () => 0));
    expected[0]![0] = 1;
    expected[0]![23] = 1;
    expected[1]![7] = 1;
    expected[1]![10] = 1;
    expect(report.heatmap).toEqual(expected);
  });

  it("breaks the figures down per agent and per skill group", async () => {
    const report = await getServiceReport({ ctx: ny.as.owner, input: range });
    expect(report.agents).toEqual([
      {
        id: A1,
        name: "Agent 0",
        conversationsResolved: 2, // c2, c1
        messagesOut: 2,
        firstResponse: stats(1, 10 * MIN, 10 * MIN, 10 * MIN),
        // 630 and 1435 min: median and average 1032.5; p90 630 + 0.9 × 805 = 1354.5.
        handle: stats(2, 1032.5 * MIN, 1354.5 * MIN, 1032.5 * MIN),
        // 630 and 1440: 1035; p90 630 + 0.9 × 810 = 1359.
        resolution: stats(2, 1035 * MIN, 1359 * MIN, 1035 * MIN),
        csatAverage: 3,
        csatRated: 2,
      },
      {
        id: A2,
        name: "Agent 1",
        conversationsResolved: 2, // c3, c4
        messagesOut: 2,
        // 30 and 40 min: 35; p90 39.
        firstResponse: stats(2, 35 * MIN, 39 * MIN, 35 * MIN),
        // 50 and 60 min: 55; p90 59.
        handle: stats(2, 55 * MIN, 59 * MIN, 55 * MIN),
        resolution: stats(2, HOUR, HOUR, HOUR),
        csatAverage: null,
        csatRated: 0,
      },
      // Nobody's: the bot's answer and the Page inbox's reply (which was c3's first response, 15 min).
      { id: null, name: null, conversationsResolved: 0, messagesOut: 2, firstResponse: stats(1, 15 * MIN, 15 * MIN, 15 * MIN), handle: stats(0, null, null, null), resolution: stats(0, null, null, null), csatAverage: null, csatRated: 0 },
    ]);
    expect(report.skillGroups).toEqual([
      {
        id: G1,
        name: "Sales",
        conversationsResolved: 3, // c2 (transferred to Sales), c1, c3
        messagesOut: 5, // A1's reply to c2 after the transfer, A1's to c1, the bot, the Page inbox, A2's to c2 reopened
        firstResponse: stats(4, 22.5 * MIN, 37 * MIN, 23.75 * MIN), // every cycle ended up in Sales
        // 50, 630, 1435: median 630, p90 630 + 0.8 × 805 = 1274, average 705.
        handle: stats(3, 630 * MIN, 1274 * MIN, 705 * MIN),
        // 60, 630, 1440: 630; 630 + 0.8 × 810 = 1278; 710.
        resolution: stats(3, 630 * MIN, 1278 * MIN, 710 * MIN),
        csatAverage: 3,
        csatRated: 2,
      },
      { id: G2, name: "Support", conversationsResolved: 1, messagesOut: 1, firstResponse: stats(0, null, null, null), handle: stats(1, HOUR, HOUR, HOUR), resolution: stats(1, HOUR, HOUR, HOUR), csatAverage: null, csatRated: 0 },
    ]);
  });

  it("filters by channel, skill group and agent", async () => {
    const byChannel = await getServiceReport({ ctx: ny.as.admin, input: { ...range, channelId: channelB } });
    // Channel B: c2 and c4 (c2 moved to Sales but stays on its channel).
    expect(byChannel.totals).toMatchObject({ conversationsNew: 1, conversationsResolved: 2, conversationsReopened: 1, messagesIn: 1, messagesOut: 3 });
    expect(byChannel.totals.firstResponse).toEqual(stats(2, 35 * MIN, 39 * MIN, 35 * MIN));
    expect(byChannel.totals.bot.answered).toBe(0);

    const byGroup = await getServiceReport({ ctx: ny.as.admin, input: { ...range, skillGroupId: G2 } });
    expect(byGroup.totals).toMatchObject({ conversationsNew: 1, conversationsResolved: 1, messagesOut: 1 });
    expect(byGroup.skillGroups.map((g) => g.id)).toEqual([G2]);

    // An agent's own figures; what belongs to no agent (messages in, openings, the bot) is not theirs.
    const byAgent = await getServiceReport({ ctx: ny.as.admin, input: { ...range, membershipId: A1 } });
    expect(byAgent.totals).toMatchObject({ conversationsNew: 0, conversationsResolved: 2, messagesIn: 0, messagesOut: 2 });
    expect(byAgent.totals.firstResponse).toEqual(stats(1, 10 * MIN, 10 * MIN, 10 * MIN));
    expect(byAgent.totals.csat).toMatchObject({ asked: 2, rated: 2, average: 3 });
    expect(byAgent.agents.map((a) => a.id)).toEqual([A1]);
  });

  it("resolves presets in the organisation's time zone", async () => {
    // 2026-11-02 03:00Z is Sunday 22:00 in New York and Monday 11:00 in Shanghai.
    const now = at("2026-11-02T03:00:00Z");
    expect(resolveRange({ preset: "today" }, "America/New_York", now)).toMatchObject({ from: "2026-11-01", to: "2026-11-01" });
    expect(resolveRange({ preset: "today" }, "Asia/Shanghai", now)).toMatchObject({ from: "2026-11-02", to: "2026-11-02" });
    expect(resolveRange({}, "Asia/Shanghai", now)).toMatchObject({ from: "2026-10-27", to: "2026-11-02" });
    expect(resolveRange({ preset: "30d" }, "UTC", now).days).toHaveLength(30);
    expect(() => resolveRange({ from: "2025-01-01", to: "2026-01-02" }, "UTC")).toThrow(ValidationError);
    expect(resolveRange({ from: "2025-01-01", to: "2026-01-01" }, "UTC").days).toHaveLength(366);
    expect(() => resolveRange({ preset: "custom" }, "UTC")).toThrow(ValidationError);

    const today = await getServiceReport({ ctx: ny.as.admin, input: { preset: "today" }, now });
    expect(today.days).toEqual([{ date: "2026-11-01", conversationsNew: 1, conversationsResolved: 1, conversationsReopened: 0, messagesIn: 2, messagesOut: 1, csatAverage: 4 }]);
    // In Shanghai the minute before midnight is Sunday, the minute after is Monday.
    const shanghai = await getServiceReport({ ctx: sh.as.owner, input: { from: "2026-11-01", to: "2026-11-02" } });
    expect(shanghai.range.timeZone).toBe("Asia/Shanghai");
    expect(shanghai.days.map((d) => [d.date, d.messagesIn])).toEqual([
      ["2026-11-01", 1],
      ["2026-11-02", 1],
    ]);
    expect(shanghai.heatmap[0]![23]).toBe(1);
    expect(shanghai.heatmap[1]![0]).toBe(1);
    await expect(getServiceReport({ ctx: ny.as.admin, input: { from: "2026-11-03", to: "2026-11-01" } })).rejects.toThrow(ValidationError);
  });

  it("is for owners and admins; another organisation's channel, group or member is not found", async () => {
    await expect(getServiceReport({ ctx: ny.as.marketer, input: range })).rejects.toThrow(ForbiddenError);
    await expect(getServiceReport({ ctx: ny.as.agent, input: range })).rejects.toThrow(ForbiddenError);
    await expect(getServiceReport({ ctx: sh.as.owner, input: { ...range, channelId: channelA } })).rejects.toThrow(NotFoundError);
    await expect(getServiceReport({ ctx: sh.as.owner, input: { ...range, skillGroupId: G1 } })).rejects.toThrow(NotFoundError);
    await expect(getServiceReport({ ctx: sh.as.owner, input: { ...range, membershipId: A1 } })).rejects.toThrow(NotFoundError);
    // Shanghai's report holds nothing of New York's.
    const shanghai = await getServiceReport({ ctx: sh.as.owner, input: range });
    expect(shanghai.totals).toMatchObject({ conversationsResolved: 0, messagesOut: 0, messagesIn: 2 });
    expect(shanghai.agents).toEqual([]);
  });

  it("exports every table as CSV with the figures of the JSON", async () => {
    const report = await getServiceReport({ ctx: ny.as.admin, input: range });
    const parse = (csv: string) => csv.trimEnd().split("\r\n").map((line) => line.split(","));
    const days = parse(serviceReportCsv(report, "days"));
    expect(days[0]).toEqual(["date", "conversations_new", "conversations_resolved", "conversations_reopened", "messages_in", "messages_out", "csat_average"]);
    expect(days.slice(1)).toEqual(report.days.map((d) => [d.date, d.conversationsNew, d.conversationsResolved, d.conversationsReopened, d.messagesIn, d.messagesOut, d.csatAverage ?? ""].map(String)));
    const agents = parse(serviceReportCsv(report, "agents"));
    expect(agents).toHaveLength(1 + report.agents.length);
    expect(agents[1]!.slice(0, 8)).toEqual([A1, "Agent 0", "2", "2", "1", String(10 * MIN), String(10 * MIN), String(10 * MIN)]);
    expect(agents[3]!.slice(0, 4)).toEqual(["", "", "0", "2"]);
    const totals = Object.fromEntries(parse(serviceReportCsv(report, "totals")).slice(1));
    expect(totals).toMatchObject({ conversations_resolved: "4", first_response_median_ms: String(22.5 * MIN), wait_p90_ms: String(18 * MIN), csat_rated_4: "1", csat_response_rate: String(2 / 3), bot_helpful_rate: "0.5" });
    const heatmap = parse(serviceReportCsv(report, "heatmap"));
    expect(heatmap.slice(1).map((row) => row.slice(1).map(Number))).toEqual(report.heatmap);
    for (const table of SERVICE_CSV_TABLES) expect(serviceReportCsv(report, table).endsWith("\r\n")).toBe(true);
  });

  it("a download of one table computes that table only, and it equals the same table of the whole report", async () => {
    for (const input of [range, { ...range, skillGroupId: G2 }, { ...range, membershipId: A1 }]) {
      const whole = await getServiceReport({ ctx: ny.as.admin, input });
      for (const table of SERVICE_CSV_TABLES) {
        const one = await getServiceReport({ ctx: ny.as.admin, input, only: table });
        expect(serviceReportCsv(one, table), `${table} of ${JSON.stringify(input)}`).toBe(serviceReportCsv(whole, table));
      }
    }
  });
});

describe("campaign report", () => {
  it("compares funnels, failures by code and new subscribers per day of the organisation", async () => {
    const [spring, double11] = campaignIds;
    const report = await getCampaignReport({ ctx: ny.as.marketer, input: range });
    // Activity in the range: 双十一 was created in it, Spring sale had subscribers; Old news had none.
    expect(report.campaigns.map((c) => c.name).sort()).toEqual(["Spring sale", "双十一"]);
    const compared = await getCampaignReport({ ctx: ny.as.marketer, input: { ...range, campaignIds: `${spring},${double11}` } });
    expect(compared.campaigns).toEqual([
      {
        campaignId: spring,
        name: "Spring sale",
        status: "sent",
        channelId: channelA,
        linkClicks: 10,
        requestsSent: 8,
        requestsSkipped: 1,
        subscribers: 4,
        sent: 2,
        failed: 2,
        expired: 0,
        // Both failures had code 10; the reason is the one given last.
        failures: [{ code: 10, reason: "This message is sent outside of allowed window.", count: 2 }],
      },
      { campaignId: double11, name: "双十一", status: "sent", channelId: channelA, linkClicks: 3, requestsSent: 3, requestsSkipped: 0, subscribers: 1, sent: 0, failed: 1, expired: 0, failures: [{ code: null, reason: "Network error", count: 1 }] },
    ]);
    // Spring sale: u2 Sunday (their second tap is no new subscriber), u3 Sunday 23:59 EST, u4 Monday 00:00 EST.
    // 双十一: u9 Saturday 01:00 EDT.
    expect(compared.subscribersByDay).toEqual([
      { date: "2026-10-31", counts: [0, 1] },
      { date: "2026-11-01", counts: [2, 0] },
      { date: "2026-11-02", counts: [1, 0] },
    ]);
    const csv = campaignReportCsv(compared, "subscribers").trimEnd().split("\r\n");
    expect(csv).toEqual([`date,${spring},${double11}`, "2026-10-31,0,1", "2026-11-01,2,0", "2026-11-02,1,0"]);
    const failures = campaignReportCsv(compared, "failures").trimEnd().split("\r\n");
    expect(failures).toEqual(["campaign_id,name,code,reason,count", `${spring},Spring sale,10,This message is sent outside of allowed window.,2`, `${double11},双十一,,Network error,1`]);
  });

  it("is for owners, admins and marketers; another organisation's campaign is not found", async () => {
    await expect(getCampaignReport({ ctx: ny.as.agent, input: range })).rejects.toThrow(ForbiddenError);
    await expect(getCampaignReport({ ctx: sh.as.owner, input: { ...range, campaignIds: campaignIds[0] } })).rejects.toThrow(NotFoundError);
    await expect(getCampaignReport({ ctx: ny.as.owner, input: { ...range, campaignIds: "nope" } })).rejects.toThrow(ValidationError);
    const eleven = Array.from({ length: 11 }, () => crypto.randomUUID()).join(",");
    await expect(getCampaignReport({ ctx: ny.as.owner, input: { ...range, campaignIds: eleven } })).rejects.toThrow(ValidationError);
    expect((await getCampaignReport({ ctx: sh.as.owner, input: range })).campaigns).toEqual([]);
  });
});
