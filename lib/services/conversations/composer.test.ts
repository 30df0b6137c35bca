/**
 * The composer's server side against the sandbox through the real webhook path: Meta's windows at their
 * edges, quick replies and files (uploaded once per channel and file), sender actions, Meta's refusals in
 * words, and Conversation Routing (standby and handovers lock the composer; take and pass control).
 */
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { channels, contacts, conversationActivities, conversations, messages } from "@/db/schema";
import { GraphClient } from "@/lib/graph/client";
import { startSandboxFlow, type SandboxFlow } from "@/tests/campaign-sandbox-flow";
import { expectAuditRow } from "@/tests/audit";
import { useTestDatabase } from "@/tests/db";
import { createOrgFixture, type OrgFixture } from "@/tests/fixtures";
import { DEMO } from "@/sandbox/server";
import { PAGE_INBOX_APP_ID, sendFailureKey } from "./constants";
import { getConversation } from "./get-conversation";
import { sendReply, retryReply } from "./send-reply";
import { sendSenderAction } from "./send-sender-action";
import { changeThreadControl } from "./thread-control";
import { uploadAttachment } from "./upload-attachment";

useTestDatabase();

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
let f: OrgFixture;
let flow: SandboxFlow;

beforeAll(async () => {
  f = await createOrgFixture();
  flow = await startSandboxFlow(f.as.owner);
  await new GraphClient().subscribeApp(DEMO.pageId, DEMO.pageAccessToken, [
    "messages",
    "message_echoes",
    "message_deliveries",
    "message_reads",
    "messaging_postbacks",
    "messaging_optins",
    "messaging_referrals",
    "messaging_handovers",
    "standby",
  ]);
});
afterAll(() => flow.close());

