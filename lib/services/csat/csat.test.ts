/**
 * The satisfaction survey end to end through the real webhook path against the sandbox: resolving asks inside
 * the 24-hour window (once, however often the workflow step runs), the person's rating and comment are recorded
 * without reopening the conversation or reaching the bot, outside the window nothing is sent and the survey is
 * skipped; the channel setting is for owners and admins of the channel's organisation only.
 */
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { auditLog, contacts, conversationActivities, conversations, csatSurveys, messages } from "@/db/schema";
import { ForbiddenError, NotFoundError, ValidationError } from "@/lib/errors";
import { getContactPanel } from "@/lib/services/contacts";
import { askSurvey, getCsatSettings, updateCsatSettings } from "@/lib/services/csat";
import { resolveConversation, setResolutionEventSender } from "@/lib/services/routing";
import { DEMO } from "@/sandbox/server";
import { startBotFlow, type BotFlow } from "@/tests/bot-flow";
import { useTestDatabase } from "@/tests/db";
import { createSkillGroupWithAgents } from "@/tests/desk";
import { createOrgFixture, type OrgFixture } from "@/tests/fixtures";

useTestDatabase();

let f: OrgFixture;
let other: OrgFixture;
let flow: BotFlow;
let agent: Awaited<ReturnType<typeof createSkillGroupWithAgents>>["agents"][number];
/** The workflow events resolving sent (the survey's workflow runs askSurvey with each). */
const resolutions: { orgId: string; channelId: string; conversationId: string; resolutionActivityId: string }[] = [];

beforeAll(async () => {
  setResolutionEventSender(async (payloads) => void resolutions.push(...payloads.map((p) => p.data)));
  f = await createOrgFixture();
  other = await createOrgFixture();
  const made = await createSkillGroupWithAgents(f.org, 1, "Support");
  agent = made.agents[0]!;
  flow = await startBotFlow(f.as.owner, made.group.id);
});
afterAll(async () => {
  setResolutionEventSender(null);
  await flow.close();
});

function person(firstName: string) {
  return flow.sandbox.controls.users.createUser(DEMO.pageId, { firstName }).psid;
}
async function says(psid: string, words: string) {
  flow.sandbox.controls.users.sendText(psid, words);
  await flow.sandbox.controls.webhooks.idle();
}
async function taps(psid: string, payload: string) {
  flow.sandbox.controls.users.tapQuickReply(psid, { payload });
  await flow.sandbox.controls.webhooks.idle();
}
/** What the Page sent the person, oldest first: the text and the quick replies' titles. */
function sent(psid: string) {
  return flow.sandbox.controls.sendLog
    .query({ psid })
    .records.filter((r) => !r.kind.startsWith("sender_action"))
    .map((r) => {
      const message = r.message as { text?: string; quick_replies?: { title: string }[] };
      return { text: message.text ?? null, quickReplies: message.quick_replies?.map((q) => q.title) ?? [], messagingType: r.messagingType };
    });
}
async function conversationOf(psid: string) {
  const [row] = await (await getDb()).select({ conversation: conversations }).from(conversations).innerJoin(contacts, eq(contacts.id, conversations.contactId)).where(eq(contacts.psid, psid));
  return row!.conversation;
}
async function surveysOf(conversationId: string) {
  return (await getDb()).select().from(csatSurveys).where(eq(csatSurveys.conversationId, conversationId));
}
/** Resolves as an agent would, then runs the survey's workflow step for that resolution (as the workflow does). */
async function resolveAndAsk(conversationId: string) {
  const before = resolutions.length;
  await resolveConversation({ ctx: f.as.owner, conversationId });
  const event = resolutions.slice(before).find((r) => r.conversationId === conversationId);
  expect(event).toBeDefined();
  return { event: event!, asked: await askSurvey(event!) };
}

describe("channel setting", () => {
  it("is off until an owner or admin turns it on, audited; agents are refused and another organisation's channel is not found", async () => {
    expect(await getCsatSettings({ ctx: f.as.admin, channelId: flow.channelId })).toMatchObject({ enabled: false, texts: { en: { question: "" } } });
    await expect(getCsatSettings({ ctx: f.as.agent, channelId: flow.channelId })).rejects.toBeInstanceOf(ForbiddenError);
    await expect(updateCsatSettings({ ctx: f.as.marketer, channelId: flow.channelId, input: { enabled: true } })).rejects.toBeInstanceOf(ForbiddenError);
    await expect(getCsatSettings({ ctx: other.as.owner, channelId: flow.channelId })).rejects.toBeInstanceOf(NotFoundError);
    await expect(updateCsatSettings({ ctx: other.as.owner, channelId: flow.channelId, input: { enabled: true } })).rejects.toBeInstanceOf(NotFoundError);
    await expect(updateCsatSettings({ ctx: f.as.owner, channelId: flow.channelId, input: { enabled: true, texts: { fr: { question: "?" } } } })).rejects.toBeInstanceOf(ValidationError);

    // Nothing is asked while the survey is off.
    const quiet = person("Off");
    await says(quiet, "Hello");
    await resolveConversation({ ctx: f.as.owner, conversationId: (await conversationOf(quiet)).id });
    expect(resolutions).toEqual([]);

    const saved = await updateCsatSettings({ ctx: f.as.owner, channelId: flow.channelId, input: { enabled: true, texts: { en: { thanks: "Thanks a lot, see you soon!" } } } });
    expect(saved).toMatchObject({ enabled: true, texts: { en: { thanks: "Thanks a lot, see you soon!", question: "" }, "zh-CN": { thanks: "" } } });
    const [audit] = await (await getDb()).select().from(auditLog).where(and(eq(auditLog.orgId, f.org.id), eq(auditLog.action, "channel.csat_updated")));
    expect(audit).toMatchObject({ resourceId: flow.channelId, before: null, after: { enabled: true } });
  });
});

