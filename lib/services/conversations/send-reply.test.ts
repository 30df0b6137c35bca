/**
 * Replying to a Messenger user from the dashboard or the API, against the sandbox through the real webhook
 * path: the rule Meta's windows allow is the rule used, a refused reply never reaches Meta, and our own
 * reply is never shown twice when its echo comes back.
 */
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { channels, contacts, conversations, messages } from "@/db/schema";
import { GraphClient } from "@/lib/graph/client";
import { buildContext } from "@/lib/tenancy/context";
import { startSandboxFlow, type SandboxFlow } from "@/tests/campaign-sandbox-flow";
import { useTestDatabase } from "@/tests/db";
import { createOrgFixture, type OrgFixture } from "@/tests/fixtures";
import { DEMO } from "@/sandbox/server";
import { retryReply, sendReply } from "./send-reply";

useTestDatabase();

const HOUR = 3_600_000;
let f: OrgFixture;
let flow: SandboxFlow;

beforeAll(async () => {
  f = await createOrgFixture();
  flow = await startSandboxFlow(f.as.owner);
  // Echoes of what the Page sends come back through the webhook, as on a real Page with message_echoes on.
  await new GraphClient().subscribeApp(DEMO.pageId, DEMO.pageAccessToken, ["messages", "message_echoes", "message_deliveries", "message_reads", "messaging_postbacks", "messaging_optins", "messaging_referrals"]);
});
afterAll(() => flow.close());

/** A new person who last wrote `ago` ms before now (the sandbox's clock goes back for their message). */
async function personWhoWrote(ago: number): Promise<{ psid: string; conversationId: string }> {
  const { users, clock, webhooks } = flow.sandbox.controls;
  const user = users.createUser(DEMO.pageId, { firstName: "Mei" });
  clock.advance(-ago);
  users.sendText(user.psid, "Is my order on its way?");
  clock.advance(ago);
  await webhooks.idle();
  const db = await getDb();
  const [row] = await db
    .select({ id: conversations.id })
    .from(conversations)
    .innerJoin(contacts, eq(contacts.id, conversations.contactId))
    .where(eq(contacts.psid, user.psid));
  return { psid: user.psid, conversationId: row.id };
}
const callsTo = (psid: string) => flow.sandbox.controls.sendLog.query({ psid }).records.filter((r) => r.kind !== "unknown");
const rowsOf = async (conversationId: string) =>
  (await getDb()).select().from(messages).where(and(eq(messages.conversationId, conversationId), eq(messages.direction, "outbound")));
async function setHumanAgent(enabled: boolean) {
  await (await getDb()).update(channels).set({ humanAgentEnabled: enabled }).where(eq(channels.id, flow.channelId));
}