async function control<T = unknown>(method: string, path: string, body?: unknown): Promise<T> {
  const res = await fetch(`${flow.sandbox.url}/_sandbox/api${path}`, { method, headers: { "content-type": "application/json" }, body: body === undefined ? undefined : JSON.stringify(body) });
  if (!res.ok) throw new Error(`sandbox ${method} ${path}: ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

/** A new person who last wrote `ago` ms before now (the sandbox's clock goes back for their message). */
async function personWhoWrote(ago: number): Promise<{ psid: string; conversationId: string }> {
  const { users, clock, webhooks } = flow.sandbox.controls;
  const user = users.createUser(DEMO.pageId, { firstName: "Lin" });
  clock.advance(-ago);
  users.sendText(user.psid, "Hello, a question about my order");
  clock.advance(ago);
  await webhooks.idle();
  const [row] = await (await getDb())
    .select({ id: conversations.id })
    .from(conversations)
    .innerJoin(contacts, eq(contacts.id, conversations.contactId))
    .where(eq(contacts.psid, user.psid));
  return { psid: user.psid, conversationId: row.id };
}
const callsTo = (psid: string) => flow.sandbox.controls.sendLog.query({ psid }).records.filter((r) => r.kind !== "unknown");
async function setHumanAgent(enabled: boolean) {
  await (await getDb()).update(channels).set({ humanAgentEnabled: enabled }).where(eq(channels.id, flow.channelId));
}
const outbound = async (conversationId: string) =>
  (await getDb()).select().from(messages).where(and(eq(messages.conversationId, conversationId), eq(messages.direction, "outbound")));

describe("Meta's windows at their edges", () => {
  it("23 h 59 after the person's message: RESPONSE", async () => {
    const { psid, conversationId } = await personWhoWrote(23 * HOUR + 59 * MINUTE);
    const reply = await sendReply({ ctx: f.as.owner, conversationId, input: { text: "Still within the day" } });
    expect(reply).toMatchObject({ sendStatus: "sent", messagingType: "RESPONSE", tag: null });
    expect(callsTo(psid)).toEqual([expect.objectContaining({ ok: true, messagingType: "RESPONSE", tag: null })]);
  });

  it("24 h 01: HUMAN_AGENT with the channel's permission; without it 409 with the rule and no call to Meta", async () => {
    const { psid, conversationId } = await personWhoWrote(24 * HOUR + MINUTE);
    await setHumanAgent(false);
    await expect(sendReply({ ctx: f.as.owner, conversationId, input: { text: "Sorry for the wait" } })).rejects.toMatchObject({
      status: 409,
      messageKey: "conversations.reply.refused.noHumanAgentPermission",
    });
    expect(flow.sandbox.controls.sendLog.query({ psid }).records).toHaveLength(0);
    // The composer states the same rule, and the API the same sentence.
    expect((await getConversation({ ctx: f.as.owner, conversationId })).reply).toMatchObject({ humanAgentEnabled: false, threadOwnerAppId: null, channelUsable: true });

    await setHumanAgent(true);
    const reply = await sendReply({ ctx: f.as.owner, conversationId, input: { text: "Sorry for the wait" } });
    expect(reply).toMatchObject({ sendStatus: "sent", messagingType: "MESSAGE_TAG", tag: "HUMAN_AGENT" });
    expect(callsTo(psid)).toEqual([expect.objectContaining({ ok: true, messagingType: "MESSAGE_TAG", tag: "HUMAN_AGENT" })]);
  });

  it("6 d 23 h: still HUMAN_AGENT; 7 d 01 h: 409 and no call to Meta", async () => {
    await setHumanAgent(true);
    const late = await personWhoWrote(6 * DAY + 23 * HOUR);
    expect(await sendReply({ ctx: f.as.owner, conversationId: late.conversationId, input: { text: "Here is the update" } })).toMatchObject({ sendStatus: "sent", tag: "HUMAN_AGENT" });

    const gone = await personWhoWrote(7 * DAY + HOUR);
    await expect(sendReply({ ctx: f.as.owner, conversationId: gone.conversationId, input: { text: "Hello?" } })).rejects.toMatchObject({ status: 409, messageKey: "conversations.reply.refused.expired" });
    expect(flow.sandbox.controls.sendLog.query({ psid: gone.psid }).records).toHaveLength(0);
  });
});

describe("quick replies and files", () => {
  it("sends up to 13 quick replies in Meta's form, and refuses a 14th or a title over 20 characters", async () => {
    const { psid, conversationId } = await personWhoWrote(HOUR);
    const reply = await sendReply({ ctx: f.as.owner, conversationId, input: { text: "How can we help?", quickReplies: [{ title: "Track my order", payload: "TRACK" }, { title: "Refund" }] } });
    expect(reply.quickReplies).toEqual([{ title: "Track my order", payload: "TRACK" }, { title: "Refund", payload: "Refund" }]);
    const [call] = callsTo(psid);
    expect(call.message).toMatchObject({ text: "How can we help?", quick_replies: [{ content_type: "text", title: "Track my order", payload: "TRACK" }, { content_type: "text", title: "Refund", payload: "Refund" }] });
    // The person taps one: it comes back as their message with the payload.
    flow.sandbox.controls.users.tapQuickReply(psid, { payload: "TRACK" });
    await flow.sandbox.controls.webhooks.idle();
    const detail = await getConversation({ ctx: f.as.owner, conversationId });
    expect(detail.messages.find((m) => m.id === reply.id)?.quickReplyTitles).toEqual(["Track my order", "Refund"]);
    expect(detail.messages.at(-1)).toMatchObject({ direction: "inbound", quickReplyPayload: "TRACK" });

    const many = Array.from({ length: 14 }, (_, i) => ({ title: `Option ${i + 1}` }));
    await expect(sendReply({ ctx: f.as.owner, conversationId, input: { text: "Pick one", quickReplies: many } })).rejects.toMatchObject({ status: 422 });
    await expect(sendReply({ ctx: f.as.owner, conversationId, input: { text: "Pick one", quickReplies: [{ title: "x".repeat(21) }] } })).rejects.toMatchObject({ status: 422 });
    expect(callsTo(psid)).toHaveLength(1);
  });

  it("uploads a file once per channel: the second send of the same file makes no upload call, and the echo is not shown twice", async () => {
    const { psid, conversationId } = await personWhoWrote(HOUR);
    const png = Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==", "base64");
    const file = { name: "receipt.png", contentType: "image/png", data: new Uint8Array(png) };
    const uploadsBefore = flow.sandbox.state.attachments.size;
    const first = await uploadAttachment({ ctx: f.as.owner, conversationId, file });
    expect(first).toMatchObject({ type: "image", fileName: "receipt.png", reused: false });
    expect(flow.sandbox.state.attachments.size).toBe(uploadsBefore + 1);
    const sent = await sendReply({ ctx: f.as.owner, conversationId, input: { attachment: { uploadId: first.id } } });
    expect(sent).toMatchObject({ sendStatus: "sent", attachment: { type: "image", fileName: "receipt.png" } });

    const other = await personWhoWrote(HOUR);
    const again = await uploadAttachment({ ctx: f.as.owner, conversationId: other.conversationId, file: { ...file, name: "same-bytes.png" } });
    expect(again).toMatchObject({ id: first.id, reused: true });
    expect(flow.sandbox.state.attachments.size).toBe(uploadsBefore + 1);
    await sendReply({ ctx: f.as.owner, conversationId: other.conversationId, input: { attachment: { uploadId: again.id } } });
    const calls = [...callsTo(psid), ...callsTo(other.psid)];
    expect(calls.map((c) => [c.ok, c.kind])).toEqual([
      [true, "attachment:image"],
      [true, "attachment:image"],
    ]);

    await flow.sandbox.controls.webhooks.idle();
    expect((await outbound(conversationId)).map((m) => [m.source, m.kind, m.sendStatus])).toEqual([["app", "attachments", "sent"]]);
  });

  it("refuses a file replies may not carry, too large, or not what it says, before calling Meta", async () => {
    const { conversationId } = await personWhoWrote(HOUR);
    const before = flow.sandbox.state.attachments.size;
    await expect(uploadAttachment({ ctx: f.as.owner, conversationId, file: { name: "tool.exe", contentType: "application/x-msdownload", data: new Uint8Array([0x4d, 0x5a]) } })).rejects.toMatchObject({
      status: 422,
      fieldErrors: { file: [expect.stringContaining("cannot be sent")] },
    });
    await expect(uploadAttachment({ ctx: f.as.owner, conversationId, file: { name: "huge.jpg", contentType: "image/jpeg", data: new Uint8Array(8 * 1024 * 1024 + 1) } })).rejects.toMatchObject({
      fieldErrors: { file: ["This file is too large: at most 8 MB for its type."] },
    });
    await expect(uploadAttachment({ ctx: f.as.owner, conversationId, file: { name: "fake.png", contentType: "image/png", data: new Uint8Array([1, 2, 3, 4]) } })).rejects.toMatchObject({ status: 422 });
    await expect(sendReply({ ctx: f.as.owner, conversationId, input: { text: "both", attachment: { uploadId: "0190f5d2-7777-7888-9999-aaaabbbbcccc" } } })).rejects.toMatchObject({ status: 422 });
    await expect(sendReply({ ctx: f.as.owner, conversationId, input: { attachment: { uploadId: "0190f5d2-7777-7888-9999-aaaabbbbcccc" } } })).rejects.toMatchObject({ status: 422 });
    expect(flow.sandbox.state.attachments.size).toBe(before);
  });

  it("uploads are refused to another organisation and to an agent outside the channel's skill group (404): every role may reply, within its scope", async () => {
    const { conversationId } = await personWhoWrote(HOUR);
    const other = await createOrgFixture();
    const file = { name: "a.txt", contentType: "text/plain", data: new Uint8Array([104, 105]) };
    await expect(uploadAttachment({ ctx: other.as.owner, conversationId, file })).rejects.toMatchObject({ status: 404 });
    await expect(uploadAttachment({ ctx: f.as.agent, conversationId, file })).rejects.toMatchObject({ status: 404 });
  });
});

describe("sender actions", () => {
  it("typing_on and mark_seen reach the person inside the window; outside it, no call at all", async () => {
    const { psid, conversationId } = await personWhoWrote(HOUR);
    expect(await sendSenderAction({ ctx: f.as.owner, conversationId, action: "mark_seen" })).toEqual({ sent: true });
    expect(await sendSenderAction({ ctx: f.as.owner, conversationId, action: "typing_on" })).toEqual({ sent: true });
    const state = await control<{ typing: boolean; seenAt: number | null }>("GET", `/users/${psid}/sender-actions`);
    expect(state.typing).toBe(true);
    expect(state.seenAt).not.toBeNull();
    expect(await sendSenderAction({ ctx: f.as.owner, conversationId, action: "typing_off" })).toEqual({ sent: true });
    // After our reply the latest message is ours: nothing to mark as seen.
    await sendReply({ ctx: f.as.owner, conversationId, input: { text: "On it" } });
    expect(await sendSenderAction({ ctx: f.as.owner, conversationId, action: "mark_seen" })).toEqual({ sent: false });

    const old = await personWhoWrote(2 * DAY);
    expect(await sendSenderAction({ ctx: f.as.owner, conversationId: old.conversationId, action: "typing_on" })).toEqual({ sent: false });
    expect(flow.sandbox.controls.sendLog.query({ psid: old.psid }).records).toHaveLength(0);
    await expect(sendSenderAction({ ctx: f.as.owner, conversationId, action: "dance" })).rejects.toMatchObject({ status: 400 });
  });
});

describe("failures in Meta's words", () => {
  it("a blocked person: failed with 551, worded, and retried once unblocked", async () => {
    const { psid, conversationId } = await personWhoWrote(HOUR);
    flow.sandbox.controls.users.setBlocked(psid, true);
    const failed = await sendReply({ ctx: f.as.owner, conversationId, input: { text: "Your refund is ready" } });
    expect(failed).toMatchObject({ sendStatus: "failed", failureCode: 551 });
    expect(sendFailureKey(failed.failureCode, failed.failureReason)).toBe("composer.failure.unavailable");
    const shown = (await getConversation({ ctx: f.as.owner, conversationId })).messages.find((m) => m.id === failed.id)!;
    expect(shown).toMatchObject({ sendStatus: "failed", failureCode: 551 });
    flow.sandbox.controls.users.setBlocked(psid, false);
    expect(await retryReply({ ctx: f.as.owner, conversationId, messageId: failed.id })).toMatchObject({ sendStatus: "sent" });
  });

  it("a revoked Page token: failed with 190, worded as reconnect", async () => {
    const { conversationId } = await personWhoWrote(HOUR);
    await control("POST", `/pages/${DEMO.pageId}/token/revoke`);
    try {
      const failed = await sendReply({ ctx: f.as.owner, conversationId, input: { text: "Hello" } });
      expect(failed).toMatchObject({ sendStatus: "failed", failureCode: 190 });
      expect(sendFailureKey(failed.failureCode, failed.failureReason)).toBe("composer.failure.token");
    } finally {
      await control("POST", `/pages/${DEMO.pageId}/token/restore`);
    }
  });
});

describe("Conversation Routing", () => {
  const ownerOf = async (conversationId: string) =>
    (await (await getDb()).select({ owner: conversations.threadOwnerAppId }).from(conversations).where(eq(conversations.id, conversationId)))[0].owner;

  it("the Page Inbox takes the thread: the handover sets the owner, replies are refused without a call, the person's messages arrive in standby", async () => {
    const { psid, conversationId } = await personWhoWrote(HOUR);
    await control("POST", `/users/${psid}/inbox/take`);
    await flow.sandbox.controls.webhooks.idle();
    expect(await ownerOf(conversationId)).toBe(PAGE_INBOX_APP_ID);
    const activities = await (await getDb()).select().from(conversationActivities).where(eq(conversationActivities.conversationId, conversationId));
    expect(activities.filter((a) => a.kind === "thread_control").map((a) => [a.actorType, a.memo])).toEqual([["system", PAGE_INBOX_APP_ID]]);

    await expect(sendReply({ ctx: f.as.owner, conversationId, input: { text: "Hi" } })).rejects.toMatchObject({ status: 409, messageKey: "composer.refused.otherAppControls" });
    expect(callsTo(psid)).toHaveLength(0);
    expect(await sendSenderAction({ ctx: f.as.owner, conversationId, action: "typing_on" })).toEqual({ sent: false });

    flow.sandbox.controls.users.sendText(psid, "Are you there?");
    await flow.sandbox.controls.webhooks.idle();
    const detail = await getConversation({ ctx: f.as.owner, conversationId });
    expect(detail.messages.at(-1)).toMatchObject({ direction: "inbound", text: "Are you there?", source: "standby" });
    expect(detail.reply.threadOwnerAppId).toBe(PAGE_INBOX_APP_ID);

    // The Page Inbox hands it back: unlocked.
    await control("POST", `/users/${psid}/inbox/pass`);
    await flow.sandbox.controls.webhooks.idle();
    expect(await ownerOf(conversationId)).toBeNull();
    expect(await sendReply({ ctx: f.as.owner, conversationId, input: { text: "Back with you" } })).toMatchObject({ sendStatus: "sent" });
  });

  it("pass to the Page Inbox and take back: owner, activity, audit; refusals in words", async () => {
    const { psid, conversationId } = await personWhoWrote(HOUR);
    await expect(changeThreadControl({ ctx: f.as.owner, conversationId, input: { action: "take" } })).rejects.toMatchObject({ status: 409, messageKey: "composer.thread.alreadyOurs" });

    expect(await changeThreadControl({ ctx: f.as.owner, conversationId, input: { action: "pass" } })).toEqual({ conversationId, threadOwnerAppId: PAGE_INBOX_APP_ID });
    expect((await control<{ appId: string }>("GET", `/users/${psid}/thread-owner`)).appId).toBe(PAGE_INBOX_APP_ID);
    await expectAuditRow(f.org, { action: "conversation.thread_passed", resourceId: conversationId, actor: f.as.owner, before: { threadOwnerAppId: null }, after: { threadOwnerAppId: PAGE_INBOX_APP_ID } });
    await expect(changeThreadControl({ ctx: f.as.owner, conversationId, input: { action: "pass" } })).rejects.toMatchObject({ status: 409, messageKey: "composer.thread.notOwner" });

    // Routing off on the Page: Meta answers #27, said in words, and the record stays.
    await control("PUT", `/pages/${DEMO.pageId}/routing`, { routingEnabled: false });
    try {
      await expect(changeThreadControl({ ctx: f.as.owner, conversationId, input: { action: "take" } })).rejects.toMatchObject({ status: 409, messageKey: "composer.thread.routingOff" });
    } finally {
      await control("PUT", `/pages/${DEMO.pageId}/routing`, { routingEnabled: true });
    }
    expect(await ownerOf(conversationId)).toBe(PAGE_INBOX_APP_ID);

    expect(await changeThreadControl({ ctx: f.as.owner, conversationId, input: { action: "take" } })).toEqual({ conversationId, threadOwnerAppId: null });
    expect((await control<{ appId: string }>("GET", `/users/${psid}/thread-owner`)).appId).toBe(DEMO.appId);
    await expectAuditRow(f.org, { action: "conversation.thread_taken", resourceId: conversationId, actor: f.as.owner });

    const other = await createOrgFixture();
    await expect(changeThreadControl({ ctx: other.as.owner, conversationId, input: { action: "pass" } })).rejects.toMatchObject({ status: 404 });
    await expect(changeThreadControl({ ctx: f.as.agent, conversationId, input: { action: "pass" } })).rejects.toMatchObject({ status: 404 });
  });

  it("a send Meta refuses with 2018300 (a handover we never heard of) fails in words and locks the composer", async () => {
    const { psid, conversationId } = await personWhoWrote(HOUR);
    // The Page Inbox has the thread, and no handover reached us (the sandbox's state, set directly).
    flow.sandbox.state.threadOwners.set(psid, PAGE_INBOX_APP_ID);
    const failed = await sendReply({ ctx: f.as.owner, conversationId, input: { text: "Hello" } });
    expect(failed).toMatchObject({ sendStatus: "failed", failureCode: 10 });
    expect(sendFailureKey(failed.failureCode, failed.failureReason)).toBe("composer.failure.otherApp");
    expect((await getConversation({ ctx: f.as.owner, conversationId })).reply.threadOwnerAppId).not.toBeNull();
  });
});
