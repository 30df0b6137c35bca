import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { channelCsatSettings, contacts, conversationActivities, conversations, csatSurveys } from "@/db/schema";
import { useTestDatabase } from "@/tests/db";
import { createChannelFor, createSkillGroupWithAgents } from "@/tests/desk";
import { createOrgFixture } from "@/tests/fixtures";
import { findUnaskedResolutions } from "./index";

useTestDatabase();

/**
 * The sweep that hands over surveys whose resolution event was lost: resolutions between 2 and 30 minutes old, on
 * channels with the survey on since before them, with no survey yet. Written with SQL at known instants.
 */
const NOW = new Date("2026-06-01T12:00:00Z");
const minutesAgo = (m: number) => new Date(NOW.getTime() - m * 60_000);
const ids: Record<string, string> = {};

beforeAll(async () => {
  const db = await getDb();
  const f = await createOrgFixture();
  const { group } = await createSkillGroupWithAgents(f.org, 0);
  const on = await createChannelFor(f.org.id, group.id);
  const off = await createChannelFor(f.org.id, group.id);
  const lateOn = await createChannelFor(f.org.id, group.id);
  await db.insert(channelCsatSettings).values([
    { channelId: on.id, orgId: f.org.id, enabled: true, updatedAt: minutesAgo(60) },
    { channelId: off.id, orgId: f.org.id, enabled: false, updatedAt: minutesAgo(60) },
    // Turned on 10 minutes ago: earlier resolutions were never meant to be asked.
    { channelId: lateOn.id, orgId: f.org.id, enabled: true, updatedAt: minutesAgo(10) },
  ]);
  let n = 0;
  const resolution = async (name: string, channelId: string, minutes: number) => {
    const [contact] = await db.insert(contacts).values({ orgId: f.org.id, channelId, psid: `u${++n}` }).returning();
    const [c] = await db.insert(conversations).values({ orgId: f.org.id, channelId, contactId: contact!.id, skillGroupId: group.id, status: "resolved" }).returning();
    const [a] = await db
      .insert(conversationActivities)
      .values({ orgId: f.org.id, conversationId: c!.id, kind: "resolved", actorType: "system", toSkillGroupId: group.id, createdAt: minutesAgo(minutes) })
      .returning();
    ids[name] = a!.id;
    return { conversationId: c!.id, activityId: a!.id, channelId };
  };
  await resolution("lost", on.id, 5);
  await resolution("inFlight", on.id, 1);
  await resolution("tooOld", on.id, 40);
  const asked = await resolution("asked", on.id, 6);
  await db.insert(csatSurveys).values({ orgId: f.org.id, conversationId: asked.conversationId, channelId: on.id, resolutionActivityId: asked.activityId, status: "asked", language: "en", resolvedAt: minutesAgo(6) });
  await resolution("surveyOff", off.id, 5);
  await resolution("beforeTurnedOn", lateOn.id, 15);
  await resolution("afterTurnedOn", lateOn.id, 8);
});

describe("surveys whose resolution event was lost", () => {
  it("hands over only resolutions 2 to 30 minutes old, on channels asking since before them, without a survey", async () => {
    const found = await findUnaskedResolutions({ now: NOW });
    expect(found.map((r) => r.resolutionActivityId).sort()).toEqual([ids.lost, ids.afterTurnedOn].sort());
  });

  it("finds nothing for a resolution once its survey exists", async () => {
    const db = await getDb();
    const found = await findUnaskedResolutions({ now: NOW });
    for (const r of found) await db.insert(csatSurveys).values({ orgId: r.orgId, conversationId: r.conversationId, channelId: r.channelId, resolutionActivityId: r.resolutionActivityId, status: "skipped", skipReason: "outside_window", language: "en", resolvedAt: NOW });
    expect(await findUnaskedResolutions({ now: NOW })).toEqual([]);
  });
});
