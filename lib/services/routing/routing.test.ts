import { and, asc, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { agentPresence, contacts, conversationActivities, conversations } from "@/db/schema";
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from "@/lib/errors";
import { expectAuditRow } from "@/tests/audit";
import { useTestDatabase } from "@/tests/db";
import { createChannelFor, createSkillGroupWithAgents, deliver } from "@/tests/desk";
import { createOrgFixture, type OrgFixture } from "@/tests/fixtures";
import {
  assignConversation,
  claimConversation,
  getRoutingSettings,
  listConversationActivities,
  markIdleAgentsAway,
  recordActivity,
  reopenConversation,
  resolveConversation,
  setPresence,
  transferConversation,
  updateRoutingSettings,
} from "./index";

useTestDatabase();

let f: OrgFixture;
let other: OrgFixture;
beforeAll(async () => {
  f = await createOrgFixture();
  other = await createOrgFixture();
});

async function conversationOf(channelId: string, psid: string) {
  const db = await getDb();
  const [row] = await db
    .select({ c: conversations })
    .from(conversations)
    .innerJoin(contacts, eq(contacts.id, conversations.contactId))
    .where(and(eq(contacts.channelId, channelId), eq(contacts.psid, psid)));
  return row!.c;
}

async function activitiesOf(conversationId: string) {
  const db = await getDb();
  return db.select().from(conversationActivities).where(eq(conversationActivities.conversationId, conversationId)).orderBy(asc(conversationActivities.createdAt), asc(conversationActivities.id));
}

/** A group with agents and a channel; settings applied by the owner. */
async function desk(agentCount: number, settings: Record<string, unknown> = {}) {
  const { group, agents } = await createSkillGroupWithAgents(f.org, agentCount);
  const channel = await createChannelFor(f.org.id, group.id);
  if (Object.keys(settings).length > 0) await updateRoutingSettings({ ctx: f.as.owner, skillGroupId: group.id, input: settings });
  return { group, agents, channel };
}

describe("a person writing in", () => {
  it("a new conversation takes its channel's skill group and goes to an online agent", async () => {
    const { group, agents, channel } = await desk(2);
    await setPresence({ ctx: agents[1]!.ctx, input: { status: "online" } });
    const result = await deliver(channel, [{ psid: "p1" }]);
    const c = await conversationOf(channel.id, "p1");
    expect(c).toMatchObject({ skillGroupId: group.id, status: "open", assigneeMembershipId: agents[1]!.membershipId });
    expect(result.routing).toEqual([expect.objectContaining({ conversationId: c.id, outcome: "assigned", assigneeMembershipId: agents[1]!.membershipId, reply: null })]);
    expect(result.events.map((e) => e.type === "conversation.changed" && e.kind)).toEqual(["opened", "assigned"]);
    expect((await activitiesOf(c.id)).map((a) => [a.kind, a.actorType, a.toMembershipId])).toEqual([
      ["opened", "system", null],
      ["assigned", "system", agents[1]!.membershipId],
    ]);
  });

  it("with nobody online it waits in the queue, told its place when the group asks for a queue message", async () => {
    const { channel } = await desk(1, { queueMessageEnabled: true, queueMessage: "You are number {position} in line." });
    await deliver(channel, [{ psid: "q1" }]);
    const result = await deliver(channel, [{ psid: "q2" }]);
    expect(result.routing[0]).toMatchObject({ outcome: "queued", queuePosition: 2, reply: { kind: "queue_message", text: "You are number 2 in line." } });
  });

  it("outside working hours it stays queued (even with agents online) and the offline reply is asked for", async () => {
    const closed = { workingHoursEnabled: true, timeZone: "UTC", workingHours: {}, offlineReplyEnabled: true, offlineReply: "We are closed; we answer from 9:00." };
    const { agents, channel } = await desk(1, closed);
    await setPresence({ ctx: agents[0]!.ctx, input: { status: "online" } });
    const result = await deliver(channel, [{ psid: "o1" }]);
    expect(result.routing[0]).toMatchObject({ outcome: "outside_hours", assigneeMembershipId: null, reply: { kind: "offline_reply", text: closed.offlineReply } });
  });

  it("receipts, reads and echoes never open a conversation; a message or a tapped button does", async () => {
    const { channel } = await desk(1);
    await deliver(channel, [{ psid: "r1", kind: "echo" }, { psid: "r1", kind: "read" }, { psid: "r1", kind: "delivery" }]);
    expect((await conversationOf(channel.id, "r1")).status).toBe("resolved");
    await deliver(channel, [{ psid: "r1", kind: "postback", text: "Get started" }]);
    expect((await conversationOf(channel.id, "r1")).status).toBe("open");
  });

  it("a resolved conversation reopens on the person's next message, back to their last agent (sticky)", async () => {
    const { agents, channel } = await desk(3);
    await setPresence({ ctx: agents[2]!.ctx, input: { status: "online" } });
    await deliver(channel, [{ psid: "s1" }]);
    const c = await conversationOf(channel.id, "s1");
    expect(c.assigneeMembershipId).toBe(agents[2]!.membershipId);
    await resolveConversation({ ctx: agents[2]!.ctx, conversationId: c.id });
    // Others come online with no load; least busy alone would not pick agent 2 over them.
    await setPresence({ ctx: agents[0]!.ctx, input: { status: "online" } });
    await setPresence({ ctx: agents[1]!.ctx, input: { status: "online" } });
    await deliver(channel, [{ psid: "s1", kind: "echo" }, { psid: "s1", kind: "read" }]);
    expect((await conversationOf(channel.id, "s1")).status).toBe("resolved");
    const result = await deliver(channel, [{ psid: "s1", text: "one more thing" }]);
    expect(result.routing[0]).toMatchObject({ outcome: "assigned", assigneeMembershipId: agents[2]!.membershipId });
    expect((await activitiesOf(c.id)).map((a) => a.kind)).toEqual(["opened", "assigned", "resolved", "reopened", "assigned"]);
  });
});

describe("the queue drains", () => {
  it("when an agent comes online: oldest first, up to the cap, the rest wait", async () => {
    const { agents, channel } = await desk(1, { maxOpenPerAgent: 2 });
    await deliver(channel, [{ psid: "d1" }]);
    await deliver(channel, [{ psid: "d2" }]);
    await deliver(channel, [{ psid: "d3" }]);
    const { events } = await setPresence({ ctx: agents[0]!.ctx, input: { status: "online" } });
    expect(events[0]).toMatchObject({ type: "presence.changed", status: "online" });
    const [d1, d2, d3] = await Promise.all(["d1", "d2", "d3"].map((p) => conversationOf(channel.id, p)));
    expect([d1!.assigneeMembershipId, d2!.assigneeMembershipId, d3!.assigneeMembershipId]).toEqual([agents[0]!.membershipId, agents[0]!.membershipId, null]);
    // A resolve frees room: the next in line is assigned.
    const resolved = await resolveConversation({ ctx: agents[0]!.ctx, conversationId: d1!.id });
    expect(resolved.events.map((e) => e.type === "conversation.changed" && [e.kind, e.conversationId])).toEqual([
      ["resolved", d1!.id],
      ["assigned", d3!.id],
    ]);
  });

  it("when the cap is raised", async () => {
    const { group, agents, channel } = await desk(1, { maxOpenPerAgent: 1 });
    await setPresence({ ctx: agents[0]!.ctx, input: { status: "online" } });
    await deliver(channel, [{ psid: "c1" }]);
    await deliver(channel, [{ psid: "c2" }]);
    expect((await conversationOf(channel.id, "c2")).assigneeMembershipId).toBeNull();
    const { events } = await updateRoutingSettings({ ctx: f.as.admin, skillGroupId: group.id, input: { maxOpenPerAgent: 3 } });
    expect(events).toHaveLength(1);
    expect((await conversationOf(channel.id, "c2")).assigneeMembershipId).toBe(agents[0]!.membershipId);
  });

  it("round robin takes turns", async () => {
    const { agents, channel } = await desk(3, { strategy: "round_robin", maxOpenPerAgent: 10 });
    for (const a of agents) await setPresence({ ctx: a.ctx, input: { status: "online" } });
    await deliver(channel, ["t1", "t2", "t3", "t4", "t5", "t6"].map((psid) => ({ psid })));
    const owners = await Promise.all(["t1", "t2", "t3", "t4", "t5", "t6"].map(async (p) => (await conversationOf(channel.id, p)).assigneeMembershipId));
    const counts = agents.map((a) => owners.filter((o) => o === a.membershipId).length);
    expect(counts).toEqual([2, 2, 2]);
  });

  it("without auto-assign nothing is assigned; agents claim", async () => {
    const { agents, channel } = await desk(2, { autoAssign: false, maxOpenPerAgent: 1 });
    await setPresence({ ctx: agents[0]!.ctx, input: { status: "online" } });
    await deliver(channel, [{ psid: "m1" }, { psid: "m2" }]);
    const [m1, m2] = await Promise.all(["m1", "m2"].map((p) => conversationOf(channel.id, p)));
    expect(m1!.assigneeMembershipId).toBeNull();
    const claimed = await claimConversation({ ctx: agents[0]!.ctx, conversationId: m1!.id });
    expect(claimed.conversation).toMatchObject({ assigneeMembershipId: agents[0]!.membershipId, status: "open" });
    await expect(claimConversation({ ctx: agents[1]!.ctx, conversationId: m1!.id })).rejects.toMatchObject({ messageKey: "routing.errors.notQueued" });
    await expect(claimConversation({ ctx: agents[0]!.ctx, conversationId: m2!.id })).rejects.toMatchObject({ messageKey: "routing.errors.atCapacity", messageVars: { cap: 1 } });
    // Two agents claiming at once: exactly one gets it.
    const race = await Promise.allSettled([claimConversation({ ctx: agents[1]!.ctx, conversationId: m2!.id }), claimConversation({ ctx: f.as.admin, conversationId: m2!.id })]);
    expect(race.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(race.find((r) => r.status === "rejected")).toMatchObject({ reason: expect.any(ConflictError) });
  });
});

describe("who may do what", () => {
  it("an agent claims only from their own skill groups; another organisation's conversation is not found", async () => {
    const a = await desk(1, { autoAssign: false });
    const b = await desk(1, { autoAssign: false });
    await deliver(a.channel, [{ psid: "w1" }]);
    const c = await conversationOf(a.channel.id, "w1");
    await expect(claimConversation({ ctx: b.agents[0]!.ctx, conversationId: c.id })).rejects.toBeInstanceOf(NotFoundError);
    await expect(claimConversation({ ctx: other.as.owner, conversationId: c.id })).rejects.toBeInstanceOf(NotFoundError);
    await expect(resolveConversation({ ctx: other.as.owner, conversationId: c.id })).rejects.toBeInstanceOf(NotFoundError);
    await expect(claimConversation({ ctx: f.as.owner, conversationId: "not-a-uuid" })).rejects.toBeInstanceOf(NotFoundError);
  });

  it("only supervisors assign, to an agent of the conversation's group, within the cap", async () => {
    const { agents, channel } = await desk(2, { autoAssign: false, maxOpenPerAgent: 1 });
    const outsider = await desk(1);
    await deliver(channel, [{ psid: "a1" }, { psid: "a2" }]);
    const [a1, a2] = await Promise.all(["a1", "a2"].map((p) => conversationOf(channel.id, p)));
    await expect(assignConversation({ ctx: agents[0]!.ctx, conversationId: a1!.id, input: { membershipId: agents[0]!.membershipId } })).rejects.toBeInstanceOf(ForbiddenError);
    await expect(assignConversation({ ctx: f.as.marketer, conversationId: a1!.id, input: { membershipId: agents[0]!.membershipId } })).rejects.toBeInstanceOf(ForbiddenError);
    await expect(assignConversation({ ctx: f.as.admin, conversationId: a1!.id, input: { membershipId: outsider.agents[0]!.membershipId } })).rejects.toBeInstanceOf(ValidationError);
    await expect(assignConversation({ ctx: other.as.owner, conversationId: a1!.id, input: { membershipId: agents[0]!.membershipId } })).rejects.toBeInstanceOf(NotFoundError);
    const done = await assignConversation({ ctx: f.as.admin, conversationId: a1!.id, input: { membershipId: agents[0]!.membershipId } });
    expect(done.conversation.assigneeMembershipId).toBe(agents[0]!.membershipId);
    await expect(assignConversation({ ctx: f.as.owner, conversationId: a2!.id, input: { membershipId: agents[0]!.membershipId } })).rejects.toBeInstanceOf(ConflictError);
    // Reassigning to the other agent moves it (and records who had it).
    await assignConversation({ ctx: f.as.owner, conversationId: a1!.id, input: { membershipId: agents[1]!.membershipId } });
    const last = (await activitiesOf(a1!.id)).at(-1)!;
    expect([last.kind, last.actorType, last.fromMembershipId, last.toMembershipId]).toEqual(["assigned", "member", agents[0]!.membershipId, agents[1]!.membershipId]);
  });

  it("routing settings: owners and admins change them (audited); others are refused; another organisation's group is not found", async () => {
    const { group } = await desk(0);
    expect(await getRoutingSettings({ ctx: f.as.agent, skillGroupId: group.id })).toMatchObject({ autoAssign: true, strategy: "least_busy", maxOpenPerAgent: 5, onAgentOffline: "requeue" });
    await expect(updateRoutingSettings({ ctx: f.as.marketer, skillGroupId: group.id, input: { sticky: false } })).rejects.toBeInstanceOf(ForbiddenError);
    await expect(updateRoutingSettings({ ctx: f.as.agent, skillGroupId: group.id, input: { sticky: false } })).rejects.toBeInstanceOf(ForbiddenError);
    await expect(updateRoutingSettings({ ctx: other.as.owner, skillGroupId: group.id, input: { sticky: false } })).rejects.toBeInstanceOf(NotFoundError);
    await expect(updateRoutingSettings({ ctx: f.as.owner, skillGroupId: group.id, input: { maxOpenPerAgent: 0 } })).rejects.toBeInstanceOf(ValidationError);
    await expect(updateRoutingSettings({ ctx: f.as.owner, skillGroupId: group.id, input: { workingHours: { "1": [{ start: "9:00", end: "18:00" }] } } })).rejects.toBeInstanceOf(ValidationError);
    await expect(updateRoutingSettings({ ctx: f.as.owner, skillGroupId: group.id, input: { timeZone: "Mars/Olympus" } })).rejects.toBeInstanceOf(ValidationError);
    const hours = { "1": [{ start: "09:00", end: "18:00" }] };
    const { settings } = await updateRoutingSettings({ ctx: f.as.admin, skillGroupId: group.id, input: { sticky: false, workingHoursEnabled: true, timeZone: "Asia/Shanghai", workingHours: hours } });
    expect(settings).toMatchObject({ sticky: false, strategy: "least_busy", timeZone: "Asia/Shanghai", workingHours: hours });
    await expectAuditRow(f.org, {
      action: "skill_group.routing_updated",
      resourceId: group.id,
      actor: f.as.admin,
      before: { sticky: true, workingHoursEnabled: false, timeZone: "UTC", workingHours: {} },
      after: { sticky: false, workingHoursEnabled: true, timeZone: "Asia/Shanghai", workingHours: hours },
    });
  });
});

describe("transfers", () => {
  it("to another skill group's queue with a memo, routed there (never back to whoever passed it on)", async () => {
    const from = await desk(1);
    const to = await desk(1);
    await setPresence({ ctx: from.agents[0]!.ctx, input: { status: "online" } });
    await deliver(from.channel, [{ psid: "x1" }]);
    const c = await conversationOf(from.channel.id, "x1");
    // Nobody online in the target group: it waits there.
    const moved = await transferConversation({ ctx: from.agents[0]!.ctx, conversationId: c.id, input: { skillGroupId: to.group.id, memo: "Wants a refund; billing handles it." } });
    expect(moved.conversation).toMatchObject({ skillGroupId: to.group.id, assigneeMembershipId: null, status: "open" });
    expect(moved.routing).toMatchObject({ outcome: "queued", queuePosition: 1 });
    const transferred = (await activitiesOf(c.id)).at(-1)!;
    expect(transferred).toMatchObject({ kind: "transferred", memo: "Wants a refund; billing handles it.", fromMembershipId: from.agents[0]!.membershipId, toSkillGroupId: to.group.id, fromSkillGroupId: from.group.id });
    // The target group's agent comes online and gets it.
    await setPresence({ ctx: to.agents[0]!.ctx, input: { status: "online" } });
    expect((await conversationOf(from.channel.id, "x1")).assigneeMembershipId).toBe(to.agents[0]!.membershipId);
    // The timeline shows the hand-over with its memo, to the new group's agent and to supervisors; not to another organisation.
    const timeline = await listConversationActivities({ ctx: to.agents[0]!.ctx, conversationId: c.id });
    expect(timeline.map((a) => [a.kind, a.actor, a.memo])).toEqual([
      ["opened", "system", null],
      ["assigned", "system", null],
      ["transferred", "member", "Wants a refund; billing handles it."],
      ["assigned", "system", null],
    ]);
    expect(await listConversationActivities({ ctx: f.as.marketer, conversationId: c.id })).toHaveLength(4);
    await expect(listConversationActivities({ ctx: other.as.owner, conversationId: c.id })).rejects.toBeInstanceOf(NotFoundError);
    // The agent who passed it on can no longer act on it.
    await expect(resolveConversation({ ctx: from.agents[0]!.ctx, conversationId: c.id })).rejects.toBeInstanceOf(NotFoundError);
    await expect(transferConversation({ ctx: to.agents[0]!.ctx, conversationId: c.id, input: {} })).rejects.toBeInstanceOf(ValidationError);
  });

  it("to an agent of the group, within their cap", async () => {
    const { agents, channel } = await desk(2, { maxOpenPerAgent: 1 });
    await setPresence({ ctx: agents[0]!.ctx, input: { status: "online" } });
    await deliver(channel, [{ psid: "y1" }]);
    const c = await conversationOf(channel.id, "y1");
    const moved = await transferConversation({ ctx: agents[0]!.ctx, conversationId: c.id, input: { membershipId: agents[1]!.membershipId, memo: "Speaks Cantonese" } });
    expect(moved.conversation.assigneeMembershipId).toBe(agents[1]!.membershipId);
  });
});

describe("presence", () => {
  it("going offline requeues open conversations to the agents still online; 'keep' leaves them", async () => {
    const { agents, channel } = await desk(2, { maxOpenPerAgent: 5 });
    await setPresence({ ctx: agents[0]!.ctx, input: { status: "online" } });
    await deliver(channel, [{ psid: "f1" }, { psid: "f2" }]);
    await setPresence({ ctx: agents[1]!.ctx, input: { status: "online" } });
    const { events } = await setPresence({ ctx: agents[0]!.ctx, input: { status: "offline" } });
    expect(events.map((e) => (e.type === "conversation.changed" ? e.kind : e.status))).toEqual(["offline", "unassigned", "unassigned", "assigned", "assigned"]);
    for (const p of ["f1", "f2"]) expect((await conversationOf(channel.id, p)).assigneeMembershipId).toBe(agents[1]!.membershipId);

    const kept = await desk(1, { onAgentOffline: "keep" });
    await setPresence({ ctx: kept.agents[0]!.ctx, input: { status: "online" } });
    await deliver(kept.channel, [{ psid: "k1" }]);
    await setPresence({ ctx: kept.agents[0]!.ctx, input: { status: "offline" } });
    expect((await conversationOf(kept.channel.id, "k1")).assigneeMembershipId).toBe(kept.agents[0]!.membershipId);
  });

  it("activity brings an idle agent back online, never over a presence they chose; the idle sweep marks them away", async () => {
    const { agents } = await desk(1);
    const ctx = agents[0]!.ctx;
    const db = await getDb();
    expect((await recordActivity({ ctx })).presence).toMatchObject({ status: "online", changedBy: "activity" });
    const { events } = await markIdleAgentsAway({ now: new Date(Date.now() + 10 * 60_000) });
    expect(events).toContainEqual({ type: "presence.changed", orgId: f.org.id, membershipId: agents[0]!.membershipId, status: "away" });
    expect((await recordActivity({ ctx })).presence.status).toBe("online");
    await setPresence({ ctx, input: { status: "away" } });
    expect((await recordActivity({ ctx })).presence).toMatchObject({ status: "away", changedBy: "manual" });
    const [row] = await db.select().from(agentPresence).where(eq(agentPresence.membershipId, agents[0]!.membershipId));
    expect(row!.lastActivityAt).not.toBeNull();
    await expect(setPresence({ ctx, input: { status: "busy" } })).rejects.toBeInstanceOf(ValidationError);
  });
});

describe("resolve and reopen", () => {
  it("resolving twice changes nothing; a member reopens a resolved conversation into the queue", async () => {
    const { agents, channel } = await desk(1);
    await setPresence({ ctx: agents[0]!.ctx, input: { status: "online" } });
    await deliver(channel, [{ psid: "z1" }]);
    const c = await conversationOf(channel.id, "z1");
    await expect(reopenConversation({ ctx: agents[0]!.ctx, conversationId: c.id })).rejects.toBeInstanceOf(ConflictError);
    await resolveConversation({ ctx: agents[0]!.ctx, conversationId: c.id });
    expect((await resolveConversation({ ctx: agents[0]!.ctx, conversationId: c.id })).events).toEqual([]);
    const reopened = await reopenConversation({ ctx: agents[0]!.ctx, conversationId: c.id });
    expect(reopened.routing).toMatchObject({ outcome: "assigned", assigneeMembershipId: agents[0]!.membershipId });
    const [reopenActivity] = (await activitiesOf(c.id)).filter((a) => a.kind === "reopened");
    expect(reopenActivity).toMatchObject({ actorType: "member", actorMembershipId: agents[0]!.membershipId });
  });
});
