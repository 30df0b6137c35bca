/**
 * The campaigns area lists every kind together: the kind filter, each campaign's topic and segment by name, its
 * local send time, budget and held count. Recurring and marketing campaigns are written as the broadcast services
 * leave them (rows), so this covers only what the list reads.
 */
import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { campaigns, recurringTopics } from "@/db/schema";
import { NotFoundError, ValidationError } from "@/lib/errors";
import { createChannel } from "@/lib/services/channels";
import { createSegment } from "@/lib/services/segments";
import { createSkillGroup } from "@/lib/services/skill-groups";
import { useTestDatabase } from "@/tests/db";
import { useGraphSandbox } from "@/tests/graph-sandbox";
import { createOrgFixture, type OrgFixture } from "@/tests/fixtures";
import { createCampaign } from "./create-campaign";
import { setCampaignEventSender } from "./emit-campaign-events";
import { getCampaignSummary } from "./get-campaign-summary";
import { listCampaigns } from "./list-campaigns";

useTestDatabase();
const sandbox = useGraphSandbox();

let f: OrgFixture;
let other: OrgFixture;
let channelId: string;
let otherChannelId: string;
const ids = {} as { otn: string; recurring: string; marketing: string; topic: string; segment: string; otherRecurring: string };

async function channelOf(fixture: OrgFixture, pageId: string) {
  const group = await createSkillGroup({ ctx: fixture.as.owner, input: { name: "Support" } });
  sandbox.page({ pageId, pageAccessToken: `tok-${pageId}`, appId: `9${pageId}`, appSecret: "secret-of-the-app" });
  return (await createChannel({ ctx: fixture.as.owner, input: { name: `Page ${pageId}`, pageId, pageAccessToken: `tok-${pageId}`, appId: `9${pageId}`, appSecret: "secret-of-the-app", skillGroupId: group.id } })).id;
}

/** A campaign row of another kind, as the broadcast services create it (the OTN columns hold unused values). */
async function insertCampaign(orgId: string, channel: string, values: Partial<typeof campaigns.$inferInsert> & { kind: "recurring" | "marketing"; name: string }) {
  const db = await getDb();
  const [row] = await db
    .insert(campaigns)
    .values({ orgId, channelId: channel, ref: randomUUID(), requestTitle: values.name, content: { type: "text", text: `${values.name}!` }, ...values })
    .returning();
  return row.id;
}

beforeAll(async () => {
  setCampaignEventSender(async () => {});
  f = await createOrgFixture();
  other = await createOrgFixture();
  channelId = await channelOf(f, "7100000001");
  otherChannelId = await channelOf(other, "7100000002");
  const db = await getDb();
  const [topic] = await db.insert(recurringTopics).values({ orgId: f.org.id, channelId, title: "Weekly deals", cadence: "weekly", payload: randomUUID(), registration: "registered" }).returning();
  ids.topic = topic.id;
  const segment = await createSegment({ ctx: f.as.marketer, input: { name: "Gold", definition: { match: "all", conditions: [{ kind: "attribute", op: "equals", key: "tier", value: "gold" }] } } });
  ids.segment = segment.id;
  ids.otn = (await createCampaign({ ctx: f.as.marketer, input: { name: "Restock", channelId, requestTitle: "Tell me", content: { type: "text", text: "Back!" } } })).id;
  ids.recurring = await insertCampaign(f.org.id, channelId, { kind: "recurring", name: "Deals of the week", topicId: topic.id, localSendTime: "10:00", status: "sending", sent: 3, failed: 1, held: 2 });
  ids.marketing = await insertCampaign(f.org.id, channelId, {
    kind: "marketing",
    name: "Summer promo",
    segmentId: segment.id,
    budget: { type: "daily", amountCents: 2500 },
    metaCampaignId: "mc_1",
    scheduledAt: new Date(Date.now() + 3_600_000),
    status: "scheduled",
  });
  const [otherTopic] = await db.insert(recurringTopics).values({ orgId: other.org.id, channelId: otherChannelId, title: "Other news", cadence: "daily", payload: randomUUID() }).returning();
  ids.otherRecurring = await insertCampaign(other.org.id, otherChannelId, { kind: "recurring", name: "Other org's", topicId: otherTopic.id });
});

