/**
 * An OTN campaign sent to a segment, against the sandbox: the recipient count shown before sending is the number
 * of people the Send API was called for; subscribers outside the segment get nothing and keep an unused (spare)
 * token; someone who taps "Notify Me" twice is still sent to once; the segment is read when the sender claims.
 */
import { and, eq, inArray } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { contacts, conversationLabels, conversations, labels, otnTokens } from "@/db/schema";
import { NotFoundError } from "@/lib/errors";
import { createSegment, updateSegment } from "@/lib/services/segments";
import { DEMO } from "@/sandbox/server";
import { useTestDatabase } from "@/tests/db";
import { createOrgFixture, type OrgFixture } from "@/tests/fixtures";
import { startSandboxFlow, type SandboxFlow } from "@/tests/campaign-sandbox-flow";
import { createCampaign } from "./create-campaign";
import { getCampaign } from "./get-campaign";
import { getCampaignStats } from "./get-campaign-stats";
import { sendCampaignNow } from "./send-campaign-now";
import { runCampaignSend } from "./sender/send-batch";
import { setCampaignEventSender } from "./emit-campaign-events";
import { updateCampaign } from "./update-campaign";

useTestDatabase();

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

const campaignInput = (name: string, segmentId: string | null) => ({
  name,
  channelId: flow.channelId,
  invitation: null,
  requestTitle: "Tell me when the sale starts",
  replyText: null,
  content: { type: "text", text: `${name}: the sale has started!` },
  segmentId,
});

/** People the Send API delivered campaign content to (calls with an OTN token that succeeded). */
function contentRecipients(): string[] {
  return flow.sandbox.controls.sendLog
    .query({ pageId: DEMO.pageId, limit: 1_000_000 })
    .records.filter((r) => r.ok && r.token)
    .map((r) => r.psid!)
    .sort();
}

async function setAttributes(psids: string[], attributes: Record<string, string>) {
  const db = await getDb();
  await db
    .update(contacts)
    .set({ attributes })
    .where(and(eq(contacts.orgId, f.org.id), inArray(contacts.psid, psids)));
}

