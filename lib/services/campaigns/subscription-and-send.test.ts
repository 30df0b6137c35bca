/**
 * The whole OTN path against the sandbox: share link → referral → invitation + OTN request (with
 * anti-spam) → "Notify Me" → token captured before the webhook is acknowledged → reply → send exactly once,
 * with crashes, a revoked Page token, expired tokens and blocked people.
 */
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { campaignRequests, channels, contacts, otnTokens } from "@/db/schema";
import { open } from "@/lib/crypto/secrets";
import { GraphClient } from "@/lib/graph/client";
import { newId } from "@/db/ids";
import { DEMO } from "@/sandbox/server";
import { expectAuditRow } from "@/tests/audit";
import { useTestDatabase } from "@/tests/db";
import { createOrgFixture, type OrgFixture } from "@/tests/fixtures";
import { cancelCampaign } from "./cancel-campaign";
import { resumeCampaign } from "./resume-campaign";
import { sendCampaignNow } from "./send-campaign-now";
import { getCampaignStats } from "./get-campaign-stats";
import { getSubscribersOverTime } from "./get-subscribers-over-time";
import { getCampaign } from "./get-campaign";
import { exportCampaignRecipientsCsv } from "./export-campaign-recipients-csv";
import { listCampaignRecipients } from "./list-campaign-recipients";
import { getCampaignShare } from "./get-campaign-share";
import { renderCampaignQr } from "./render-campaign-qr";
import { contentMessage } from "./messages";
import { createCampaign } from "./create-campaign";
import { claimPending } from "./sender/ledger";
import { runCampaignSend } from "./sender/send-batch";
import { startSandboxFlow, type SandboxFlow } from "@/tests/campaign-sandbox-flow";
import { setCampaignEventSender } from "./emit-campaign-events";

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

const newCampaign = (name: string, extra: Record<string, unknown> = {}) =>
  createCampaign({
    ctx: f.as.marketer,
    input: {
      name,
      channelId: flow.channelId,
      invitation: { type: "text", text: "Want to hear when the sale starts?" },
      requestTitle: "Tell me when the sale starts",
      replyText: "Thanks! We'll message you once.",
      content: { type: "text", text: `${name}: the sale has started!` },
      ...extra,
    },
  });

/** Successful Send API calls per OTN token, from the sandbox's own record. */
function okSendsByToken(): Map<string, number> {
  const counts = new Map<string, number>();
  for (const r of flow.sandbox.controls.sendLog.query({ pageId: DEMO.pageId, limit: 1_000_000 }).records) {
    if (r.ok && r.token) counts.set(r.token, (counts.get(r.token) ?? 0) + 1);
  }
  return counts;
}

async function subscribe(ref: string, count: number): Promise<{ psid: string; token: string }[]> {
  const result = await flow.sandbox.controls.bulk.openLinkAndNotifyMe(DEMO.pageId, { count, ref, waitMs: 10_000 });
  await flow.sandbox.controls.webhooks.idle();
  expect(result.missing).toEqual([]);
  return result.tapped;
}

