/**
 * Segments against a real database: every condition kind, groups, AND vs OR, ids of another organisation
 * refused, the live count equal to the list it counts, the preview's rate limit, tenancy and roles.
 */
import { and, asc, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { randomToken } from "@/db/ids";
import { campaigns, channels, contacts, conversationLabels, conversations, labels, messages, otnTokens } from "@/db/schema";
import { ConflictError, ForbiddenError, NotFoundError, RateLimitedError, ValidationError } from "@/lib/errors";
import { useTestDatabase } from "@/tests/db";
import { createOrgFixture, type OrgFixture } from "@/tests/fixtures";
import { createSegment, deleteSegment, getSegment, countSegment, listSegments, previewSegment, segmentDefinitionSchema, segmentWhere, SEGMENT_PREVIEWS_PER_MINUTE, updateSegment, type SegmentDefinition } from ".";

useTestDatabase();

let a: OrgFixture;
let b: OrgFixture;
const ids = {} as Record<"shop" | "outlet" | "vip" | "spring" | "bChannel" | "bLabel" | "bCampaign", string>;
const DAY = 86_400_000;

async function insertChannel(orgId: string, name: string) {
  const db = await getDb();
  const [row] = await db
    .insert(channels)
    .values({ orgId, name, pageId: `seg${randomToken(8)}`, appId: "7000001", pageAccessTokenSealed: "x", appSecretSealed: "x", verifyTokenSealed: "x" })
    .returning();
  return row.id;
}

async function insertCampaign(orgId: string, channelId: string, name: string) {
  const db = await getDb();
  const [row] = await db.insert(campaigns).values({ orgId, channelId, name, ref: randomToken(12), requestTitle: "Notify me", content: { type: "text", text: "hi" } }).returning();
  return row.id;
}

interface Person {
  psid: string;
  channel: "shop" | "outlet";
  locale?: string;
  attributes?: Record<string, string>;
  lastInboundDaysAgo?: number;
  createdDaysAgo: number;
  vip?: boolean;
  ref?: string;
  token?: "pending" | "sent";
}

/**
 * ada: shop, zh_CN, gold in Shanghai, wrote today, new, VIP, came through "spring-ad", holds an unused token.
 * bo: shop, en_US, silver, wrote 40 days ago, seen 100 days ago, came through "autumn" (a Get Started postback).
 * cy: outlet, zh_TW, never wrote, seen 10 days ago, VIP, token of the spring campaign already used.
 * di: outlet, no locale, city "Shanghai 100%", seen 200 days ago.
 */
const people: Person[] = [
  { psid: "ada", channel: "shop", locale: "zh_CN", attributes: { tier: "gold", city: "Shanghai" }, lastInboundDaysAgo: 0, createdDaysAgo: 1, vip: true, ref: "spring-ad", token: "pending" },
  { psid: "bo", channel: "shop", locale: "en_US", attributes: { tier: "Silver" }, lastInboundDaysAgo: 40, createdDaysAgo: 100, ref: "autumn" },
  { psid: "cy", channel: "outlet", locale: "zh_TW", createdDaysAgo: 10, vip: true, token: "sent" },
  { psid: "di", channel: "outlet", attributes: { city: "Shanghai 100%" }, createdDaysAgo: 200 },
];

beforeAll(async () => {
  a = await createOrgFixture("Segments A");
  b = await createOrgFixture("Segments B");
  const db = await getDb();
  ids.shop = await insertChannel(a.org.id, "Shop");
  ids.outlet = await insertChannel(a.org.id, "Outlet");
  ids.bChannel = await insertChannel(b.org.id, "B shop");
  ids.spring = await insertCampaign(a.org.id, ids.shop, "Spring");
  ids.bCampaign = await insertCampaign(b.org.id, ids.bChannel, "B spring");
  [{ id: ids.vip }] = await db.insert(labels).values({ orgId: a.org.id, name: "VIP" }).returning();
  [{ id: ids.bLabel }] = await db.insert(labels).values({ orgId: b.org.id, name: "VIP" }).returning();
  const now = Date.now();
  for (const p of people) {
    const channelId = ids[p.channel];
    const [contact] = await db
      .insert(contacts)
      .values({
        orgId: a.org.id,
        channelId,
        psid: p.psid,
        locale: p.locale ?? null,
        attributes: p.attributes ?? {},
        lastInboundAt: p.lastInboundDaysAgo === undefined ? null : new Date(now - p.lastInboundDaysAgo * DAY),
        createdAt: new Date(now - p.createdDaysAgo * DAY),
      })
      .returning();
    const [conversation] = await db.insert(conversations).values({ orgId: a.org.id, channelId, contactId: contact.id }).returning();
    if (p.vip) await db.insert(conversationLabels).values({ orgId: a.org.id, conversationId: conversation.id, labelId: ids.vip });
    if (p.ref) {
      const referral = { ref: p.ref, source: "SHORTLINK", type: "OPEN_THREAD" };
      await db.insert(messages).values({
        orgId: a.org.id,
        channelId,
        conversationId: conversation.id,
        direction: "inbound",
        kind: p.ref === "autumn" ? "postback" : "referral",
        referral,
        source: "webhook",
        timestamp: now,
      });
    }
    if (p.token)
      await db.insert(otnTokens).values({
        orgId: a.org.id,
        campaignId: ids.spring,
        channelId,
        contactId: contact.id,
        psid: p.psid,
        tokenSealed: "sealed",
        tokenHash: randomToken(16),
        status: p.token,
        optedInAt: new Date(now),
      });
  }
  // Another organisation's contact with everything matching: never counted for A.
  const [other] = await db.insert(contacts).values({ orgId: b.org.id, channelId: ids.bChannel, psid: "ada", locale: "zh_CN", attributes: { tier: "gold" } }).returning();
  await db.insert(conversations).values({ orgId: b.org.id, channelId: ids.bChannel, contactId: other.id });
});

/** The psids a definition selects, read with the same condition the counts use. */
async function matching(definition: SegmentDefinition): Promise<string[]> {
  const db = await getDb();
  const rows = await db.select({ psid: contacts.psid }).from(contacts).where(segmentWhere(a.org.id, definition)).orderBy(asc(contacts.psid));
  return rows.map((r) => r.psid);
}

/** The preview's count and the list agree; returns the list. */
async function select(conditions: unknown[], match: "all" | "any" = "all"): Promise<string[]> {
  const definition = segmentDefinitionSchema.parse({ match, conditions });
  const list = await matching(definition);
  const { contactCount } = await previewSegment({ ctx: a.as.owner, input: { definition } });
  expect(contactCount).toBe(list.length);
  return list;
}

describe("conditions", () => {
  it("label has / has not", async () => {
    expect(await select([{ kind: "label", op: "has", labelId: ids.vip }])).toEqual(["ada", "cy"]);
    expect(await select([{ kind: "label", op: "hasNot", labelId: ids.vip }])).toEqual(["bo", "di"]);
  });

  it("attribute equals (ignoring case), contains (literal % and _), exists, not exists", async () => {
    expect(await select([{ kind: "attribute", op: "equals", key: "tier", value: "silver" }])).toEqual(["bo"]);
    expect(await select([{ kind: "attribute", op: "contains", key: "city", value: "shanghai" }])).toEqual(["ada", "di"]);
    expect(await select([{ kind: "attribute", op: "contains", key: "city", value: "100%" }])).toEqual(["di"]);
    expect(await select([{ kind: "attribute", op: "contains", key: "city", value: "%" }])).toEqual(["di"]);
    expect(await select([{ kind: "attribute", op: "exists", key: "tier" }])).toEqual(["ada", "bo"]);
    expect(await select([{ kind: "attribute", op: "notExists", key: "tier" }])).toEqual(["cy", "di"]);
    // A key that reads like SQL is only a key.
    expect(await select([{ kind: "attribute", op: "exists", key: "tier') or true --" }])).toEqual([]);
  });

  it("channel is", async () => {
    expect(await select([{ kind: "channel", channelId: ids.outlet }])).toEqual(["cy", "di"]);
  });

  it("locale is (zh-CN written either way) and starts with", async () => {
    expect(await select([{ kind: "locale", op: "is", value: "zh-cn" }])).toEqual(["ada"]);
    expect(await select([{ kind: "locale", op: "startsWith", value: "zh" }])).toEqual(["ada", "cy"]);
  });

  it("entry ref: from a referral event or a Get Started postback's referral", async () => {
    expect(await select([{ kind: "entryRef", ref: "spring-ad" }])).toEqual(["ada"]);
    expect(await select([{ kind: "entryRef", ref: "autumn" }])).toEqual(["bo"]);
    expect(await select([{ kind: "entryRef", ref: "nobody" }])).toEqual([]);
  });

  it("subscribed through a campaign: any token, or an unused one only", async () => {
    expect(await select([{ kind: "subscribedThrough", campaignId: ids.spring, unusedOnly: false }])).toEqual(["ada", "cy"]);
    expect(await select([{ kind: "subscribedThrough", campaignId: ids.spring, unusedOnly: true }])).toEqual(["ada"]);
  });

  it("last inbound within / not within N days (never counts as not within); first seen within N days", async () => {
    expect(await select([{ kind: "lastInbound", op: "within", days: 30 }])).toEqual(["ada"]);
    expect(await select([{ kind: "lastInbound", op: "notWithin", days: 30 }])).toEqual(["bo", "cy", "di"]);
    expect(await select([{ kind: "firstSeen", days: 30 }])).toEqual(["ada", "cy"]);
  });

  it("AND vs OR, a nested group, and no conditions at all (everyone, of this organisation only)", async () => {
    const vip = { kind: "label", op: "has", labelId: ids.vip } as const;
    const outlet = { kind: "channel", channelId: ids.outlet } as const;
    expect(await select([vip, outlet], "all")).toEqual(["cy"]);
    expect(await select([vip, outlet], "any")).toEqual(["ada", "cy", "di"]);
    // VIP and (wrote within 30 days or seen within 300 days in the outlet)
    const group = { kind: "group", match: "any", conditions: [{ kind: "lastInbound", op: "within", days: 30 }, outlet] } as const;
    expect(await select([vip, group], "all")).toEqual(["ada", "cy"]);
    // (silver) or (VIP and outlet)
    expect(await select([{ kind: "attribute", op: "equals", key: "tier", value: "silver" }, { kind: "group", match: "all", conditions: [vip, outlet] }], "any")).toEqual(["bo", "cy"]);
    expect(await select([])).toEqual(["ada", "bo", "cy", "di"]);
  });
});

describe("validation", () => {
  it("refuses another organisation's label, channel or campaign, naming the field", async () => {
    const refused = [
      { kind: "label", op: "has", labelId: ids.bLabel, field: "labelId" },
      { kind: "channel", channelId: ids.bChannel, field: "channelId" },
      { kind: "subscribedThrough", campaignId: ids.bCampaign, field: "campaignId" },
    ];
    for (const { field, ...leaf } of refused) {
      const definition = { match: "all", conditions: [{ kind: "group", match: "any", conditions: [{ kind: "firstSeen", days: 1 }, leaf] }] };
      const error = await createSegment({ ctx: a.as.marketer, input: { name: `Foreign ${field}`, definition } }).catch((e) => e);
      expect(error).toBeInstanceOf(ValidationError);
      expect(Object.keys((error as ValidationError).fieldMessages ?? {})).toEqual([`definition.conditions.0.conditions.1.${field}`]);
      await expect(previewSegment({ ctx: a.as.marketer, input: { definition } })).rejects.toBeInstanceOf(ValidationError);
    }
    expect(await listSegments({ ctx: a.as.marketer })).toEqual([]);
  });

  it("refuses groups within groups, more than 20 conditions, empty values and unknown kinds", async () => {
    const leaf = { kind: "firstSeen", days: 5 };
    const bad = [
      { match: "all", conditions: [{ kind: "group", match: "any", conditions: [{ kind: "group", match: "all", conditions: [leaf] }] }] },
      { match: "all", conditions: Array.from({ length: 21 }, () => leaf) },
      { match: "all", conditions: [leaf, { kind: "group", match: "any", conditions: Array.from({ length: 20 }, () => leaf) }] },
      { match: "all", conditions: [{ kind: "attribute", op: "equals", key: "tier" }] },
      { match: "all", conditions: [{ kind: "firstSeen", days: 0 }] },
      { match: "both", conditions: [] },
      { match: "all", conditions: [{ kind: "sql", value: "true" }] },
    ];
    for (const definition of bad) await expect(previewSegment({ ctx: a.as.marketer, input: { definition } })).rejects.toBeInstanceOf(ValidationError);
    const twenty = { match: "all", conditions: Array.from({ length: 20 }, () => leaf) };
    await expect(previewSegment({ ctx: a.as.marketer, input: { definition: twenty } })).resolves.toEqual({ contactCount: 1 });
  });
});

describe("saved segments", () => {
  it("create, list with live counts, get, rename, redefine, delete; names unique regardless of case", async () => {
    const vipDefinition: SegmentDefinition = { match: "all", conditions: [{ kind: "label", op: "has", labelId: ids.vip }] };
    const vip = await createSegment({ ctx: a.as.marketer, input: { name: " VIPs ", definition: vipDefinition } });
    expect(vip).toMatchObject({ name: "VIPs", contactCount: 2, createdBy: a.users.marketer.email });
    await expect(createSegment({ ctx: a.as.admin, input: { name: "vips", definition: vipDefinition } })).rejects.toBeInstanceOf(ConflictError);
    const shop = await createSegment({ ctx: a.as.admin, input: { name: "Shop", definition: { match: "all", conditions: [{ kind: "channel", channelId: ids.shop }] } } });

    const listed = await listSegments({ ctx: a.as.marketer });
    expect(listed.map((s) => [s.name, s.contactCount])).toEqual([
      ["Shop", 2],
      ["VIPs", 2],
    ]);
    // The live count follows the contacts: tagging di makes three VIPs.
    const db = await getDb();
    const [di] = await db.select({ conversationId: conversations.id }).from(conversations).innerJoin(contacts, eq(contacts.id, conversations.contactId)).where(and(eq(contacts.orgId, a.org.id), eq(contacts.psid, "di")));
    await db.insert(conversationLabels).values({ orgId: a.org.id, conversationId: di.conversationId, labelId: ids.vip });
    expect(await countSegment({ ctx: a.as.marketer, segmentId: vip.id })).toBe(3);
    expect((await getSegment({ ctx: a.as.admin, segmentId: vip.id })).contactCount).toBe((await matching(vipDefinition)).length);
    await db.delete(conversationLabels).where(eq(conversationLabels.conversationId, di.conversationId));

    const renamed = await updateSegment({ ctx: a.as.marketer, segmentId: vip.id, input: { name: "VIP customers" } });
    expect(renamed).toMatchObject({ name: "VIP customers", contactCount: 2, definition: vipDefinition });
    const redefined = await updateSegment({ ctx: a.as.marketer, segmentId: vip.id, input: { definition: { match: "any", conditions: [{ kind: "locale", op: "startsWith", value: "zh" }, { kind: "channel", channelId: ids.outlet }] } } });
    expect(redefined.contactCount).toBe(3);
    await expect(updateSegment({ ctx: a.as.marketer, segmentId: vip.id, input: { definition: { match: "all", conditions: [{ kind: "label", op: "has", labelId: ids.bLabel }] } } })).rejects.toBeInstanceOf(ValidationError);
    await expect(updateSegment({ ctx: a.as.marketer, segmentId: vip.id, input: { name: "shop" } })).rejects.toBeInstanceOf(ConflictError);

    await deleteSegment({ ctx: a.as.marketer, segmentId: shop.id });
    await expect(getSegment({ ctx: a.as.marketer, segmentId: shop.id })).rejects.toBeInstanceOf(NotFoundError);
    expect((await listSegments({ ctx: a.as.marketer })).map((s) => s.name)).toEqual(["VIP customers"]);
    // The name of a deleted segment is free again.
    await createSegment({ ctx: a.as.marketer, input: { name: "Shop", definition: { match: "all", conditions: [] } } });
  });

  it("refuses to delete a segment an unsent campaign targets", async () => {
    const target = await createSegment({ ctx: a.as.marketer, input: { name: "Targeted", definition: { match: "all", conditions: [] } } });
    const db = await getDb();
    const campaignId = await insertCampaign(a.org.id, ids.shop, "Targeting");
    await db.update(campaigns).set({ segmentId: target.id }).where(eq(campaigns.id, campaignId));
    await expect(deleteSegment({ ctx: a.as.marketer, segmentId: target.id })).rejects.toBeInstanceOf(ConflictError);
    await db.update(campaigns).set({ status: "sent" }).where(eq(campaigns.id, campaignId));
    await deleteSegment({ ctx: a.as.marketer, segmentId: target.id });
  });

  it("another organisation's segment is not found for every verb; agents are refused", async () => {
    const secret = await createSegment({ ctx: b.as.owner, input: { name: "B only", definition: { match: "all", conditions: [] } } });
    await expect(getSegment({ ctx: a.as.owner, segmentId: secret.id })).rejects.toBeInstanceOf(NotFoundError);
    await expect(countSegment({ ctx: a.as.owner, segmentId: secret.id })).rejects.toBeInstanceOf(NotFoundError);
    await expect(updateSegment({ ctx: a.as.owner, segmentId: secret.id, input: { name: "Mine" } })).rejects.toBeInstanceOf(NotFoundError);
    await expect(deleteSegment({ ctx: a.as.owner, segmentId: secret.id })).rejects.toBeInstanceOf(NotFoundError);
    await expect(getSegment({ ctx: a.as.owner, segmentId: "not-a-uuid" })).rejects.toBeInstanceOf(NotFoundError);
    expect((await listSegments({ ctx: a.as.owner })).map((s) => s.id)).not.toContain(secret.id);
    expect(await countSegment({ ctx: b.as.owner, segmentId: secret.id })).toBe(1);

    await expect(listSegments({ ctx: a.as.agent })).rejects.toBeInstanceOf(ForbiddenError);
    await expect(createSegment({ ctx: a.as.agent, input: { name: "Agent's", definition: { match: "all", conditions: [] } } })).rejects.toBeInstanceOf(ForbiddenError);
    await expect(previewSegment({ ctx: a.as.agent, input: { definition: { match: "all", conditions: [] } } })).rejects.toBeInstanceOf(ForbiddenError);
  });
});

describe("preview rate limit", () => {
  it(`allows ${SEGMENT_PREVIEWS_PER_MINUTE} live counts a minute per member, then refuses with a retry time; other members are unaffected`, async () => {
    const definition = { match: "all", conditions: [{ kind: "firstSeen", days: 30 }] };
    for (let i = 0; i < SEGMENT_PREVIEWS_PER_MINUTE; i++) await previewSegment({ ctx: b.as.marketer, input: { definition } });
    const error = await previewSegment({ ctx: b.as.marketer, input: { definition } }).catch((e) => e);
    expect(error).toBeInstanceOf(RateLimitedError);
    expect((error as RateLimitedError).retryAfterSeconds).toBeGreaterThan(0);
    await expect(previewSegment({ ctx: b.as.admin, input: { definition } })).resolves.toEqual({ contactCount: 1 });
  });
});
