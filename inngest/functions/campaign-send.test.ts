import { InngestTestEngine } from "@inngest/test";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { campaigns, channels } from "@/db/schema";
import { useTestDatabase } from "@/tests/db";
import { createOrgFixture } from "@/tests/fixtures";
import { campaignSchedule, campaignSend } from "./campaign-send";

useTestDatabase();

async function scheduledCampaignOf(orgId: string, pageId: string) {
  const db = await getDb();
  // Written directly: the function is what is under test, not the verbs that schedule.
  const [channel] = await db
    .insert(channels)
    .values({ orgId, name: "Shop", pageId, appId: "82000001", pageAccessTokenSealed: "x", appSecretSealed: "x", verifyTokenSealed: "x" })
    .returning();
  const [campaign] = await db
    .insert(campaigns)
    .values({ orgId, channelId: channel.id, name: "Launch", status: "scheduled", ref: `ref${pageId}`, requestTitle: "Tell me", content: { type: "text", text: "Hi" }, scheduledAt: new Date(Date.now() - 60_000), scheduleVersion: 1 })
    .returning();
  return campaign;
}

const scheduledEvent = (orgId: string, campaign: typeof campaigns.$inferSelect) => ({
  name: "campaigns/campaign.scheduled",
  data: { orgId, campaignId: campaign.id, channelId: campaign.channelId, scheduleVersion: 1, sendAt: campaign.scheduledAt!.toISOString() },
});

async function statusOf(campaignId: string) {
  const db = await getDb();
  const [row] = await db.select({ status: campaigns.status }).from(campaigns).where(eq(campaigns.id, campaignId));
  return row.status;
}

describe("campaign-schedule re-checks the event's organisation", () => {
  it("does nothing for an event naming another organisation's campaign: the run ends, the campaign stays scheduled", async () => {
    const mine = await createOrgFixture("Mine");
    const theirs = await createOrgFixture("Theirs");
    const campaign = await scheduledCampaignOf(theirs.org.id, "8200000000000001");

    const t = new InngestTestEngine({
      function: campaignSchedule,
      events: [scheduledEvent(mine.org.id, campaign)],
      steps: [{ id: "wait-for-send-time", handler() {} }, { id: "hand-to-sender", handler() {} }],
    });
    const { error, ctx } = await t.execute();
    // Serialised as the engine records it: failed for good, no retries.
    expect(error).toMatchObject({ name: "NonRetriableError", message: expect.stringContaining("campaign not in the event's organization") });
    expect(ctx.step.sleepUntil).not.toHaveBeenCalled();
    expect(ctx.step.sendEvent).not.toHaveBeenCalled();
    expect(await statusOf(campaign.id)).toBe("scheduled");
  });

  it("starts the send when the event's organisation owns the campaign", async () => {
    const f = await createOrgFixture("Owner");
    const campaign = await scheduledCampaignOf(f.org.id, "8200000000000002");

    const t = new InngestTestEngine({
      function: campaignSchedule,
      events: [scheduledEvent(f.org.id, campaign)],
      steps: [{ id: "wait-for-send-time", handler() {} }, { id: "hand-to-sender", handler() {} }],
    });
    const { result } = await t.execute();
    expect(result).toEqual({ started: true });
    expect(await statusOf(campaign.id)).toBe("sending");
  });
});

describe("campaign-send with deliveries due later (recurring, marketing)", () => {
  it("sleeps until the next delivery is due, then sends on in the same run", async () => {
    const f = await createOrgFixture("Waiting");
    const campaign = await scheduledCampaignOf(f.org.id, "8200000000000009");
    const nextDueAt = new Date(Date.now() + 3_600_000).toISOString();
    const t = new InngestTestEngine({
      function: campaignSend,
      events: [{ name: "campaigns/campaign.send-started", data: { orgId: f.org.id, campaignId: campaign.id, channelId: campaign.channelId, scheduleVersion: 1 } }],
      steps: [
        { id: "send-batch-0", handler: () => ({ state: "waiting", claimed: 0, sent: 0, failed: 0, expired: 0, released: 0, nextDueAt }) },
        { id: "wait-for-due-0", handler() {} },
        { id: "send-batch-1", handler: () => ({ state: "finished", claimed: 2, sent: 2, failed: 0, expired: 0, released: 0 }) },
      ],
    });
    const { result, ctx } = await t.execute();
    expect(ctx.step.sleepUntil).toHaveBeenCalledWith("wait-for-due-0", nextDueAt);
    expect(result).toMatchObject({ state: "finished", batches: 2, sent: 2 });
  });
});