describe("subscription flow", () => {
  it("three of four people subscribe; each gets invitation, request and reply; the token is stored sealed before the ack", async () => {
    const campaign = await newCampaign("Launch");
    expect(campaign.shareLink).toBe(`https://m.me/demopage?ref=${campaign.ref}`);
    const { users } = flow.sandbox.controls;
    const people = [0, 1, 2, 3].map(() => users.createUser(DEMO.pageId).psid);
    for (const psid of people) users.openLink(psid, campaign.ref);
    await flow.sandbox.controls.webhooks.idle();
    const tokens = people.slice(0, 3).map((psid) => users.tapNotifyMe(psid).token);
    await flow.sandbox.controls.webhooks.idle();

    const after = await getCampaign({ ctx: f.as.marketer, campaignId: campaign.id });
    expect(after.counts).toMatchObject({ linkClicks: 4, requestsSent: 4, requestsSkipped: 0, subscribers: 3 });
    const thread = flow.sandbox.state.thread(people[0]).filter((m) => m.direction === "out");
    expect(thread.map((m) => JSON.stringify(m.message))).toEqual([
      JSON.stringify({ text: "Want to hear when the sale starts?" }),
      expect.stringContaining(`"template_type":"one_time_notif_req","title":"Tell me when the sale starts","payload":"otn:${campaign.id}"`),
      JSON.stringify({ text: "Thanks! We'll message you once." }),
    ]);
    const db = await getDb();
    const rows = await db.select().from(otnTokens).where(eq(otnTokens.campaignId, campaign.id));
    expect(rows).toHaveLength(3);
    expect(rows.map((r) => open(r.tokenSealed)).sort()).toEqual([...tokens].sort());
    expect(rows.every((r) => !r.tokenSealed.includes(tokens[0]) && r.contactId !== null && r.status === "pending")).toBe(true);

    // Anti-spam: a subscriber opening the link again, and the non-subscriber within 24 h, get no new request.
    users.openLink(people[0], campaign.ref);
    users.openLink(people[3], campaign.ref);
    await flow.sandbox.controls.webhooks.idle();
    const again = await getCampaign({ ctx: f.as.marketer, campaignId: campaign.id });
    expect(again.counts).toMatchObject({ linkClicks: 6, requestsSent: 4, requestsSkipped: 2 });
    expect(flow.outcomes.slice(-2).sort()).toEqual(["skipped_already_subscribed", "skipped_cooldown"]);

    // Send now: the three subscribers get the content exactly once, the fourth nothing.
    await sendCampaignNow({ ctx: f.as.marketer, campaignId: campaign.id });
    const result = await runCampaignSend({ campaignId: campaign.id });
    expect(result).toMatchObject({ state: "finished", sent: 3, failed: 0 });
    const sends = okSendsByToken();
    for (const token of tokens) expect(sends.get(token)).toBe(1);
    const contentSends = flow.sandbox.controls.sendLog.query({ psid: people[3], limit: 100 }).records.filter((r) => r.token);
    expect(contentSends).toEqual([]);
    const done = await getCampaign({ ctx: f.as.marketer, campaignId: campaign.id });
    expect(done).toMatchObject({ status: "sent", counts: { sent: 3, failed: 0, subscribers: 3 } });
  });

  it("ignores refs of no campaign and a deleted campaign's opt-ins never reach another campaign", async () => {
    flow.sandbox.controls.users.openLink(flow.sandbox.controls.users.createUser(DEMO.pageId).psid, "not-a-campaign-ref");
    await flow.sandbox.controls.webhooks.idle();
    expect(flow.outcomes.at(-1)).toBe("not_a_campaign");
  });
});