describe("the campaign list of every kind", () => {
  it("lists all kinds together with their topic, segment, local send time, budget and held count", async () => {
    const { data } = await listCampaigns({ ctx: f.as.marketer });
    expect(data.map((c) => c.id)).toEqual([ids.marketing, ids.recurring, ids.otn]);
    const [marketing, recurring, otn] = data;
    expect(otn).toMatchObject({ kind: "otn", topic: null, segment: null, localSendTime: null, budget: null, counts: { held: 0, subscribers: 0 } });
    expect(recurring).toMatchObject({
      kind: "recurring",
      status: "sending",
      topic: { id: ids.topic, title: "Weekly deals", cadence: "weekly" },
      segment: null,
      localSendTime: "10:00",
      counts: { sent: 3, failed: 1, held: 2 },
    });
    expect(marketing).toMatchObject({ kind: "marketing", topic: null, segment: { id: ids.segment, name: "Gold" }, budget: { type: "daily", amountCents: 2500 } });
  });

  it("filters by kind, alone and with the other filters and paging", async () => {
    const of = async (input: Parameters<typeof listCampaigns>[0]["input"]) => (await listCampaigns({ ctx: f.as.marketer, input })).data.map((c) => c.id);
    expect(await of({ kind: "otn" })).toEqual([ids.otn]);
    expect(await of({ kind: "recurring" })).toEqual([ids.recurring]);
    expect(await of({ kind: "marketing" })).toEqual([ids.marketing]);
    expect(await of({ kind: "recurring", status: "scheduled" })).toEqual([]);
    expect(await of({ kind: "marketing", status: "scheduled", channelId })).toEqual([ids.marketing]);
    const first = await listCampaigns({ ctx: f.as.marketer, input: { kind: "recurring", limit: 1 } });
    expect(first.nextCursor).toBeNull();
    const page1 = await listCampaigns({ ctx: f.as.marketer, input: { limit: 1 } });
    expect((await listCampaigns({ ctx: f.as.marketer, input: { limit: 5, cursor: page1.nextCursor!, kind: "otn" } })).data.map((c) => c.id)).toEqual([ids.otn]);
  });

  it("refuses an unknown kind in words, and never shows another organisation's campaigns", async () => {
    const error = await listCampaigns({ ctx: f.as.marketer, input: { kind: "sms" as never } }).catch((e) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect(error.message).toBe("kind: kind must be one of otn, recurring, marketing.");
    expect((await listCampaigns({ ctx: f.as.owner, input: { kind: "recurring" } })).data.map((c) => c.id)).not.toContain(ids.otherRecurring);
    expect((await listCampaigns({ ctx: other.as.owner, input: { kind: "recurring" } })).data.map((c) => c.id)).toEqual([ids.otherRecurring]);
  });

  it("is refused to a role without campaigns.read", async () => {
    await expect(listCampaigns({ ctx: f.as.agent, input: { kind: "recurring" } })).rejects.toThrow();
  });
});

describe("one campaign's summary (the campaign page)", () => {
  it("is the list's row, and NotFound for another organisation or a role without campaigns.read", async () => {
    const listed = (await listCampaigns({ ctx: f.as.marketer, input: { kind: "recurring" } })).data[0];
    expect(await getCampaignSummary({ ctx: f.as.marketer, campaignId: ids.recurring })).toEqual(listed);
    await expect(getCampaignSummary({ ctx: other.as.owner, campaignId: ids.recurring })).rejects.toBeInstanceOf(NotFoundError);
    await expect(getCampaignSummary({ ctx: f.as.agent, campaignId: ids.recurring })).rejects.toThrow();
  });
});
