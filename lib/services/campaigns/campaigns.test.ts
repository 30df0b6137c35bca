import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ConflictError, ValidationError } from "@/lib/errors";
import { createChannel } from "@/lib/services/channels";
import { createSkillGroup } from "@/lib/services/skill-groups";
import { expectAuditRow } from "@/tests/audit";
import { useTestDatabase } from "@/tests/db";
import { useGraphSandbox } from "@/tests/graph-sandbox";
import { createOrgFixture, type OrgFixture } from "@/tests/fixtures";
import { cancelCampaign } from "./cancel-campaign";
import { deleteCampaign } from "./delete-campaign";
import { sendCampaignNow } from "./send-campaign-now";
import { startScheduledSend } from "./start-scheduled-send";
import { getCampaign } from "./get-campaign";
import { listCampaigns } from "./list-campaigns";
import { createCampaign } from "./create-campaign";
import { updateCampaign } from "./update-campaign";
import { setCampaignEventSender } from "./emit-campaign-events";

useTestDatabase();
// Connecting a channel proves its Page through Graph /me: the sandbox holds the Page and its token.
const sandbox = useGraphSandbox();

let f: OrgFixture;
let channelId: string;
const sent: { name: string; id?: string; data: Record<string, unknown> }[] = [];

const base = () => ({
  name: "Spring sale",
  channelId,
  requestTitle: "Get notified when the sale starts",
  content: { type: "text", text: "The sale has started!" },
});
const inAnHour = () => new Date(Date.now() + 3_600_000).toISOString();

beforeAll(async () => {
  setCampaignEventSender(async (payloads) => {
    sent.push(...(payloads as typeof sent));
  });
  f = await createOrgFixture();
  const group = await createSkillGroup({ ctx: f.as.owner, input: { name: "Support" } });
  sandbox.page({ pageId: "7000000001", pageAccessToken: "tok-shop-1", appId: "70000001", appSecret: "secret-shop" });
  channelId = (
    await createChannel({ ctx: f.as.owner, input: { name: "Shop", pageId: "7000000001", pageAccessToken: "tok-shop-1", appId: "70000001", appSecret: "secret-shop", skillGroupId: group.id } })
  ).id;
});
afterAll(() => setCampaignEventSender(null));

