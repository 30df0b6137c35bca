import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { contacts, conversations, skillGroupMembers } from "@/db/schema";
import { ForbiddenError } from "@/lib/errors";
import { assignConversation, resolveConversation, setConversationPending, setPresence, updateRoutingSettings } from "@/lib/services/routing";
import { useTestDatabase } from "@/tests/db";
import { createChannelFor, createSkillGroupWithAgents, deliver } from "@/tests/desk";
import { createOrgFixture, type OrgFixture } from "@/tests/fixtures";
import { getLiveOverview } from "./index";

useTestDatabase();

let f: OrgFixture;
let other: OrgFixture;

async function conversationOf(channelId: string, psid: string) {
  const db = await getDb();
  const [row] = await db
    .select({ id: conversations.id })
    .from(conversations)
    .innerJoin(contacts, eq(contacts.id, conversations.contactId))
    .where(and(eq(contacts.channelId, channelId), eq(contacts.psid, psid)));
  return row!.id;
}

async function queuedAt(conversationId: string, iso: string) {
  const db = await getDb();
  await db.update(conversations).set({ queuedAt: new Date(iso) }).where(eq(conversations.id, conversationId));
}

/** A group with agents and a channel, routing by hand (nothing assigned unless the test says so). */
async function desk(org: OrgFixture, name: string, agentCount: number, cap?: number) {
  const { group, agents } = await createSkillGroupWithAgents(org.org, agentCount, name);
  const channel = await createChannelFor(org.org.id, group.id);
  await updateRoutingSettings({ ctx: org.as.owner, skillGroupId: group.id, input: { autoAssign: false, ...(cap ? { maxOpenPerAgent: cap } : {}) } });
  return { group, agents, channel };
}

let support: Awaited<ReturnType<typeof desk>>;
let billing: Awaited<ReturnType<typeof desk>>;

beforeAll(async () => {
  f = await createOrgFixture();
  other = await createOrgFixture();
  // Support: two agents, cap 3. Billing (default cap 5): one agent, and Support's first agent as well.
  support = await desk(f, "Support 售后", 2, 3);
  billing = await desk(f, "Billing 账单", 1);
  const db = await getDb();
  await db.insert(skillGroupMembers).values({ orgId: f.org.id, skillGroupId: billing.group.id, membershipId: support.agents[0]!.membershipId });
  await setPresence({ ctx: support.agents[0]!.ctx, input: { status: "online" } });
  await setPresence({ ctx: billing.agents[0]!.ctx, input: { status: "away" } });
  // support.agents[1] never sets a presence: offline.

  await deliver(support.channel, ["s1", "s2", "s3", "s4", "s5", "s6"].map((psid) => ({ psid })));
  await deliver(billing.channel, [{ psid: "b1" }, { psid: "b2" }]);
  const s = await Promise.all(["s1", "s2", "s3", "s4", "s5", "s6"].map((p) => conversationOf(support.channel.id, p)));
  const b = await Promise.all(["b1", "b2"].map((p) => conversationOf(billing.channel.id, p)));
  const [agent0, agent1] = support.agents.map((a) => a.membershipId);
  // Agent 0: s1 (open) and s2 (pending). Agent 1: s3, then resolved (not open any more). The owner (in no group): b1.
  await assignConversation({ ctx: f.as.admin, conversationId: s[0]!, input: { membershipId: agent0! } });
  await assignConversation({ ctx: f.as.admin, conversationId: s[1]!, input: { membershipId: agent0! } });
  await setConversationPending({ ctx: support.agents[0]!.ctx, conversationId: s[1]! });
  await assignConversation({ ctx: f.as.admin, conversationId: s[2]!, input: { membershipId: agent1! } });
  await resolveConversation({ ctx: support.agents[1]!.ctx, conversationId: s[2]! });
  await db.insert(skillGroupMembers).values({ orgId: f.org.id, skillGroupId: billing.group.id, membershipId: f.as.owner.membershipId! });
  await assignConversation({ ctx: f.as.admin, conversationId: b[0]!, input: { membershipId: f.as.owner.membershipId! } });
  await db.delete(skillGroupMembers).where(and(eq(skillGroupMembers.skillGroupId, billing.group.id), eq(skillGroupMembers.membershipId, f.as.owner.membershipId!)));
  // Support's queue: s4, s5, s6 with known waits (s5 first in line); the assigned s1 entered the queue before all
  // of them and must not count as waiting. Billing's queue: b2.
  await queuedAt(s[0]!, "2026-12-01T07:00:00Z");
  await queuedAt(s[3]!, "2026-12-01T09:30:00Z");
  await queuedAt(s[4]!, "2026-12-01T09:05:00Z");
  await queuedAt(s[5]!, "2026-12-01T09:45:00Z");
  await queuedAt(b[1]!, "2026-12-01T09:50:00Z");

  // Another organisation's desk, busier: none of it shows.
  const theirs = await desk(other, "Support 售后", 1);
  await setPresence({ ctx: theirs.agents[0]!.ctx, input: { status: "online" } });
  await deliver(theirs.channel, [{ psid: "o1" }, { psid: "o2" }]);
  await queuedAt(await conversationOf(theirs.channel.id, "o1"), "2026-11-30T00:00:00Z");
});

