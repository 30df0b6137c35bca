/**
 * The skill group's automatic answers when no agent takes a person's conversation (issue 13's routing settings),
 * through the real webhook path against the sandbox: the queue message with the person's position, the offline
 * reply outside working hours, each once per time the conversation waits in the queue.
 */
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { contacts, conversations, messages } from "@/db/schema";
import { setPresence, updateRoutingSettings } from "@/lib/services/routing";
import { DEMO } from "@/sandbox/server";
import { startBotFlow, type BotFlow } from "@/tests/bot-flow";
import { useTestDatabase } from "@/tests/db";
import { createSkillGroupWithAgents } from "@/tests/desk";
import { createOrgFixture, type OrgFixture } from "@/tests/fixtures";

useTestDatabase();

let f: OrgFixture;
let flow: BotFlow;
let groupId: string;
let agent: Awaited<ReturnType<typeof createSkillGroupWithAgents>>["agents"][number];

beforeAll(async () => {
  f = await createOrgFixture();
  const made = await createSkillGroupWithAgents(f.org, 1, "Support");
  groupId = made.group.id;
  agent = made.agents[0]!;
  flow = await startBotFlow(f.as.owner, groupId);
});
afterAll(() => flow.close());

function person(firstName: string) {
  return flow.sandbox.controls.users.createUser(DEMO.pageId, { firstName }).psid;
}
async function says(psid: string, words: string) {
  flow.sandbox.controls.users.sendText(psid, words);
  await flow.sandbox.controls.webhooks.idle();
}
/** The texts the Page sent the person, oldest first, with the rule each went under. */
function sent(psid: string) {
  return flow.sandbox.controls.sendLog
    .query({ psid })
    .records.filter((r) => !r.kind.startsWith("sender_action"))
    .map((r) => ({ text: (r.message as { text?: string }).text ?? null, messagingType: r.messagingType, tag: r.tag, ok: r.ok }));
}
async function conversationOf(psid: string) {
  const [row] = await (await getDb()).select({ conversation: conversations }).from(conversations).innerJoin(contacts, eq(contacts.id, conversations.contactId)).where(eq(contacts.psid, psid));
  return row!.conversation;
}

describe("routing replies", () => {
  it("tells each person waiting their place in the queue, once per wait, and keeps the message in the thread", async () => {
    await setPresence({ ctx: agent.ctx, input: { status: "offline" } });
    await updateRoutingSettings({ ctx: f.as.owner, skillGroupId: groupId, input: { queueMessageEnabled: true, queueMessage: "All our agents are busy: you are number {position} in line." } });
    const first = person("Ana");
    const second = person("Bo");
    await says(first, "Hello, my order is late");
    await says(second, "你好，我的包裹到哪了");
    expect(sent(first)).toEqual([{ text: "All our agents are busy: you are number 1 in line.", messagingType: "RESPONSE", tag: null, ok: true }]);
    expect(sent(second).map((m) => m.text)).toEqual(["All our agents are busy: you are number 2 in line."]);

    // Writing again while still waiting gets no second queue message.
    await says(first, "Anyone there?");
    expect(sent(first)).toHaveLength(1);

    // The agent sees it in the thread, as an automatic message, once (its echo only confirms it).
    const conversation = await conversationOf(first);
    const outbound = await (await getDb()).select().from(messages).where(and(eq(messages.conversationId, conversation.id), eq(messages.direction, "outbound")));
    expect(outbound.map((m) => [m.text, m.source, m.sendStatus])).toEqual([["All our agents are busy: you are number 1 in line.", "bot", "sent"]]);
    expect(conversation).toMatchObject({ status: "open", assigneeMembershipId: null });
  });

  it("answers with the offline reply outside working hours, and nothing when neither message is on", async () => {
    const later = (new Date().getUTCDay() + 2) % 7;
    await updateRoutingSettings({
      ctx: f.as.owner,
      skillGroupId: groupId,
      input: { workingHoursEnabled: true, timeZone: "UTC", workingHours: { [String(later)]: [{ start: "09:00", end: "17:00" }] }, offlineReplyEnabled: true, offlineReply: "We are closed now; an agent will answer when we open." },
    });
    const night = person("Cai");
    await says(night, "Is anyone working?");
    expect(sent(night).map((m) => m.text)).toEqual(["We are closed now; an agent will answer when we open."]);

    await updateRoutingSettings({ ctx: f.as.owner, skillGroupId: groupId, input: { workingHoursEnabled: false, queueMessageEnabled: false, offlineReplyEnabled: false } });
    const quiet = person("Dai");
    await says(quiet, "Hello?");
    expect(sent(quiet)).toEqual([]);
    expect(await conversationOf(quiet)).toMatchObject({ status: "open", assigneeMembershipId: null });
  });
});