describe("campaign services", () => {
  it("creates a draft with an unguessable ref and an m.me share link", async () => {
    const c = await createCampaign({ ctx: f.as.marketer, input: base() });
    expect(c.status).toBe("draft");
    expect(c.ref).toMatch(/^[\w-]{16}$/);
    expect(c.shareLink).toBe(`https://m.me/7000000001?ref=${c.ref}`);
    expect(c.counts).toMatchObject({ subscribers: 0, sent: 0 });
    const other = await createCampaign({ ctx: f.as.marketer, input: base() });
    expect(other.ref).not.toBe(c.ref);
  });

  it("validates every field with a clear message", async () => {
    const bad = (input: unknown) => createCampaign({ ctx: f.as.owner, input }).catch((e) => e);
    const titleErr = await bad({ ...base(), requestTitle: "x".repeat(66) });
    expect(titleErr).toBeInstanceOf(ValidationError);
    expect(titleErr.message).toBe("requestTitle: Subscription request title must be at most 65 characters.");
    expect((await bad({ ...base(), content: { type: "text", text: "x".repeat(2001) } })).message).toBe("content.text: Message text must be at most 2000 characters.");
    expect((await bad({ ...base(), content: { type: "card", title: "T", button: { title: "Go", url: "ftp://x" } } })).message).toBe(
      "content.button.url: Button URL must be a web address starting with https://.",
    );
    expect((await bad({ ...base(), scheduledAt: new Date(Date.now() - 1000).toISOString() })).message).toBe("scheduledAt: Scheduled time must be in the future.");
    expect((await bad({ ...base(), ratePerSecond: 301 })).message).toBe("ratePerSecond: Rate must be at most 300 messages per second.");
  });

  it("schedules, reschedules (cancelling the old run), and refuses edits once sending started", async () => {
    sent.length = 0;
    const at = inAnHour();
    const c = await createCampaign({ ctx: f.as.owner, input: { ...base(), scheduledAt: at } });
    expect(c).toMatchObject({ status: "scheduled", scheduledAt: new Date(at).toISOString() });
    expect(sent.map((e) => [e.name, e.data.scheduleVersion])).toEqual([["campaigns/campaign.scheduled", 1]]);

    const later = new Date(Date.now() + 7_200_000).toISOString();
    const moved = await updateCampaign({ ctx: f.as.owner, campaignId: c.id, input: { scheduledAt: later, name: "Renamed" } });
    expect(moved).toMatchObject({ name: "Renamed", status: "scheduled", scheduledAt: new Date(later).toISOString() });
    expect(sent.slice(1).map((e) => [e.name, e.data.scheduleVersion])).toEqual([
      ["campaigns/campaign.unscheduled", 2],
      ["campaigns/campaign.scheduled", 2],
    ]);

    const draft = await updateCampaign({ ctx: f.as.owner, campaignId: c.id, input: { scheduledAt: null } });
    expect(draft.status).toBe("draft");
    // No subscribers: nothing to send now.
    await expect(sendCampaignNow({ ctx: f.as.owner, campaignId: c.id })).rejects.toBeInstanceOf(ConflictError);
    await cancelCampaign({ ctx: f.as.owner, campaignId: c.id });
    await expectAuditRow(f.org, { action: "campaign.created", resourceId: c.id, actor: f.as.owner, after: { status: "scheduled" } });
    await expectAuditRow(f.org, { action: "campaign.cancelled", resourceId: c.id, actor: f.as.owner, before: { status: "draft" }, after: { status: "cancelled" } });
    await expect(updateCampaign({ ctx: f.as.owner, campaignId: c.id, input: { name: "x" } })).rejects.toBeInstanceOf(ConflictError);
    await expect(cancelCampaign({ ctx: f.as.owner, campaignId: c.id })).rejects.toBeInstanceOf(ConflictError);
  });

  it("lists newest first with channel and status filters, and deleting cancels the schedule", async () => {
    const c = await createCampaign({ ctx: f.as.owner, input: { ...base(), name: "To delete", scheduledAt: inAnHour() } });
    const all = await listCampaigns({ ctx: f.as.marketer });
    expect(all.data[0].id).toBe(c.id);
    const scheduled = await listCampaigns({ ctx: f.as.marketer, input: { status: "scheduled" } });
    expect(scheduled.data.every((x) => x.status === "scheduled")).toBe(true);
    expect((await listCampaigns({ ctx: f.as.marketer, input: { channelId: "00000000-0000-7000-8000-000000000000" } })).data).toEqual([]);
    const page1 = await listCampaigns({ ctx: f.as.marketer, input: { limit: 2 } });
    const page2 = await listCampaigns({ ctx: f.as.marketer, input: { limit: 2, cursor: page1.nextCursor! } });
    expect(page2.data.map((x) => x.id)).not.toContain(page1.data[0].id);

    sent.length = 0;
    await deleteCampaign({ ctx: f.as.owner, campaignId: c.id });
    expect(sent.map((e) => e.name)).toEqual(["campaigns/campaign.unscheduled"]);
    await expect(getCampaign({ ctx: f.as.owner, campaignId: c.id })).rejects.toThrow("Campaign not found.");
    expect((await listCampaigns({ ctx: f.as.owner })).data.map((x) => x.id)).not.toContain(c.id);
    await expectAuditRow(f.org, { action: "campaign.deleted", resourceId: c.id, actor: f.as.owner, before: { name: "To delete", status: "scheduled" } });
  });

  it("the scheduled time starting a send is recorded as the system's doing, once", async () => {
    const c = await createCampaign({ ctx: f.as.owner, input: { ...base(), name: "Starts itself", scheduledAt: inAnHour() } });
    expect(await startScheduledSend(c.id, 1)).not.toBeNull();
    // The scheduled run and the sweeper may both try: only the first starts it.
    expect(await startScheduledSend(c.id, 1)).toBeNull();
    await expectAuditRow(f.org, { action: "campaign.send_started", resourceId: c.id, actor: "system", before: { status: "scheduled" }, after: { status: "sending" } });
  });
});