describe("live overview", () => {
  it("counts each agent's load against their cap, each group's queue and who is online, and what is open now", async () => {
    const now = new Date("2026-12-01T10:00:00Z");
    const overview = await getLiveOverview({ ctx: f.as.admin, now });
    const [agent0, agent1] = support.agents;
    expect(overview.at).toBe("2026-12-01T10:00:00.000Z");
    // s1, s2 (agent 0), b1 (owner), and the queued s4, s5, s6, b2; the resolved s3 is not open.
    expect(overview.openConversations).toBe(7);
    const byId = new Map(overview.agents.map((a) => [a.membershipId, a]));
    expect(byId.get(agent0!.membershipId)).toEqual({
      membershipId: agent0!.membershipId,
      name: "Agent 0",
      presence: "online",
      load: 2,
      // Support's cap 3 is smaller than Billing's default 5.
      maxLoad: 3,
      skillGroupIds: expect.arrayContaining([support.group.id, billing.group.id]),
    });
    expect(byId.get(agent1!.membershipId)).toMatchObject({ presence: "offline", load: 0, maxLoad: 3, skillGroupIds: [support.group.id] });
    expect(byId.get(billing.agents[0]!.membershipId)).toMatchObject({ presence: "away", load: 0, maxLoad: 5, skillGroupIds: [billing.group.id] });
    // The owner left Billing but still carries b1: listed, in no group, without a cap.
    expect(byId.get(f.as.owner.membershipId!)).toMatchObject({ load: 1, maxLoad: null, skillGroupIds: [] });
    // Members in no group and carrying nothing (the admin, the marketer, the agent of the fixture) are not agents here.
    expect(byId.has(f.as.admin.membershipId!)).toBe(false);
    expect(overview.agents).toHaveLength(4);
    expect(overview.agents.map((a) => a.name)).toEqual([...overview.agents.map((a) => a.name)].sort((x, y) => x.localeCompare(y)));

    expect(overview.skillGroups).toEqual([
      // By name: Billing before Support.
      { skillGroupId: billing.group.id, name: "Billing 账单", queued: 1, oldestQueuedAt: "2026-12-01T09:50:00.000Z", agentsOnline: 1 },
      // The first in line (s5, queued 09:05) gives the longest wait, not the assigned s1 queued earlier.
      { skillGroupId: support.group.id, name: "Support 售后", queued: 3, oldestQueuedAt: "2026-12-01T09:05:00.000Z", agentsOnline: 1 },
    ]);
  });

  it("moves with the desk: an assignment from the queue raises the load and shortens the queue; going offline is seen", async () => {
    const s5 = await conversationOf(support.channel.id, "s5");
    const agent1 = support.agents[1]!;
    await assignConversation({ ctx: f.as.owner, conversationId: s5, input: { membershipId: agent1.membershipId } });
    await setPresence({ ctx: support.agents[0]!.ctx, input: { status: "offline" } });
    const overview = await getLiveOverview({ ctx: f.as.owner });
    expect(overview.agents.find((a) => a.membershipId === agent1.membershipId)).toMatchObject({ load: 1 });
    const supportGroup = overview.skillGroups.find((g) => g.skillGroupId === support.group.id)!;
    // s5 left the queue, so s4 (09:30) is first in line; agent 0 going offline requeued their open s1 (at the
    // back, queued now) and kept the pending s2 (Support requeues, routing's default).
    expect(supportGroup).toMatchObject({ queued: 3, oldestQueuedAt: "2026-12-01T09:30:00.000Z", agentsOnline: 0 });
    expect(overview.agents.find((a) => a.membershipId === support.agents[0]!.membershipId)).toMatchObject({ presence: "offline", load: 1 });
    expect(overview.openConversations).toBe(7);
  });

  it("shows another organisation nothing of this one, and this one nothing of theirs", async () => {
    const theirs = await getLiveOverview({ ctx: other.as.owner });
    expect(theirs.openConversations).toBe(2);
    expect(theirs.skillGroups).toHaveLength(1);
    expect(theirs.skillGroups[0]).toMatchObject({ queued: 2, oldestQueuedAt: "2026-11-30T00:00:00.000Z", agentsOnline: 1 });
    expect(theirs.agents).toHaveLength(1);
    const ids = new Set([...support.agents, ...billing.agents].map((a) => a.membershipId));
    expect(theirs.agents.some((a) => ids.has(a.membershipId))).toBe(false);
    const ours = await getLiveOverview({ ctx: f.as.admin });
    expect(ours.skillGroups.map((g) => g.skillGroupId).sort()).toEqual([support.group.id, billing.group.id].sort());
  });

  it("is for supervisors: marketers and agents are refused", async () => {
    await expect(getLiveOverview({ ctx: f.as.marketer })).rejects.toBeInstanceOf(ForbiddenError);
    await expect(getLiveOverview({ ctx: f.as.agent })).rejects.toBeInstanceOf(ForbiddenError);
    await expect(getLiveOverview({ ctx: support.agents[0]!.ctx })).rejects.toBeInstanceOf(ForbiddenError);
  });
});