describe("an OTN campaign sent to a segment", () => {
  it("sends to exactly the recipients counted before sending; the others' tokens stay unused", async () => {
    const db = await getDb();
    const [vip] = await db.insert(labels).values({ orgId: f.org.id, name: "VIP" }).returning();
    // Gold customers, or anyone tagged VIP.
    const segment = await createSegment({
      ctx: f.as.marketer,
      input: {
        name: "Gold or VIP",
        definition: { match: "any", conditions: [{ kind: "attribute", op: "equals", key: "tier", value: "gold" }, { kind: "label", op: "has", labelId: vip.id }] },
      },
    });
    const campaign = await createCampaign({ ctx: f.as.marketer, input: campaignInput("Gold sale", segment.id) });
    expect(campaign.segmentId).toBe(segment.id);

    // gold1 taps "Notify Me" twice (the same card): two tokens, still one person.
    const { users } = flow.sandbox.controls;
    const gold1 = users.createUser(DEMO.pageId).psid;
    users.openLink(gold1, campaign.ref);
    await flow.sandbox.controls.webhooks.idle();
    const first = users.tapNotifyMe(gold1);
    await flow.sandbox.controls.webhooks.idle();
    users.tapNotifyMe(gold1, first.mid);
    const result = await flow.sandbox.controls.bulk.openLinkAndNotifyMe(DEMO.pageId, { count: 7, ref: campaign.ref, waitMs: 10_000 });
    await flow.sandbox.controls.webhooks.idle();
    expect(result.missing).toEqual([]);
    const [gold2, gold3, tagged, ...others] = result.tapped.map((t) => t.psid);
    await setAttributes([gold1, gold2, gold3], { tier: "gold" });
    await setAttributes(others.slice(0, 2), { tier: "silver" });
    const [taggedConversation] = await db.select({ id: conversations.id }).from(conversations).innerJoin(contacts, eq(contacts.id, conversations.contactId)).where(eq(contacts.psid, tagged));
    await db.insert(conversationLabels).values({ orgId: f.org.id, conversationId: taggedConversation.id, labelId: vip.id });

    const before = await getCampaignStats({ ctx: f.as.marketer, campaignId: campaign.id });
    expect(before.audience).toEqual({ segmentId: segment.id, recipients: 4 });
    expect((await getCampaign({ ctx: f.as.marketer, campaignId: campaign.id })).counts.subscribers).toBe(8);

    await sendCampaignNow({ ctx: f.as.marketer, campaignId: campaign.id });
    const sent = await runCampaignSend({ campaignId: campaign.id });
    expect(sent).toMatchObject({ state: "finished", sent: before.audience.recipients, failed: 0 });
    expect(contentRecipients()).toEqual([gold1, gold2, gold3, tagged].sort());

    const tokens = await db.select({ psid: otnTokens.psid, status: otnTokens.status }).from(otnTokens).where(eq(otnTokens.campaignId, campaign.id));
    const statusesOf = (psid: string) => tokens.filter((t) => t.psid === psid).map((t) => t.status).sort();
    expect(statusesOf(gold1)).toEqual(["sent", "spare"]);
    for (const psid of [gold2, gold3, tagged]) expect(statusesOf(psid)).toEqual(["sent"]);
    for (const psid of others) expect(statusesOf(psid)).toEqual(["spare"]);
    expect(tokens.some((t) => t.status === "failed" || t.status === "pending")).toBe(false);

    const after = await getCampaign({ ctx: f.as.marketer, campaignId: campaign.id });
    expect(after).toMatchObject({ status: "sent", counts: { sent: 4, failed: 0 } });
    const stats = await getCampaignStats({ ctx: f.as.marketer, campaignId: campaign.id });
    expect(stats.audience.recipients).toBe(0);
    expect(stats.progress).toMatchObject({ total: 4, sent: 4, remaining: 0, percent: 100 });
  });

  it("honours the segment as it is at send time, and everyone subscribed without one", async () => {
    const segment = await createSegment({ ctx: f.as.marketer, input: { name: "Platinum", definition: { match: "all", conditions: [{ kind: "attribute", op: "equals", key: "tier", value: "platinum" }] } } });
    const campaign = await createCampaign({ ctx: f.as.marketer, input: campaignInput("Platinum sale", segment.id) });
    const result = await flow.sandbox.controls.bulk.openLinkAndNotifyMe(DEMO.pageId, { count: 3, ref: campaign.ref, waitMs: 10_000 });
    await flow.sandbox.controls.webhooks.idle();
    const psids = result.tapped.map((t) => t.psid);
    await setAttributes(psids.slice(0, 2), { tier: "platinum" });
    expect((await getCampaignStats({ ctx: f.as.marketer, campaignId: campaign.id })).audience.recipients).toBe(2);
    // The segment is widened before the send: the sender claims by the new definition.
    await updateSegment({ ctx: f.as.marketer, segmentId: segment.id, input: { definition: { match: "all", conditions: [] } } });
    expect((await getCampaignStats({ ctx: f.as.marketer, campaignId: campaign.id })).audience.recipients).toBe(3);
    const sendsBefore = contentRecipients().length;
    await sendCampaignNow({ ctx: f.as.marketer, campaignId: campaign.id });
    expect(await runCampaignSend({ campaignId: campaign.id })).toMatchObject({ state: "finished", sent: 3 });
    expect(contentRecipients().length - sendsBefore).toBe(3);

    // Untargeted: the recipients are everyone subscribed.
    const open = await createCampaign({ ctx: f.as.marketer, input: campaignInput("Everyone", null) });
    await flow.sandbox.controls.bulk.openLinkAndNotifyMe(DEMO.pageId, { count: 2, ref: open.ref, waitMs: 10_000 });
    await flow.sandbox.controls.webhooks.idle();
    expect((await getCampaignStats({ ctx: f.as.marketer, campaignId: open.id })).audience).toEqual({ segmentId: null, recipients: 2 });
  });

  it("refuses another organisation's segment as a campaign's audience", async () => {
    const other = await createOrgFixture("Other");
    const theirs = await createSegment({ ctx: other.as.owner, input: { name: "Theirs", definition: { match: "all", conditions: [] } } });
    await expect(createCampaign({ ctx: f.as.marketer, input: campaignInput("Stolen", theirs.id) })).rejects.toBeInstanceOf(NotFoundError);
    const mine = await createCampaign({ ctx: f.as.marketer, input: campaignInput("Mine", null) });
    await expect(updateCampaign({ ctx: f.as.marketer, campaignId: mine.id, input: { segmentId: theirs.id } })).rejects.toBeInstanceOf(NotFoundError);
    expect((await getCampaign({ ctx: f.as.marketer, campaignId: mine.id })).segmentId).toBeNull();
  });
});