describe("the survey", () => {
  it("asks inside the window once, takes the rating and the comment without reopening, and thanks", async () => {
    const psid = person("Ana");
    await says(psid, "Where is my parcel?");
    const conversation = await conversationOf(psid);
    const { event, asked } = await resolveAndAsk(conversation.id);
    expect(asked.outcome).toBe("asked");
    // A retried step (the workflow runs it again) asks nothing more.
    expect((await askSurvey(event)).outcome).toBe("asked");
    expect(sent(psid)).toEqual([{ text: "How satisfied are you with the help you got? Tap 1 (not at all) to 5 (very).", quickReplies: ["1", "2", "3", "4", "5"], messagingType: "RESPONSE" }]);

    await taps(psid, "CSAT_RATING_4");
    expect(sent(psid).at(-1)).toEqual({ text: "Thank you! Is there anything you would like to tell us? Write it here, or tap “No thanks”.", quickReplies: ["No thanks"], messagingType: "RESPONSE" });
    await says(psid, "Quick and kind, thank you");
    expect(sent(psid).at(-1)!.text).toBe("Thanks a lot, see you soon!");
    expect(sent(psid)).toHaveLength(3);

    const [survey] = await surveysOf(conversation.id);
    expect(survey).toMatchObject({ status: "rated", rating: 4, comment: "Quick and kind, thank you", awaiting: null, language: "en", resolutionActivityId: event.resolutionActivityId });
    // Still resolved: the answers reopened nothing (no activity after the resolution), and the thread keeps them.
    expect(await conversationOf(psid)).toMatchObject({ status: "resolved" });
    const kinds = await (await getDb()).select({ kind: conversationActivities.kind }).from(conversationActivities).where(eq(conversationActivities.conversationId, conversation.id)).orderBy(conversationActivities.createdAt);
    expect(kinds.map((k) => k.kind)).toEqual(["opened", "resolved"]);
    const thread = await (await getDb()).select({ direction: messages.direction, text: messages.text, source: messages.source }).from(messages).where(eq(messages.conversationId, conversation.id)).orderBy(messages.timestamp);
    expect(thread.map((m) => `${m.direction}:${m.text}`)).toEqual([
      "inbound:Where is my parcel?",
      "outbound:How satisfied are you with the help you got? Tap 1 (not at all) to 5 (very).",
      "inbound:4",
      "outbound:Thank you! Is there anything you would like to tell us? Write it here, or tap “No thanks”.",
      "inbound:Quick and kind, thank you",
      "outbound:Thanks a lot, see you soon!",
    ]);

    // The agent sees the rating beside the thread.
    const panel = await getContactPanel({ ctx: agent.ctx, conversationId: conversation.id });
    expect(panel.satisfaction).toEqual([expect.objectContaining({ status: "rated", rating: 4, comment: "Quick and kind, thank you" })]);

    // After the survey, writing again reopens as it always did.
    await says(psid, "One more question");
    expect(await conversationOf(psid)).toMatchObject({ status: "open" });
  });

  it("asks in the person's language, and “不用了” ends it with the thanks and no comment", async () => {
    const psid = person("Bo");
    await says(psid, "我的包裹到哪了");
    const conversation = await conversationOf(psid);
    await (await getDb()).update(contacts).set({ locale: "zh_CN" }).where(eq(contacts.id, conversation.contactId));
    await resolveAndAsk(conversation.id);
    expect(sent(psid)[0]).toEqual({ text: "您对本次服务满意吗？请点选 1（很不满意）到 5（非常满意）。", quickReplies: ["1", "2", "3", "4", "5"], messagingType: "RESPONSE" });
    await taps(psid, "CSAT_RATING_5");
    expect(sent(psid).at(-1)!.quickReplies).toEqual(["不用了"]);
    await taps(psid, "CSAT_NO_THANKS");
    expect(sent(psid).at(-1)!.text).toBe("感谢您的反馈！");
    expect((await surveysOf(conversation.id))[0]).toMatchObject({ status: "rated", rating: 5, comment: null, awaiting: null, language: "zh-CN" });
    expect(await conversationOf(psid)).toMatchObject({ status: "resolved" });
  });

  it("outside the 24-hour window sends nothing and records the survey as skipped", async () => {
    const psid = person("Cai");
    await says(psid, "Hello?");
    const conversation = await conversationOf(psid);
    await (await getDb()).update(contacts).set({ lastInboundAt: new Date(Date.now() - 25 * 3_600_000) }).where(eq(contacts.id, conversation.contactId));
    const { asked } = await resolveAndAsk(conversation.id);
    expect(asked.outcome).toBe("skipped");
    expect(sent(psid)).toEqual([]);
    expect(await surveysOf(conversation.id)).toEqual([expect.objectContaining({ status: "skipped", skipReason: "outside_window", rating: null, awaiting: null, askedAt: null })]);
  });

  it("a rating out of range is no rating: nothing is recorded and the message reopens the conversation", async () => {
    const psid = person("Dai");
    await says(psid, "Can I change my address?");
    const conversation = await conversationOf(psid);
    await resolveAndAsk(conversation.id);
    // A forged payload (a client that is not Messenger's quick reply) and a digit out of range alike.
    flow.sandbox.controls.users.sendText(psid, "9", "CSAT_RATING_9");
    await flow.sandbox.controls.webhooks.idle();
    expect((await surveysOf(conversation.id))[0]).toMatchObject({ status: "asked", rating: null, awaiting: null });
    expect(await conversationOf(psid)).toMatchObject({ status: "open" });
    expect(sent(psid)).toHaveLength(1);

    const typed = person("Dan");
    await says(typed, "Hi again");
    const second = await conversationOf(typed);
    await resolveAndAsk(second.id);
    await says(typed, "7");
    expect((await surveysOf(second.id))[0]).toMatchObject({ status: "asked", rating: null, awaiting: null });
    expect(await conversationOf(typed)).toMatchObject({ status: "open" });
  });

  it("a comment later than 10 minutes after the rating is an ordinary message", async () => {
    const psid = person("Eva");
    await says(psid, "Refund please");
    const conversation = await conversationOf(psid);
    await resolveAndAsk(conversation.id);
    await says(psid, "2");
    expect((await surveysOf(conversation.id))[0]).toMatchObject({ status: "rated", rating: 2, awaiting: "comment" });
    await (await getDb()).update(csatSurveys).set({ ratedAt: new Date(Date.now() - 11 * 60_000) }).where(eq(csatSurveys.conversationId, conversation.id));
    await says(psid, "Still waiting for my refund");
    expect((await surveysOf(conversation.id))[0]).toMatchObject({ rating: 2, comment: null, awaiting: null });
    expect(await conversationOf(psid)).toMatchObject({ status: "open" });
  });

  it("another organisation's conversation is not found, and its survey step asks nothing", async () => {
    const psid = person("Fei");
    await says(psid, "Hi");
    const conversation = await conversationOf(psid);
    await expect(resolveConversation({ ctx: other.as.owner, conversationId: conversation.id })).rejects.toBeInstanceOf(NotFoundError);
    const { event } = await resolveAndAsk(conversation.id);
    expect((await askSurvey({ ...event, orgId: other.org.id })).outcome).toBe("not_found");
    await expect(getContactPanel({ ctx: other.as.owner, conversationId: conversation.id })).rejects.toBeInstanceOf(NotFoundError);
  });
});

describe("with the bot on", () => {
  it("the answers never reach the bot, which would otherwise take a resolved conversation", async () => {
    const { putBotConfig } = await import("@/lib/services/bot");
    await putBotConfig({ ctx: f.as.owner, scope: { channelId: flow.channelId }, input: { mode: "bot_first" } });
    const psid = person("Gus");
    await says(psid, "talk to a human");
    const conversation = await conversationOf(psid);
    // Handed over to the desk: open in the queue, for an agent to resolve.
    expect(conversation).toMatchObject({ status: "open" });
    const before = sent(psid).length;
    await resolveAndAsk(conversation.id);
    await taps(psid, "CSAT_RATING_3");
    await taps(psid, "CSAT_NO_THANKS");
    expect(sent(psid).slice(before).map((m) => m.text)).toEqual([
      "How satisfied are you with the help you got? Tap 1 (not at all) to 5 (very).",
      "Thank you! Is there anything you would like to tell us? Write it here, or tap “No thanks”.",
      "Thanks a lot, see you soon!",
    ]);
    expect((await surveysOf(conversation.id))[0]).toMatchObject({ rating: 3 });
    expect(await conversationOf(psid)).toMatchObject({ status: "resolved" });
  });
});