describe("replying within Meta's windows", () => {
  it("within 24 hours: sends RESPONSE, stores Meta's mid, and the echo does not add a second message", async () => {
    const { psid, conversationId } = await personWhoWrote(HOUR);
    const reply = await sendReply({ ctx: f.as.owner, conversationId, input: { text: "Yes, it ships today 📦" } });
    expect(reply).toMatchObject({ sendStatus: "sent", messagingType: "RESPONSE", tag: null, text: "Yes, it ships today 📦" });
    expect(reply.mid).toMatch(/^m_/);
    const [call] = callsTo(psid);
    expect(call).toMatchObject({ ok: true, messagingType: "RESPONSE", tag: null, messageId: reply.mid });

    await flow.sandbox.controls.webhooks.idle();
    const rows = await rowsOf(conversationId);
    expect(rows.map((r) => [r.mid, r.sendStatus, r.source, r.text])).toEqual([[reply.mid, "sent", "app", "Yes, it ships today 📦"]]);
    expect(rows[0]!.sentByMembershipId).toBe(f.as.owner.membershipId);
    // The inbox lists the conversation with the reply as its last message.
    const [listed] = await (await getDb()).select().from(conversations).where(eq(conversations.id, conversationId));
    expect(listed).toMatchObject({ lastMessagePreview: "Yes, it ships today 📦", lastMessageKind: "text" });
    expect(listed!.lastMessageAt!.getTime()).toBe(reply.timestamp);
  });

  it("a reply does not take the last message's place from what the person wrote after it was stored", async () => {
    const { conversationId } = await personWhoWrote(HOUR);
    const db = await getDb();
    // The person's next message is stored (by webhook processing) with a later time than the reply's.
    const later = new Date(Date.now() + 60_000);
    await db.update(conversations).set({ lastMessageAt: later, lastMessagePreview: "Thanks!", lastMessageKind: "text" }).where(eq(conversations.id, conversationId));
    const reply = await sendReply({ ctx: f.as.owner, conversationId, input: { text: "You're welcome" } });
    expect(reply.sendStatus).toBe("sent");
    const [listed] = await db.select().from(conversations).where(eq(conversations.id, conversationId));
    expect(listed).toMatchObject({ lastMessagePreview: "Thanks!" });
    expect(listed!.lastMessageAt!.getTime()).toBe(later.getTime());
  });

  it("from 24 hours to 7 days: HUMAN_AGENT when the channel has the permission; refused with the rule and no call to Meta when not", async () => {
    const { psid, conversationId } = await personWhoWrote(25 * HOUR);
    await setHumanAgent(false);
    await expect(sendReply({ ctx: f.as.owner, conversationId, input: { text: "Sorry for the wait" } })).rejects.toMatchObject({
      status: 409,
      messageKey: "conversations.reply.refused.noHumanAgentPermission",
    });
    expect(callsTo(psid)).toHaveLength(0);
    expect(await rowsOf(conversationId)).toHaveLength(0);

    await setHumanAgent(true);
    const reply = await sendReply({ ctx: f.as.owner, conversationId, input: { text: "Sorry for the wait" } });
    expect(reply).toMatchObject({ sendStatus: "sent", messagingType: "MESSAGE_TAG", tag: "HUMAN_AGENT" });
    expect(callsTo(psid)).toEqual([expect.objectContaining({ ok: true, messagingType: "MESSAGE_TAG", tag: "HUMAN_AGENT" })]);
  });

  it("an integration (API key) is not a person: after 24 hours it may not use HUMAN_AGENT", async () => {
    const { psid, conversationId } = await personWhoWrote(30 * HOUR);
    await setHumanAgent(true);
    const apiKey = buildContext({ org: f.org, actor: { type: "api_key", id: "key", label: "CRM", onBehalfOf: f.users.admin.id }, role: "admin", membershipId: null });
    await expect(sendReply({ ctx: apiKey, conversationId, input: { text: "Automated follow-up" } })).rejects.toMatchObject({ status: 409, messageKey: "conversations.reply.refused.notAPerson" });
    expect(callsTo(psid)).toHaveLength(0);
  });

  it("after 7 days nothing may be sent: 409 with the rule and no call to Meta", async () => {
    const { psid, conversationId } = await personWhoWrote(8 * 24 * HOUR);
    await setHumanAgent(true);
    await expect(sendReply({ ctx: f.as.owner, conversationId, input: { text: "Still there?" } })).rejects.toMatchObject({ status: 409, messageKey: "conversations.reply.refused.expired" });
    expect(callsTo(psid)).toHaveLength(0);
  });

  it("a reply Meta refuses is kept as failed with Meta's code and reason, and a retry sends it", async () => {
    const { psid, conversationId } = await personWhoWrote(HOUR);
    flow.sandbox.controls.users.setBlocked(psid, true);
    const failed = await sendReply({ ctx: f.as.owner, conversationId, input: { text: "Your refund is on its way" } });
    expect(failed).toMatchObject({ sendStatus: "failed", failureCode: 551, mid: null });
    expect(failed.failureReason).toMatch(/^\(#551\/1545041\)/);

    flow.sandbox.controls.users.setBlocked(psid, false);
    const sent = await retryReply({ ctx: f.as.owner, messageId: failed.id });
    expect(sent).toMatchObject({ id: failed.id, sendStatus: "sent", failureCode: null, failureReason: null });
    await expect(retryReply({ ctx: f.as.owner, messageId: failed.id })).rejects.toMatchObject({ status: 409, messageKey: "conversations.reply.notFailed" });
    await flow.sandbox.controls.webhooks.idle();
    expect((await rowsOf(conversationId)).map((r) => r.sendStatus)).toEqual(["sent"]);
    expect(callsTo(psid).map((c) => c.ok)).toEqual([false, true]);
  });

  it("an agent outside the channel's skill group, or another organisation, gets 404; empty text a field error", async () => {
    const { conversationId } = await personWhoWrote(HOUR);
    await expect(sendReply({ ctx: f.as.agent, conversationId, input: { text: "hi" } })).rejects.toMatchObject({ status: 404 });
    const other = await createOrgFixture();
    await expect(sendReply({ ctx: other.as.owner, conversationId, input: { text: "hi" } })).rejects.toMatchObject({ status: 404 });
    await expect(sendReply({ ctx: f.as.owner, conversationId, input: { text: "   " } })).rejects.toMatchObject({ status: 422 });
  });
});
