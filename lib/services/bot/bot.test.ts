/**
 * The bot in the conversation, through the real webhook path against the sandbox (tests/bot-flow.ts): what a
 * Messenger user sees from it in each mode, and what the desk sees (queue, assignment, transcript).
 */
import { and, asc, desc, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { auditLog, botConfigs, botEvents, botKbState, contacts, conversationActivities, conversationBotStates, conversations, faqEntries, messages } from "@/db/schema";
import { resolveConversation, setPresence, updateRoutingSettings } from "@/lib/services/routing";
import { DEMO } from "@/sandbox/server";
import { createConnector } from "@/lib/services/bot-connectors";
import { listConversations } from "@/lib/services/conversations";
import { startBotFlow, type BotFlow } from "@/tests/bot-flow";
import { startTestBotServer } from "@/tests/bot-server";
import { useTestDatabase } from "@/tests/db";
import { createSkillGroupWithAgents } from "@/tests/desk";
import { createOrgFixture, type OrgFixture } from "@/tests/fixtures";
import { BOT_PAYLOAD } from "./contract";
import { getBotSettings } from "./get-bot-settings";
import { listBotConfigs } from "./list-bot-configs";
import { putBotConfig } from "./put-bot-config";
import { runBotTurns } from "./run-bot-turns";
import { sendBotMessages } from "./send-bot-messages";

useTestDatabase();

let f: OrgFixture;
let flow: BotFlow;
let groupId: string;
let agent: Awaited<ReturnType<typeof createSkillGroupWithAgents>>["agents"][number];
const ids: Record<string, string> = {};

const text = (t: string) => ({ kind: "text" as const, text: t });
const KB = [
  { key: "shipFree", language: "zh-CN" as const, question: "包邮吗？", alternatives: ["运费怎么算", "免运费吗"], answer: text("满 99 元包邮，不满收 10 元运费。") },
  { key: "returnZh", language: "zh-CN" as const, question: "怎么退货？", alternatives: ["退货流程", "可以退货吗"], answer: text("收货 7 天内可在订单页申请退货。") },
  { key: "dispatch", language: "zh-CN" as const, question: "多久发货？", alternatives: ["什么时候发货", "下单后几天发货"], answer: text("下单后 48 小时内发货。") },
  { key: "track", language: "en" as const, question: "Where is my package?", alternatives: ["track my order", "order tracking"], answer: text("Track it under My orders → Track.") },
  { key: "spain", language: "en" as const, question: "Do you ship to Spain?", alternatives: ["international shipping countries"], answer: text("We ship to every EU country, Spain included.") },
  { key: "returnEn", language: "en" as const, question: "How do I return an item?", alternatives: ["return policy", "refund for a return"], answer: text("Start a return within 30 days from My orders.") },
];
/** The evaluated defaults may move; these tests fix their own thresholds so their questions stay on one side. */
const THRESHOLDS = { answerThreshold: 0.5, suggestThreshold: 0.25 };

beforeAll(async () => {
  f = await createOrgFixture();
  const made = await createSkillGroupWithAgents(f.org, 1, "Support");
  groupId = made.group.id;
  agent = made.agents[0]!;
  flow = await startBotFlow(f.as.owner, groupId);
  const db = await getDb();
  for (const entry of KB) {
    const { key, ...row } = entry;
    const [inserted] = await db.insert(faqEntries).values({ orgId: f.org.id, ...row }).returning({ id: faqEntries.id });
    ids[key] = inserted!.id;
  }
  // As the FAQ services do on every write: the matcher's cached index of the organisation is rebuilt.
  await db.insert(botKbState).values({ orgId: f.org.id, kbRevision: 1 }).onConflictDoUpdate({ target: botKbState.orgId, set: { kbRevision: sql`${botKbState.kbRevision} + 1` } });
});
afterAll(() => flow.close());

async function configure(input: Record<string, unknown>) {
  return putBotConfig({ ctx: f.as.owner, scope: { skillGroupId: groupId }, input: { ...THRESHOLDS, ...input } });
}
async function setHours(within: boolean) {
  const later = (new Date().getUTCDay() + 2) % 7;
  await updateRoutingSettings({
    ctx: f.as.owner,
    skillGroupId: groupId,
    input: within ? { workingHoursEnabled: false } : { workingHoursEnabled: true, timeZone: "UTC", workingHours: { [String(later)]: [{ start: "09:00", end: "17:00" }] } },
  });
}

beforeEach(async () => {
  // Each test starts with an empty desk: the one agent has room and nobody waits (the cap and human first count them).
  const db = await getDb();
  await db.update(conversations).set({ status: "resolved", assigneeMembershipId: null, queuedAt: null }).where(eq(conversations.orgId, f.org.id));
  await db.delete(conversationBotStates).where(eq(conversationBotStates.orgId, f.org.id));
  await setHours(true);
  await setPresence({ ctx: agent.ctx, input: { status: "online" } });
  await configure({ mode: "bot_first", maxMisses: 2 });
});

/** A new person of the demo Page. */
function person(firstName = "Mei") {
  return flow.sandbox.controls.users.createUser(DEMO.pageId, { firstName }).psid;
}
async function says(psid: string, words: string, quickReplyPayload?: string) {
  flow.sandbox.controls.users.sendText(psid, words, quickReplyPayload);
  await flow.sandbox.controls.webhooks.idle();
}
async function taps(psid: string, payload: string) {
  flow.sandbox.controls.users.tapQuickReply(psid, { payload });
  await flow.sandbox.controls.webhooks.idle();
}
/** What the Page sent the person (the sandbox's Send API log), oldest first. */
function sent(psid: string) {
  return flow.sandbox.controls.sendLog
    .query({ psid })
    .records.filter((r) => r.kind !== "unknown" && !r.kind.startsWith("sender_action"))
    .map((r) => {
      const m = r.message as { text?: string; quick_replies?: { title: string; payload: string }[] };
      return { text: m.text ?? null, quickReplies: m.quick_replies ?? null, messagingType: r.messagingType, tag: r.tag, ok: r.ok };
    });
}
async function conversationOf(psid: string) {
  const db = await getDb();
  const [row] = await db.select({ conversation: conversations }).from(conversations).innerJoin(contacts, eq(contacts.id, conversations.contactId)).where(eq(contacts.psid, psid));
  return row!.conversation;
}
async function stateOf(conversationId: string) {
  const [row] = await (await getDb()).select().from(conversationBotStates).where(eq(conversationBotStates.conversationId, conversationId));
  return row ?? null;
}
async function eventsOf(conversationId: string) {
  return (await getDb()).select().from(botEvents).where(eq(botEvents.conversationId, conversationId)).orderBy(asc(botEvents.createdAt));
}
async function handoverActivities(conversationId: string) {
  return (await getDb())
    .select({ memo: conversationActivities.memo })
    .from(conversationActivities)
    .where(and(eq(conversationActivities.conversationId, conversationId), eq(conversationActivities.kind, "bot_handover")));
}

describe("bot first", () => {
  it("answers a Chinese paraphrase once it has said it is a bot, asks whether it helped, and keeps the conversation out of the queue", async () => {
    const psid = person();
    await says(psid, "请问你们免运费吗");
    const out = sent(psid);
    expect(out.map((m) => m.text)).toEqual(["您好，我是自动客服机器人（不是真人）。随时回复“转人工”即可联系人工客服。", "满 99 元包邮，不满收 10 元运费。", "这个回答有帮助吗？"]);
    expect(out[2]!.quickReplies?.map((q) => q.payload)).toEqual([BOT_PAYLOAD.helpfulYes, BOT_PAYLOAD.helpfulNo]);
    expect(out.every((m) => m.ok && m.messagingType === "RESPONSE" && m.tag === null)).toBe(true);
    const conversation = await conversationOf(psid);
    expect([conversation.queuedAt, conversation.assigneeMembershipId]).toEqual([null, null]);
    // The desk shows it as the bot's, not in the queue.
    expect((await listConversations({ ctx: f.as.owner, input: { view: "all" } })).data.find((c) => c.id === conversation.id)).toMatchObject({ withBot: true });
    expect((await listConversations({ ctx: f.as.owner, input: { view: "unassigned" } })).data.map((c) => c.id)).not.toContain(conversation.id);
    expect(await stateOf(conversation.id)).toMatchObject({ status: "active", awaiting: "feedback", lastFaqId: ids.shipFree, language: "zh-CN" });
    // The thread keeps the bot's messages as the bot's, each once (their echoes only confirm them).
    const rows = await (await getDb()).select().from(messages).where(and(eq(messages.conversationId, conversation.id), eq(messages.direction, "outbound")));
    expect(rows.map((r) => [r.source, r.sendStatus])).toEqual(Array(3).fill(["bot", "sent"]));
    expect(rows.every((r) => r.mid?.startsWith("m_"))).toBe(true);

    await taps(psid, BOT_PAYLOAD.helpfulYes);
    expect(sent(psid)).toHaveLength(3);
    expect((await eventsOf(conversation.id)).map((e) => [e.kind, e.faqId])).toEqual([
      ["answered", ids.shipFree],
      ["helpful", ids.shipFree],
    ]);
    // Said once: the next answer comes without the disclosure.
    await says(psid, "什么时候发货");
    expect(sent(psid).slice(3).map((m) => m.text)).toEqual(["下单后 48 小时内发货。", "这个回答有帮助吗？"]);
  });

  it("suggests up to three entries as quick replies when unsure, and answers the one tapped", async () => {
    const psid = person();
    await says(psid, "return shipping cost");
    const [, suggestion] = sent(psid);
    expect(suggestion!.text).toBe("Did you mean one of these?");
    const payloads = suggestion!.quickReplies!.map((q) => q.payload);
    expect(payloads).toContain(`${BOT_PAYLOAD.faqPrefix}${ids.returnEn}`);
    expect(payloads.at(-1)).toBe(BOT_PAYLOAD.talkToHuman);
    expect(payloads.length).toBeLessThanOrEqual(4);
    await taps(psid, `${BOT_PAYLOAD.faqPrefix}${ids.returnEn}`);
    expect(sent(psid).slice(2).map((m) => m.text)).toEqual(["Start a return within 30 days from My orders.", "Was this helpful?"]);
    const conversation = await conversationOf(psid);
    expect((await eventsOf(conversation.id)).map((e) => e.kind)).toEqual(["suggested"]);
  });

  it("counts misses in a row and hands over at maxMisses: queued, assigned to the online agent, with the transcript kept", async () => {
    const psid = person();
    await says(psid, "what is the weather today");
    expect(sent(psid).at(-1)).toMatchObject({ text: "Sorry, I can't answer that yet. Try asking another way, or talk to a human." });
    const conversation = await conversationOf(psid);
    expect(await stateOf(conversation.id)).toMatchObject({ misses: 1, status: "active" });
    await says(psid, "is it raining in Paris");
    expect(sent(psid).at(-1)!.text).toBe("OK, I'm passing you to a member of our team. Please wait a moment.");
    const after = await conversationOf(psid);
    expect([after.status, after.assigneeMembershipId]).toEqual(["open", agent.membershipId]);
    expect(await stateOf(conversation.id)).toMatchObject({ status: "handed_over", handoverReason: "misses" });
    expect(await handoverActivities(conversation.id)).toEqual([{ memo: "misses" }]);
    expect((await listConversations({ ctx: agent.ctx, input: { view: "mine" } })).data.find((c) => c.id === conversation.id)).toMatchObject({ withBot: false, status: "open" });
    expect((await eventsOf(conversation.id)).map((e) => [e.kind, e.question ?? e.handoverReason])).toEqual([
      ["unanswered", "what is the weather today"],
      ["unanswered", "is it raining in Paris"],
      ["handover", "misses"],
    ]);
    // The agent sees the whole conversation: the person's words and the bot's.
    const transcript = await (await getDb()).select({ source: messages.source, text: messages.text }).from(messages).where(eq(messages.conversationId, conversation.id)).orderBy(asc(messages.timestamp));
    expect(transcript.filter((m) => m.source === "webhook").map((m) => m.text)).toEqual(["what is the weather today", "is it raining in Paris"]);
    expect(transcript.filter((m) => m.source === "bot")).toHaveLength(3);
  });

  it("a 'no' vote counts as a miss, and offers related entries or a human", async () => {
    const psid = person();
    await says(psid, "怎么退货");
    await taps(psid, BOT_PAYLOAD.helpfulNo);
    const last = sent(psid).at(-1)!;
    expect(last.quickReplies!.at(-1)!.payload).toBe(BOT_PAYLOAD.talkToHuman);
    const conversation = await conversationOf(psid);
    expect(await stateOf(conversation.id)).toMatchObject({ misses: 1, awaiting: null });
    expect((await eventsOf(conversation.id)).map((e) => [e.kind, e.faqId])).toEqual([
      ["answered", ids.returnZh],
      ["unhelpful", ids.returnZh],
    ]);
  });
});

describe("handover on request", () => {
  it.each([
    ["转人工", "zh-CN", "好的，正在为您转接人工客服，请稍候。"],
    ["人工客服", "zh-CN", "好的，正在为您转接人工客服，请稍候。"],
    ["我要找真人客服", "zh-CN", "好的，正在为您转接人工客服，请稍候。"],
    ["talk to a human", "en", "OK, I'm passing you to a member of our team. Please wait a moment."],
    ["Agent!", "en", "OK, I'm passing you to a member of our team. Please wait a moment."],
    ["can I speak to a person please", "en", "OK, I'm passing you to a member of our team. Please wait a moment."],
  ])("%s hands over at once, and the bot stays silent until resolved", async (words, language, ack) => {
    const psid = person();
    await says(psid, words);
    expect(sent(psid).map((m) => m.text).slice(1)).toEqual([ack]);
    const conversation = await conversationOf(psid);
    expect([conversation.status, conversation.assigneeMembershipId]).toEqual(["open", agent.membershipId]);
    expect(await stateOf(conversation.id)).toMatchObject({ status: "handed_over", handoverReason: "user_request", language });
    expect(await handoverActivities(conversation.id)).toEqual([{ memo: "user_request" }]);
    await says(psid, language === "en" ? "Where is my package?" : "包邮吗");
    expect(sent(psid)).toHaveLength(2);
  });

  it("on the menu's and the quick replies' talk-to-a-human payload, and on the organisation's keywords", async () => {
    await configure({ mode: "bot_first", handoverKeywords: ["退款"] });
    const viaMenu = person();
    flow.sandbox.controls.users.postback(viaMenu, { title: "Talk to a human / 转人工", payload: BOT_PAYLOAD.talkToHuman });
    await flow.sandbox.controls.webhooks.idle();
    expect(await stateOf((await conversationOf(viaMenu)).id)).toMatchObject({ status: "handed_over", handoverReason: "menu" });

    const viaQuickReply = person();
    await says(viaQuickReply, "what is the weather today");
    await taps(viaQuickReply, BOT_PAYLOAD.talkToHuman);
    expect(await stateOf((await conversationOf(viaQuickReply)).id)).toMatchObject({ status: "handed_over", handoverReason: "user_request" });

    const viaKeyword = person();
    await says(viaKeyword, "我想申请退款");
    const conversation = await conversationOf(viaKeyword);
    expect(await stateOf(conversation.id)).toMatchObject({ status: "handed_over", handoverReason: "keyword" });
    expect(await handoverActivities(conversation.id)).toEqual([{ memo: "keyword" }]);
  });

  it("a button of the organisation's own (Get Started) gets the bot's introduction, not a 'don't know'", async () => {
    const psid = person();
    flow.sandbox.controls.users.postback(psid, { title: "Get Started", payload: "GET_STARTED" });
    await flow.sandbox.controls.webhooks.idle();
    expect(sent(psid).map((m) => m.text)).toEqual(["Hi! I'm an automated assistant, not a person. Reply “talk to a human” at any time to reach our team."]);
    expect(await stateOf((await conversationOf(psid)).id)).toMatchObject({ status: "active", misses: 0 });
  });

  it("resolving ends the bot's part: the next message starts afresh with the bot", async () => {
    const psid = person();
    await says(psid, "转人工");
    const conversation = await conversationOf(psid);
    await resolveConversation({ ctx: agent.ctx, conversationId: conversation.id });
    expect(await stateOf(conversation.id)).toBeNull();
    await says(psid, "包邮吗");
    expect(sent(psid).slice(2).map((m) => m.text)).toEqual(["您好，我是自动客服机器人（不是真人）。随时回复“转人工”即可联系人工客服。", "满 99 元包邮，不满收 10 元运费。", "这个回答有帮助吗？"]);
    expect((await conversationOf(psid)).status).toBe("resolved");
    expect(await stateOf(conversation.id)).toMatchObject({ status: "active" });
  });
});

describe("working hours", () => {
  it("outside them, a request for a human is told when agents are back, and the next message is taken and queued", async () => {
    await setHours(false);
    const psid = person();
    await says(psid, "talk to a human");
    const told = sent(psid).at(-1)!.text!;
    expect(told).toMatch(/^Our team is away right now and back .+ 09:00 \(UTC\)\. Leave a message/);
    const conversation = await conversationOf(psid);
    expect(conversation.queuedAt).toBeNull();
    expect(await stateOf(conversation.id)).toMatchObject({ status: "active", awaiting: "message", handoverReason: "user_request" });
    await says(psid, "My order 1234 arrived broken, please call me");
    expect(sent(psid).at(-1)!.text).toBe("Thanks, we have your message. Our team will reply when they are back.");
    const queued = await conversationOf(psid);
    // Queued for the morning: nobody is assigned outside working hours.
    expect([queued.status, queued.assigneeMembershipId, queued.queuedAt !== null]).toEqual(["open", null, true]);
    expect((await eventsOf(conversation.id)).map((e) => [e.kind, e.question ?? e.handoverReason])).toEqual([
      ["message_taken", "My order 1234 arrived broken, please call me"],
      ["handover", "user_request"],
    ]);
  });
});

describe("modes", () => {
  it("off (or no configuration): conversations go to the queue as before, and the bot never speaks", async () => {
    await configure({ mode: "off" });
    const psid = person();
    await says(psid, "包邮吗");
    expect(sent(psid)).toEqual([]);
    const conversation = await conversationOf(psid);
    expect([conversation.status, conversation.assigneeMembershipId]).toEqual(["open", agent.membershipId]);
    expect(await stateOf(conversation.id)).toBeNull();
  });

  it("a channel's configuration wins over its skill group's", async () => {
    await configure({ mode: "bot_first" });
    await putBotConfig({ ctx: f.as.owner, scope: { channelId: flow.channelId }, input: { mode: "off" } });
    const psid = person();
    await says(psid, "包邮吗");
    expect(sent(psid)).toEqual([]);
    await putBotConfig({ ctx: f.as.owner, scope: { channelId: flow.channelId }, input: { mode: "bot_first", ...THRESHOLDS } });
    const other = person();
    await says(other, "包邮吗");
    expect(sent(other)).toHaveLength(3);
    await putBotConfig({ ctx: f.as.owner, scope: { channelId: flow.channelId }, input: { mode: "off" } });
    await (await getDb()).delete(botConfigs).where(eq(botConfigs.channelId, flow.channelId));
  });

  it("human first: within working hours with a short queue the desk serves; outside hours the bot does", async () => {
    await configure({ mode: "human_first", humanFirstQueueLength: 5 });
    const inHours = person();
    await says(inHours, "包邮吗");
    expect(sent(inHours)).toEqual([]);
    expect((await conversationOf(inHours)).assigneeMembershipId).toBe(agent.membershipId);

    await setHours(false);
    const afterHours = person();
    await says(afterHours, "包邮吗");
    expect(sent(afterHours).map((m) => m.text)[1]).toBe("满 99 元包邮，不满收 10 元运费。");
    expect((await conversationOf(afterHours)).queuedAt).toBeNull();
  });

  it("human first: while the queue holds humanFirstQueueLength or more, the bot answers within working hours too", async () => {
    await configure({ mode: "human_first", humanFirstQueueLength: 1 });
    // The only agent goes offline: people wait in the queue.
    await setPresence({ ctx: agent.ctx, input: { status: "offline" } });
    const waiting = person();
    await says(waiting, "hello?");
    expect(sent(waiting)).toEqual([]);
    expect((await conversationOf(waiting)).queuedAt).not.toBeNull();
    const next = person();
    await says(next, "Where is my package?");
    expect(sent(next).map((m) => m.text)[1]).toBe("Track it under My orders → Track.");
  });

  it("bot only: misses never hand over, but a request for a human does", async () => {
    await configure({ mode: "bot_only", maxMisses: 1 });
    const psid = person();
    await says(psid, "what is the weather today");
    await says(psid, "what is the weather tomorrow");
    const conversation = await conversationOf(psid);
    expect(await stateOf(conversation.id)).toMatchObject({ status: "active", misses: 2 });
    expect(conversation.queuedAt).toBeNull();
    await says(psid, "human");
    expect(await stateOf(conversation.id)).toMatchObject({ status: "handed_over", handoverReason: "user_request" });
  });
});

describe("Meta's rules", () => {
  it("never answers outside the 24-hour window, and never with a tag", async () => {
    const { users, clock, webhooks } = flow.sandbox.controls;
    const psid = person();
    // The person's message is processed 25 hours after they wrote it (a backlog): no answer at all.
    clock.advance(-25 * 3_600_000);
    users.sendText(psid, "包邮吗");
    clock.advance(25 * 3_600_000);
    await webhooks.idle();
    expect(sent(psid)).toEqual([]);
    // A message stored in time but sent after the window closed is refused before Meta is called.
    const fresh = person();
    await says(fresh, "包邮吗");
    const conversation = await conversationOf(fresh);
    const db = await getDb();
    await db.insert(messages).values({ orgId: f.org.id, channelId: flow.channelId, conversationId: conversation.id, direction: "outbound", kind: "text", text: "late", source: "bot", sendStatus: "sending", messagingType: "RESPONSE", timestamp: Date.now() });
    await db.update(contacts).set({ lastInboundAt: new Date(Date.now() - 25 * 3_600_000) }).where(eq(contacts.psid, fresh));
    const before = sent(fresh).length;
    expect(await sendBotMessages({ orgId: f.org.id, conversationIds: [conversation.id] })).toEqual({ sent: 0, failed: 1 });
    expect(sent(fresh)).toHaveLength(before);
    const [late] = await db.select().from(messages).where(and(eq(messages.conversationId, conversation.id), eq(messages.text, "late")));
    expect(late).toMatchObject({ sendStatus: "failed", failureReason: "Outside the 24-hour window: the bot does not send." });
  });

  it("a repeated bot step sends nothing twice, and sends what an interrupted one stored but did not send", async () => {
    const psid = person();
    await says(psid, "Where is my package?");
    const turn = flow.turns.at(-1)!;
    expect(sent(psid)).toHaveLength(3);
    expect(await runBotTurns(turn)).toEqual({ turns: 0, sent: 0, failed: 0 });
    expect(sent(psid)).toHaveLength(3);
    // A crash after the store, before Meta answered: the row is still "sending"; the retry sends it once.
    const conversation = await conversationOf(psid);
    const db = await getDb();
    const [last] = await db.select().from(messages).where(and(eq(messages.conversationId, conversation.id), eq(messages.source, "bot"))).orderBy(asc(messages.timestamp)).limit(1);
    await db.update(messages).set({ sendStatus: "sending" }).where(eq(messages.id, last!.id));
    expect(await runBotTurns(turn)).toEqual({ turns: 0, sent: 1, failed: 0 });
    expect(await runBotTurns(turn)).toEqual({ turns: 0, sent: 0, failed: 0 });
    expect(sent(psid)).toHaveLength(4);
  });
});

describe("an external bot (connector)", () => {
  it("sends the external bot's messages; its handover action queues; a failure falls back to the built-in bot or the queue", async () => {
    const server = await startTestBotServer();
    try {
      const { connector, secret } = await createConnector({ ctx: f.as.owner, input: { name: "Chatopera", url: server.url, timeoutMs: 800, fallback: "builtin" } });
      server.secret = secret;
      await configure({ mode: "bot_first", engine: "external", connectorId: connector.id });
      server.behave((r) => (r.message.text === "bye" ? { json: { messages: [{ kind: "text", text: "Passing you on." }], handover: true } } : { json: { messages: [{ kind: "text", text: `echo: ${r.message.text}` }] } }));
      const psid = person();
      await says(psid, "hello bot");
      expect(sent(psid).map((m) => m.text)).toEqual(["Hi! I'm an automated assistant, not a person. Reply “talk to a human” at any time to reach our team.", "echo: hello bot"]);
      const conversation = await conversationOf(psid);
      expect(server.received.at(-1)).toMatchObject({ conversationId: conversation.id, contact: { psid }, message: { text: "hello bot" }, language: "en", channel: { id: flow.channelId, pageId: DEMO.pageId } });
      await says(psid, "bye");
      expect(sent(psid).at(-1)!.text).toBe("Passing you on.");
      expect(await stateOf(conversation.id)).toMatchObject({ status: "handed_over", handoverReason: "connector" });
      expect((await conversationOf(psid)).assigneeMembershipId).toBe(agent.membershipId);

      // Too slow: the built-in bot answers instead (the connector's fallback).
      server.behave(() => ({ delayMs: 2_000, json: { messages: [{ kind: "text", text: "too late" }] } }));
      const slow = person();
      await says(slow, "包邮吗");
      expect(sent(slow).map((m) => m.text)).toContain("满 99 元包邮，不满收 10 元运费。");

      // A broken bot with the queue as fallback: handed over with reason connector_failed.
      const { connector: queueing, secret: other } = await createConnector({ ctx: f.as.owner, input: { name: "Broken", url: server.url, fallback: "queue" } });
      server.secret = other;
      server.behave(() => ({ status: 500, json: {} }));
      await configure({ mode: "bot_first", engine: "external", connectorId: queueing.id });
      const failed = person();
      await says(failed, "hello?");
      const handedOver = await conversationOf(failed);
      expect(await stateOf(handedOver.id)).toMatchObject({ status: "handed_over", handoverReason: "connector_failed" });
      expect(handedOver.assigneeMembershipId).toBe(agent.membershipId);
    } finally {
      await server.close();
    }
  });
});

describe("bot configurations", () => {
  it("are set by owners and admins only, validated, and another organisation's skill group or channel answers not found", async () => {
    await expect(putBotConfig({ ctx: f.as.agent, scope: { skillGroupId: groupId }, input: { mode: "bot_first" } })).rejects.toMatchObject({ code: "forbidden" });
    await expect(putBotConfig({ ctx: f.as.admin, scope: { skillGroupId: groupId }, input: { mode: "sometimes" } })).rejects.toMatchObject({ code: "validation_failed" });
    await expect(putBotConfig({ ctx: f.as.admin, scope: { skillGroupId: groupId }, input: { mode: "bot_first", engine: "external" } })).rejects.toMatchObject({ code: "validation_failed" });
    await expect(putBotConfig({ ctx: f.as.admin, scope: { skillGroupId: groupId }, input: { mode: "bot_first", answerThreshold: 0.2, suggestThreshold: 0.4 } })).rejects.toMatchObject({ code: "validation_failed" });
    const other = await createOrgFixture();
    await expect(putBotConfig({ ctx: other.as.owner, scope: { skillGroupId: groupId }, input: { mode: "bot_first" } })).rejects.toMatchObject({ code: "not_found" });
    await expect(putBotConfig({ ctx: other.as.owner, scope: { channelId: flow.channelId }, input: { mode: "bot_first" } })).rejects.toMatchObject({ code: "not_found" });
    const saved = await putBotConfig({ ctx: f.as.admin, scope: { skillGroupId: groupId }, input: { mode: "human_first", handoverKeywords: ["退款", "退款", "refund"], texts: { en: { disclosure: "I'm Shop's bot." } } } });
    expect(saved).toMatchObject({ scope: "skill_group", name: "Support", mode: "human_first", engine: "builtin", answerThreshold: null, maxMisses: 2, handoverKeywords: ["退款", "refund"], texts: { en: { disclosure: "I'm Shop's bot." } } });
    expect((await listBotConfigs({ ctx: f.as.owner })).map((c) => [c.scope, c.mode])).toEqual([["skill_group", "human_first"]]);
    const [audited] = await (await getDb()).select().from(auditLog).where(and(eq(auditLog.orgId, f.org.id), eq(auditLog.action, "bot_config.updated"))).orderBy(desc(auditLog.at)).limit(1);
    expect(audited).toMatchObject({ resourceId: saved.id, after: expect.objectContaining({ mode: "human_first", skillGroupId: groupId }) });
    expect(await listBotConfigs({ ctx: other.as.owner })).toEqual([]);
    await expect(listBotConfigs({ ctx: f.as.marketer })).rejects.toMatchObject({ code: "forbidden" });
    // The settings page: every skill group and channel, configured or not.
    const settings = await getBotSettings({ ctx: f.as.admin });
    expect(settings.targets.map((t) => [t.scope, t.name, t.config?.mode ?? null])).toEqual([
      ["skill_group", "Support", "human_first"],
      ["channel", "Demo Page", null],
    ]);
    await expect(getBotSettings({ ctx: f.as.agent })).rejects.toMatchObject({ code: "forbidden" });
  });

  it("the organisation's own disclosure is what the person reads", async () => {
    await configure({ mode: "bot_first", texts: { en: { disclosure: "I'm Shop's bot, not a person." } } });
    const psid = person();
    await says(psid, "Where is my package?");
    expect(sent(psid)[0]!.text).toBe("I'm Shop's bot, not a person.");
  });
});
