import { eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { rowsOf } from "@/db/json-insert";
import { contacts, conversationActivities, conversations, csatSurveys, messages, organizations } from "@/db/schema";
import { ValidationError } from "@/lib/errors";
import { updateOrganization } from "@/lib/services/organizations";
import { useTestDatabase } from "@/tests/db";
import { createChannelFor, createSkillGroupWithAgents } from "@/tests/desk";
import { createOrgFixture, type OrgFixture } from "@/tests/fixtures";
import { getServiceReport } from "./index";

useTestDatabase();

/**
 * The reports read days from a layer kept in the organisation's time zone (report_daily_counters,
 * report_inbound_hours). These tests move the zone and check that the same history then reads in the new
 * zone's days, whether the move went through the settings or the layer was found behind by a report.
 *
 * The history, in UTC: messages in at 2026-03-10 15:30 and 16:30; an agent's reply at 16:45; a rated survey (4)
 * of a resolution at 16:50. In UTC all of it is on 10 March (heat map: Tuesday 15:00 and 16:00).
 * In Shanghai (UTC+8) 15:30 is 23:30 on the 10th and 16:30 is 00:30 on the 11th (Tuesday 23:00, Wednesday 0:00);
 * the reply and the survey are on the 11th.
 */
let org: OrgFixture;
let agent: string;

beforeAll(async () => {
  org = await createOrgFixture("Zone shop");
  const db = await getDb();
  const g = await createSkillGroupWithAgents(org.org, 1, "Sales");
  agent = g.agents[0]!.membershipId;
  const channel = await createChannelFor(org.org.id, g.group.id);
  const orgId = org.org.id;
  const [contact] = await db.insert(contacts).values({ orgId, channelId: channel.id, psid: "zone-1" }).returning();
  const [c] = await db.insert(conversations).values({ orgId, channelId: channel.id, contactId: contact!.id, skillGroupId: g.group.id, status: "open" }).returning();
  const message = (direction: "inbound" | "outbound", iso: string, by: string | null = null) =>
    db.insert(messages).values({
      orgId,
      channelId: channel.id,
      conversationId: c!.id,
      direction,
      kind: "text",
      text: "…",
      source: direction === "inbound" ? "webhook" : "app",
      timestamp: Date.parse(iso),
      sendStatus: direction === "outbound" ? "sent" : null,
      sentByMembershipId: by,
    });
  await db.insert(conversationActivities).values({ orgId, conversationId: c!.id, kind: "opened", actorType: "system", toSkillGroupId: g.group.id, createdAt: new Date("2026-03-10T15:30:00Z") });
  await message("inbound", "2026-03-10T15:30:00Z");
  await message("inbound", "2026-03-10T16:30:00Z");
  await message("outbound", "2026-03-10T16:45:00Z", agent);
  const [resolved] = await db
    .insert(conversationActivities)
    .values({ orgId, conversationId: c!.id, kind: "resolved", actorType: "member", fromMembershipId: agent, toSkillGroupId: g.group.id, createdAt: new Date("2026-03-10T16:50:00Z") })
    .returning();
  const [survey] = await db
    .insert(csatSurveys)
    .values({ orgId, conversationId: c!.id, channelId: channel.id, skillGroupId: g.group.id, membershipId: agent, resolutionActivityId: resolved!.id, status: "asked", language: "en", resolvedAt: new Date("2026-03-10T16:50:00Z") })
    .returning();
  // The person answers later: the update moves the survey from asked to rated.
  await db.update(csatSurveys).set({ status: "rated", rating: 4, comment: "quick" }).where(eq(csatSurveys.id, survey!.id));
});

const report = () => getServiceReport({ ctx: org.as.owner, input: { from: "2026-03-10", to: "2026-03-11" } });
const dayFigures = (r: Awaited<ReturnType<typeof report>>) => r.days.map((d) => [d.date, d.messagesIn, d.messagesOut, d.conversationsResolved, d.csatAverage]);

describe("the reports' day layer and the organisation's time zone", () => {
  it("reads the organisation's days in UTC, satisfaction included after the survey was answered", async () => {
    const r = await report();
    expect(r.range.timeZone).toBe("UTC");
    expect(dayFigures(r)).toEqual([
      ["2026-03-10", 2, 1, 1, 4],
      ["2026-03-11", 0, 0, 0, null],
    ]);
    expect(r.totals.csat).toMatchObject({ asked: 1, rated: 1, average: 4, distribution: [0, 0, 0, 1, 0], comments: 1, responseRate: 1 });
    expect(r.heatmap[2]![15]).toBe(1);
    expect(r.heatmap[2]![16]).toBe(1);
    expect(r.agents.find((a) => a.id === agent)).toMatchObject({ messagesOut: 1, conversationsResolved: 1, csatAverage: 4, csatRated: 1 });
  });

  it("a new zone in the settings moves the same history to that zone's days", async () => {
    await updateOrganization({ ctx: org.as.owner, input: { timeZone: "Asia/Shanghai" } });
    const r = await report();
    expect(r.range.timeZone).toBe("Asia/Shanghai");
    expect(dayFigures(r)).toEqual([
      ["2026-03-10", 1, 0, 0, null],
      ["2026-03-11", 1, 1, 1, 4],
    ]);
    expect(r.heatmap[2]![23]).toBe(1);
    expect(r.heatmap[3]![0]).toBe(1);
    expect(r.heatmap.flat().reduce((a, b) => a + b, 0)).toBe(2);
  });

  it("a layer left behind in the old zone (the move interrupted) is rebuilt by the next report before it reads", async () => {
    const db = await getDb();
    // The zone changed without the settings' follow-up, as if the process had stopped right after the update.
    await db.update(organizations).set({ timeZone: "UTC" }).where(eq(organizations.id, org.org.id));
    const r = await report();
    expect(dayFigures(r)).toEqual([
      ["2026-03-10", 2, 1, 1, 4],
      ["2026-03-11", 0, 0, 0, null],
    ]);
    const [zone] = rowsOf<{ time_zone: string }>(await db.execute(sql`select time_zone from report_day_zones where org_id = ${org.org.id}::uuid`));
    expect(zone?.time_zone).toBe("UTC");
  });

  it("new rollups after the move are written in the new zone's days", async () => {
    await updateOrganization({ ctx: org.as.owner, input: { timeZone: "Asia/Shanghai" } });
    const db = await getDb();
    const [c] = await db.select().from(conversations).where(eq(conversations.orgId, org.org.id));
    // 2026-03-11 17:00 UTC is 01:00 on the 12th in Shanghai.
    await db.insert(messages).values({ orgId: org.org.id, channelId: c!.channelId, conversationId: c!.id, direction: "inbound", kind: "text", text: "…", source: "webhook", timestamp: Date.parse("2026-03-11T17:00:00Z") });
    const r = await getServiceReport({ ctx: org.as.owner, input: { from: "2026-03-10", to: "2026-03-12" } });
    expect(r.days.map((d) => d.messagesIn)).toEqual([1, 1, 1]);
  });

  it("a zone the runtime knows and the database does not is refused, and changes nothing", async () => {
    const before = await report();
    // Node's ICU still knows US/Pacific-New; the tz database dropped it in 2020 (PostgreSQL: "not recognized").
    await expect(updateOrganization({ ctx: org.as.owner, input: { timeZone: "US/Pacific-New" } })).rejects.toBeInstanceOf(ValidationError);
    expect(dayFigures(await report())).toEqual(dayFigures(before));
  });
});