describe("sender", () => {
  it("survives a crash after sends went out but before they were recorded: nothing twice, nothing lost", async () => {
    const campaign = await newCampaign("Crash", { replyText: null, invitation: null });
    const subscribed = await subscribe(campaign.ref, 40);
    await sendCampaignNow({ ctx: f.as.marketer, campaignId: campaign.id });
    const db = await getDb();
    // A sender claimed 25 tokens, sent 10 of them, and died before recording anything.
    const claimed = await claimPending(db, campaign.id, newId(), 25);
    const graph = new GraphClient();
    const message = contentMessage({ type: "text", text: "Crash: the sale has started!" });
    for (const token of claimed.slice(0, 10)) {
      await graph.sendMessage(DEMO.pageId, DEMO.pageAccessToken, { recipient: { one_time_notif_token: open(token.tokenSealed) }, message });
    }
    const result = await runCampaignSend({ campaignId: campaign.id, batchSize: 15 });
    expect(result.state).toBe("finished");
    const sends = okSendsByToken();
    for (const { token } of subscribed) expect(sends.get(token)).toBe(1);
    const done = await getCampaign({ ctx: f.as.marketer, campaignId: campaign.id });
    expect(done).toMatchObject({ status: "sent", counts: { sent: 40, failed: 0, subscribers: 40 } });
    await expectAuditRow(f.org, { action: "campaign.send_now", resourceId: campaign.id, actor: f.as.marketer, after: { status: "sending" } });
    // Finishing is nobody's action: the system records it, once, though two batches may both see the end.
    await expectAuditRow(f.org, { action: "campaign.finished", resourceId: campaign.id, actor: "system", before: { status: "sending" }, after: { status: "sent", sent: 40, failed: 0 } });
    const statuses = await db.select({ status: otnTokens.status }).from(otnTokens).where(eq(otnTokens.campaignId, campaign.id));
    expect(statuses.every((s) => s.status === "sent")).toBe(true);
  });

  it("sends once per person: a second “Notify Me” of the same person stays in the ledger as a spare, unused token", async () => {
    const campaign = await newCampaign("Twice", { replyText: null, invitation: null });
    const { users } = flow.sandbox.controls;
    const [twice, once, late] = [0, 1, 2].map(() => users.createUser(DEMO.pageId).psid);
    for (const psid of [twice, once, late]) users.openLink(psid, campaign.ref);
    await flow.sandbox.controls.webhooks.idle();
    const first = users.tapNotifyMe(twice);
    await flow.sandbox.controls.webhooks.idle();
    const second = users.tapNotifyMe(twice, first.mid); // the same card tapped again: Meta issues another token
    const onlyToken = users.tapNotifyMe(once);
    const lateFirst = users.tapNotifyMe(late);
    await flow.sandbox.controls.webhooks.idle();
    // Subscribers are people, not taps.
    expect((await getCampaign({ ctx: f.as.marketer, campaignId: campaign.id })).counts.subscribers).toBe(3);
    expect((await getSubscribersOverTime({ ctx: f.as.marketer, campaignId: campaign.id, input: { bucket: "hour" } })).points.at(-1)).toMatchObject({ cumulative: 3 });

    await sendCampaignNow({ ctx: f.as.marketer, campaignId: campaign.id });
    const db = await getDb();
    // A sender claims the late person's token and dies; meanwhile that person taps again.
    const lateRow = (await db.select().from(otnTokens).where(and(eq(otnTokens.campaignId, campaign.id), eq(otnTokens.psid, late))))[0];
    await db.update(otnTokens).set({ status: "sending", claimId: newId(), claimedAt: new Date() }).where(eq(otnTokens.id, lateRow.id));
    const lateSecond = users.tapNotifyMe(late, lateFirst.mid);
    await flow.sandbox.controls.webhooks.idle();

    const result = await runCampaignSend({ campaignId: campaign.id });
    expect(result).toMatchObject({ state: "finished", sent: 3, failed: 0 });
    const sends = okSendsByToken();
    // The newest token of a person carries the campaign; the other is never used.
    expect(sends.get(second.token)).toBe(1);
    expect(sends.get(first.token)).toBeUndefined();
    expect(sends.get(onlyToken.token)).toBe(1);
    expect(sends.get(lateFirst.token)).toBe(1);
    expect(sends.get(lateSecond.token)).toBeUndefined();
    const contentTo = (psid: string) => flow.sandbox.controls.sendLog.query({ psid, limit: 100 }).records.filter((r) => r.ok && r.token);
    expect(contentTo(twice)).toHaveLength(1);
    expect(contentTo(late)).toHaveLength(1);

    const rows = await db.select({ psid: otnTokens.psid, status: otnTokens.status, tokenSealed: otnTokens.tokenSealed }).from(otnTokens).where(eq(otnTokens.campaignId, campaign.id));
    const statusOf = (token: string) => rows.find((r) => open(r.tokenSealed) === token)?.status;
    expect([statusOf(first.token), statusOf(second.token), statusOf(lateFirst.token), statusOf(lateSecond.token)]).toEqual(["spare", "sent", "sent", "spare"]);
    const done = await getCampaign({ ctx: f.as.marketer, campaignId: campaign.id });
    expect(done).toMatchObject({ status: "sent", counts: { subscribers: 3, sent: 3, failed: 0 } });
    const stats = await getCampaignStats({ ctx: f.as.marketer, campaignId: campaign.id });
    expect(stats.progress).toMatchObject({ total: 3, sent: 3, remaining: 0, percent: 100 });
    const spares = await listCampaignRecipients({ ctx: f.as.marketer, campaignId: campaign.id, input: { status: "spare" } });
    expect(spares.data.map((r) => r.psid).sort()).toEqual([twice, late].sort());
  });

  it("marks blocked people failed with Meta's reason and year-old tokens expired", async () => {
    const campaign = await newCampaign("Failures", { replyText: null });
    const subscribed = await subscribe(campaign.ref, 5);
    flow.sandbox.controls.users.setBlocked(subscribed[0].psid, true);
    const db = await getDb();
    await db
      .update(otnTokens)
      .set({ optedInAt: new Date(Date.now() - 366 * 86_400_000) })
      .where(and(eq(otnTokens.campaignId, campaign.id), eq(otnTokens.psid, subscribed[1].psid)));
    await sendCampaignNow({ ctx: f.as.marketer, campaignId: campaign.id });
    const result = await runCampaignSend({ campaignId: campaign.id });
    expect(result).toMatchObject({ state: "finished", sent: 3, failed: 1, expired: 1 });
    const [blocked] = await db.select().from(otnTokens).where(and(eq(otnTokens.campaignId, campaign.id), eq(otnTokens.psid, subscribed[0].psid)));
    expect(blocked).toMatchObject({ status: "failed", failureCode: 551 });
    expect(okSendsByToken().get(subscribed[1].token)).toBeUndefined();
    expect((await getCampaign({ ctx: f.as.marketer, campaignId: campaign.id })).status).toBe("sent_with_failures");
  });

  it("pauses on a revoked Page token, flags the channel, and resumes once reconnected", async () => {
    const campaign = await newCampaign("Revoked", { replyText: null });
    const subscribed = await subscribe(campaign.ref, 6);
    await sendCampaignNow({ ctx: f.as.marketer, campaignId: campaign.id });
    flow.sandbox.state.pages.get(DEMO.pageId)!.tokenRevoked = true;
    const paused = await runCampaignSend({ campaignId: campaign.id });
    expect(paused).toMatchObject({ state: "paused", sent: 0, released: 6 });
    const c = await getCampaign({ ctx: f.as.marketer, campaignId: campaign.id });
    expect(c.status).toBe("paused");
    expect(c.pauseReason).toMatch(/^\(#190/);
    const db = await getDb();
    const [channel] = await db.select().from(channels).where(eq(channels.id, flow.channelId));
    expect(channel.reconnectReason).toMatch(/190/);
    await expect(resumeCampaign({ ctx: f.as.marketer, campaignId: campaign.id })).rejects.toThrow("Reconnect the channel first");
    await expectAuditRow(f.org, { action: "campaign.paused", resourceId: campaign.id, actor: "system", before: { status: "sending" }, after: { status: "paused", pauseReason: c.pauseReason } });
    await expectAuditRow(f.org, { action: "channel.reconnect_needed", resourceId: flow.channelId, actor: "system", after: { reconnectReason: channel.reconnectReason } });

    flow.sandbox.state.pages.get(DEMO.pageId)!.tokenRevoked = false;
    await db.update(channels).set({ reconnectReason: null }).where(eq(channels.id, flow.channelId));
    await resumeCampaign({ ctx: f.as.marketer, campaignId: campaign.id });
    expect(await runCampaignSend({ campaignId: campaign.id })).toMatchObject({ state: "finished", sent: 6 });
    await expectAuditRow(f.org, { action: "campaign.resumed", resourceId: campaign.id, actor: f.as.marketer, after: { status: "sending" } });
    await expectAuditRow(f.org, { action: "campaign.finished", resourceId: campaign.id, actor: "system", after: { status: "sent", sent: 6 } });
    const sends = okSendsByToken();
    for (const { token } of subscribed) expect(sends.get(token)).toBe(1);
  });
});

describe("after the send", () => {
  const repliesTo = (psid: string) => flow.sandbox.state.thread(psid).filter((m) => m.direction === "out").map((m) => JSON.stringify(m.message));

  it("answers someone who opens the link of a sent campaign with its after-send reply, at most once an hour", async () => {
    const campaign = await newCampaign("Ended", { replyText: null, invitation: null, afterSendReply: "Sorry, the sale is over. See you next time!" });
    const [subscriber] = await subscribe(campaign.ref, 1);
    await sendCampaignNow({ ctx: f.as.marketer, campaignId: campaign.id });
    expect(await runCampaignSend({ campaignId: campaign.id })).toMatchObject({ state: "finished", sent: 1 });
    const { users } = flow.sandbox.controls;
    const before = repliesTo(subscriber.psid).length;

    users.openLink(subscriber.psid, campaign.ref);
    await flow.sandbox.controls.webhooks.idle();
    expect(flow.outcomes.at(-1)).toBe("after_send_replied");
    expect(repliesTo(subscriber.psid).slice(before)).toEqual([JSON.stringify({ text: "Sorry, the sale is over. See you next time!" })]);
    // An ordinary reply inside the window the referral opened: no tag, no OTN token.
    const [reply] = flow.sandbox.controls.sendLog.query({ psid: subscriber.psid, kind: "text" }).records.slice(-1);
    expect(reply).toMatchObject({ ok: true, messagingType: "RESPONSE", tag: null, token: null });

    // Opening it again within the hour: counted, not answered again.
    users.openLink(subscriber.psid, campaign.ref);
    await flow.sandbox.controls.webhooks.idle();
    expect(flow.outcomes.at(-1)).toBe("campaign_closed");
    expect(repliesTo(subscriber.psid).length).toBe(before + 1);
    expect((await getCampaign({ ctx: f.as.marketer, campaignId: campaign.id })).counts.linkClicks).toBe(3);

    // An hour later it is answered again.
    const db = await getDb();
    await db
      .update(campaignRequests)
      .set({ afterSendReplyAt: new Date(Date.now() - 61 * 60_000) })
      .where(and(eq(campaignRequests.campaignId, campaign.id), eq(campaignRequests.psid, subscriber.psid)));
    users.openLink(subscriber.psid, campaign.ref);
    await flow.sandbox.controls.webhooks.idle();
    expect(flow.outcomes.at(-1)).toBe("after_send_replied");
    expect(repliesTo(subscriber.psid).length).toBe(before + 2);
  });

  it("without a text of its own, replies in the person's language; a cancelled campaign and an old “Notify Me” are answered too", async () => {
    const campaign = await newCampaign("Ended default", { replyText: null, invitation: null });
    expect(campaign.afterSendReply).toBeNull();
    const { users } = flow.sandbox.controls;
    const [english, chinese, lateTapper] = [0, 1, 2].map(() => users.createUser(DEMO.pageId).psid);
    users.openLink(lateTapper, campaign.ref);
    await flow.sandbox.controls.webhooks.idle();
    await cancelCampaign({ ctx: f.as.marketer, campaignId: campaign.id });

    users.openLink(english, campaign.ref);
    users.openLink(chinese, campaign.ref);
    await flow.sandbox.controls.webhooks.idle();
    const db = await getDb();
    await db.update(contacts).set({ locale: "zh_CN" }).where(and(eq(contacts.channelId, flow.channelId), eq(contacts.psid, chinese)));
    await db.update(campaignRequests).set({ afterSendReplyAt: null }).where(eq(campaignRequests.campaignId, campaign.id));
    users.openLink(chinese, campaign.ref);
    await flow.sandbox.controls.webhooks.idle();
    expect(repliesTo(english).at(-1)).toBe(JSON.stringify({ text: "Thanks for your interest! This campaign has already ended, so there is nothing to sign up for any more." }));
    expect(repliesTo(chinese).at(-1)).toBe(JSON.stringify({ text: "感谢关注！此活动已经结束，无需再订阅。" }));

    // The request card received before the cancel, tapped afterwards: told it has ended, not "we'll message you".
    users.tapNotifyMe(lateTapper);
    await flow.sandbox.controls.webhooks.idle();
    expect(flow.outcomes.at(-1)).toBe("after_send_replied");
    expect(repliesTo(lateTapper).at(-1)).toContain("already ended");
  });
});

describe("campaign page data", () => {
  it("funnel with delivered and read from receipts, subscribers over time, failures by reason, recipient log and CSV, QR codes", async () => {
    const campaign = await newCampaign("Stats", { replyText: null });
    const subscribed = await subscribe(campaign.ref, 4);
    const db = await getDb();
    await db.update(contacts).set({ firstName: "Ada", lastName: "Lovelace" }).where(eq(contacts.psid, subscribed[0].psid));
    flow.sandbox.controls.users.setBlocked(subscribed[3].psid, true);
    await sendCampaignNow({ ctx: f.as.marketer, campaignId: campaign.id });
    await runCampaignSend({ campaignId: campaign.id });
    flow.sandbox.controls.users.setBlocked(subscribed[3].psid, false);
    flow.sandbox.controls.users.deliver(subscribed[0].psid);
    flow.sandbox.controls.users.deliver(subscribed[1].psid);
    flow.sandbox.controls.users.read(subscribed[0].psid);
    await flow.sandbox.controls.webhooks.idle();

    const stats = await getCampaignStats({ ctx: f.as.marketer, campaignId: campaign.id });
    expect(stats.funnel).toMatchObject({ linkClicks: 4, requestsSent: 4, subscribers: 4, sent: 3, delivered: 2, read: 1 });
    expect(stats.progress).toMatchObject({ total: 4, sent: 3, failed: 1, remaining: 0, percent: 100, secondsLeft: null });
    expect(stats.failuresByReason).toEqual([{ code: 551, reason: expect.stringContaining("(#551"), count: 1 }]);

    const overTime = await getSubscribersOverTime({ ctx: f.as.marketer, campaignId: campaign.id, input: { bucket: "hour" } });
    expect(overTime.points.at(-1)).toMatchObject({ cumulative: 4 });
    expect(overTime.points[0].at).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:00:00\.000Z$/);

    const found = await listCampaignRecipients({ ctx: f.as.marketer, campaignId: campaign.id, input: { search: "lovel" } });
    expect(found.data).toEqual([expect.objectContaining({ psid: subscribed[0].psid, name: "Ada Lovelace", status: "sent" })]);
    const page1 = await listCampaignRecipients({ ctx: f.as.marketer, campaignId: campaign.id, input: { limit: 3 } });
    const page2 = await listCampaignRecipients({ ctx: f.as.marketer, campaignId: campaign.id, input: { limit: 3, cursor: page1.nextCursor! } });
    expect([...page1.data, ...page2.data]).toHaveLength(4);
    const csv = await exportCampaignRecipientsCsv({ ctx: f.as.marketer, campaignId: campaign.id });
    const lines = csv.trim().split("\r\n");
    expect(lines[0]).toBe("psid,name,status,opted_in_at,sent_at,delivered,read,failure_code,failure_reason,message_id,failure_explanation");
    expect(csv).toContain(",This person has blocked the Page or deleted their account.\r\n");
    expect(lines).toHaveLength(5);
    expect(csv).toContain("Ada Lovelace,sent");
    // delivered and read per recipient, as the funnel counts them: read, delivered only, sent only, not sent.
    const receiptOf = (psid: string) => lines.find((l) => l.startsWith(`${psid},`))!.split(",").slice(5, 7);
    expect(receiptOf(subscribed[0].psid)).toEqual(["true", "true"]);
    expect(receiptOf(subscribed[1].psid)).toEqual(["true", "false"]);
    expect(receiptOf(subscribed[2].psid)).toEqual(["false", "false"]);
    expect(receiptOf(subscribed[3].psid)).toEqual(["", ""]);

    const share = await getCampaignShare({ ctx: f.as.marketer, campaignId: campaign.id });
    expect(share.link).toBe(`https://m.me/demopage?ref=${campaign.ref}`);
    expect(String(await renderCampaignQr({ ctx: f.as.marketer, campaignId: campaign.id, format: "svg" }))).toMatch(/^<svg[^>]*>/);
    const png = (await renderCampaignQr({ ctx: f.as.marketer, campaignId: campaign.id, format: "png" })) as Buffer;
    expect(png.subarray(1, 4).toString()).toBe("PNG");
  });
});
