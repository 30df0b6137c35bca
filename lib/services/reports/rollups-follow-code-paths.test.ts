/**
 * The rollups the reports read are kept by database triggers; these tests drive the real code paths (webhook
 * processing through the sandbox, the bot, a desk reply Meta refuses and its retry, resolving) and check that the
 * service report equals what the source rows say, counted directly here, and what the person saw.
 */
import { and, eq, isNotNull, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { rowsOf } from "@/db/json-insert";
import { botKbState, contacts, conversationCycles, conversations, faqEntries } from "@/db/schema";
import { BOT_PAYLOAD, putBotConfig } from "@/lib/services/bot";
import { retryReply, sendReply } from "@/lib/services/conversations";
import { resolveConversation, setPresence } from "@/lib/services/routing";
import { DEMO } from "@/sandbox/server";
import { startBotFlow, type BotFlow } from "@/tests/bot-flow";
import { useTestDatabase } from "@/tests/db";
import { createSkillGroupWithAgents } from "@/tests/desk";
import { createOrgFixture, type OrgFixture } from "@/tests/fixtures";
import { getServiceReport } from "./index";

useTestDatabase();

let f: OrgFixture;
let flow: BotFlow;
let agent: Awaited<ReturnType<typeof createSkillGroupWithAgents>>["agents"][number];

beforeAll(async () => {
  f = await createOrgFixture();
  const made = await createSkillGroupWithAgents(f.org, 1, "Support");
  agent = made.agents[0]!;
  flow = await startBotFlow(f.as.owner, made.group.id);
  const db = await getDb();
  await db.insert(faqEntries).values({ orgId: f.org.id, language: "zh-CN", question: "包邮吗？", alternatives: ["免运费吗"], answer: { kind: "text", text: "满 99 元包邮。" } });
  await db.insert(botKbState).values({ orgId: f.org.id, kbRevision: 1 }).onConflictDoUpdate({ target: botKbState.orgId, set: { kbRevision: sql`${botKbState.kbRevision} + 1` } });
  await putBotConfig({ ctx: f.as.owner, scope: { skillGroupId: made.group.id }, input: { mode: "bot_first", maxMisses: 2, answerThreshold: 0.5, suggestThreshold: 0.25 } });
  await setPresence({ ctx: agent.ctx, input: { status: "online" } });
});
afterAll(() => flow.close());

/** The same figures counted from the rows themselves (what the triggers must agree with). */
async function countedFromRows() {
  const db = await getDb();
  const [row] = rowsOf<Record<string, string>>(
    await db.execute(sql`select
      (select count(*) from messages where org_id = ${f.org.id}::uuid and direction = 'inbound' and kind in ('text', 'attachments', 'postback')) as "messagesIn",
      (select count(*) from messages where org_id = ${f.org.id}::uuid and direction = 'outbound' and send_status is distinct from 'failed') as "messagesOut",
      (select count(*) from conversation_activities where org_id = ${f.org.id}::uuid and kind = 'opened') as "conversationsNew",
      (select count(*) from conversation_activities where org_id = ${f.org.id}::uuid and kind = 'resolved') as "conversationsResolved",
      (select count(*) from conversation_activities where org_id = ${f.org.id}::uuid and kind = 'reopened') as "conversationsReopened",
      (select count(*) from bot_events where org_id = ${f.org.id}::uuid and kind = 'answered') as "answered",
      (select count(*) from bot_events where org_id = ${f.org.id}::uuid and kind = 'helpful') as "helpful",
      (select count(*) from bot_events where org_id = ${f.org.id}::uuid and kind = 'handover') as "handovers"`),
  );
  return Object.fromEntries(Object.entries(row!).map(([k, v]) => [k, Number(v)]));
}
async function today() {
  const { totals } = await getServiceReport({ ctx: f.as.owner, input: { preset: "today" } });
  return {
    messagesIn: totals.messagesIn,
    messagesOut: totals.messagesOut,
    conversationsNew: totals.conversationsNew,
    conversationsResolved: totals.conversationsResolved,
    conversationsReopened: totals.conversationsReopened,
    answered: totals.bot.answered,
    helpful: totals.bot.helpful,
    handovers: totals.bot.handovers,
  };
}
async function says(psid: string, words: string) {
  flow.sandbox.controls.users.sendText(psid, words);
  await flow.sandbox.controls.webhooks.idle();
}
async function taps(psid: string, payload: string) {
  flow.sandbox.controls.users.tapQuickReply(psid, { payload });
  await flow.sandbox.controls.webhooks.idle();
}
const sentTo = (psid: string) => flow.sandbox.controls.sendLog.query({ psid }).records.filter((r) => r.kind !== "unknown" && !r.kind.startsWith("sender_action") && r.ok);

describe("the rollups follow the code paths that write messages, activities and bot events", () => {
  it("the bot, its handover, an agent's reply, a refused reply and its retry, and the resolution", async () => {
    const psid = flow.sandbox.controls.users.createUser(DEMO.pageId, { firstName: "Mei" }).psid;
    await says(psid, "请问你们免运费吗");
    // The person's message in; every message the bot sent out once (their echoes only confirm them).
    expect(await today()).toMatchObject({ messagesIn: 1, messagesOut: sentTo(psid).length, answered: 1, conversationsNew: 0 });
    await taps(psid, BOT_PAYLOAD.helpfulYes);
    await says(psid, "转人工");
    const report = await today();
    expect(report).toMatchObject({ messagesIn: 3, messagesOut: sentTo(psid).length, helpful: 1, handovers: 1, conversationsNew: 1 });
    expect(report).toEqual(await countedFromRows());

    const db = await getDb();
    const [conversation] = await db.select({ id: conversations.id, assignee: conversations.assigneeMembershipId }).from(conversations).innerJoin(contacts, eq(contacts.id, conversations.contactId)).where(eq(contacts.psid, psid));
    expect(conversation!.assignee).toBe(agent.membershipId);

    const before = (await today()).messagesOut;
    await sendReply({ ctx: agent.ctx, conversationId: conversation!.id, input: { text: "您好，我来帮您看看。" } });
    await flow.sandbox.controls.webhooks.idle();
    expect((await today()).messagesOut).toBe(before + 1);
    // Meta refuses the next one (the person blocked the Page): it is not a message out.
    flow.sandbox.controls.users.setBlocked(psid, true);
    const failed = await sendReply({ ctx: agent.ctx, conversationId: conversation!.id, input: { text: "还在吗？" } });
    expect(failed.sendStatus).toBe("failed");
    expect((await today()).messagesOut).toBe(before + 1);
    // The retry goes through: now it is.
    flow.sandbox.controls.users.setBlocked(psid, false);
    await retryReply({ ctx: agent.ctx, messageId: failed.id });
    await flow.sandbox.controls.webhooks.idle();
    expect((await today()).messagesOut).toBe(before + 2);

    await resolveConversation({ ctx: agent.ctx, conversationId: conversation!.id });
    const end = await getServiceReport({ ctx: f.as.owner, input: { preset: "today" } });
    expect(await today()).toEqual(await countedFromRows());
    expect(end.totals.conversationsResolved).toBe(1);
    // The cycle: opened at the handover, taken by the agent, first answered by the agent (not the bot), resolved.
    const [cycle] = await db.select().from(conversationCycles).where(and(eq(conversationCycles.conversationId, conversation!.id), isNotNull(conversationCycles.resolvedAt)));
    expect(cycle).toMatchObject({ membershipId: agent.membershipId, firstResponderMembershipId: agent.membershipId });
    expect(end.totals.firstResponse.count).toBe(1);
    // Activity times have microseconds (a JS Date keeps milliseconds): the clocks measured in the database, rounded.
    const [clocks] = rowsOf<{ fr: number; res: number }>(
      await db.execute(sql`select round(extract(epoch from first_response_at - opened_at) * 1000)::float8 as fr, round(extract(epoch from resolved_at - opened_at) * 1000)::float8 as res
                             from conversation_cycles where id = ${cycle!.id}::uuid`),
    );
    expect(end.totals.firstResponse.medianMs).toBe(clocks!.fr);
    expect(end.totals.resolution.medianMs).toBe(clocks!.res);
    expect(end.agents.find((a) => a.id === agent.membershipId)).toMatchObject({ name: "Agent 0", conversationsResolved: 1, messagesOut: 2 });
  });
});
