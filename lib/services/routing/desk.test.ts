import { and, asc, eq } from "drizzle-orm";
import { InngestTestEngine } from "@inngest/test";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { agentPresence, contacts, conversationActivities, conversations, memberNotifications } from "@/db/schema";
import { deskSweep } from "@/inngest/functions/desk-sweep";
import { functions } from "@/inngest/functions";
import { ConflictError, NotFoundError } from "@/lib/errors";
import { listMyNotifications, markNotificationsRead } from "@/lib/services/notifications";
import { useTestDatabase } from "@/tests/db";
import { createChannelFor, createSkillGroupWithAgents, deliver } from "@/tests/desk";
import { createOrgFixture, type OrgFixture } from "@/tests/fixtures";
import {
  assignConversation,
  claimConversation,
  getDeskState,
  getMyPresence,
  markIdleAgentsAway,
  recordActivity,
  setConversationPending,
  setPresence,
  toRealtimeEvents,
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

async function notificationsOf(membershipId: string) {
  const db = await getDb();
  return db.select().from(memberNotifications).where(eq(memberNotifications.membershipId, membershipId)).orderBy(asc(memberNotifications.createdAt));
}

async function desk(agentCount: number, settings: Record<string, unknown> = { autoAssign: false }) {
  const { group, agents } = await createSkillGroupWithAgents(f.org, agentCount);
  const channel = await createChannelFor(f.org.id, group.id);
  await updateRoutingSettings({ ctx: f.as.owner, skillGroupId: group.id, input: settings });
  return { group, agents, channel };
}

describe("member notifications from the desk", () => {
  it("a supervisor's assignment notifies the agent (and tells only that agent live); a claim notifies no one", async () => {
    const { agents, channel } = await desk(2);
    await deliver(channel, [{ psid: "n1" }, { psid: "n2" }]);
    const c1 = await conversationOf(channel.id, "n1");
    const c2 = await conversationOf(channel.id, "n2");

    const assigned = await assignConversation({ ctx: f.as.admin, conversationId: c1.id, input: { membershipId: agents[0]!.membershipId } });
    const live = toRealtimeEvents(assigned.events, 1);
    expect(live).toContainEqual({ type: "notification.created", orgId: f.org.id, membershipId: agents[0]!.membershipId, conversationId: c1.id, at: 1 });
    expect((await notificationsOf(agents[0]!.membershipId)).map((n) => [n.kind, n.conversationId, n.actorMembershipId, n.readAt])).toEqual([
      ["assigned", c1.id, f.as.admin.membershipId, null],
    ]);

    const claimed = await claimConversation({ ctx: agents[1]!.ctx, conversationId: c2.id });
    expect(toRealtimeEvents(claimed.events).some((e) => e.type === "notification.created")).toBe(false);
    expect(await notificationsOf(agents[1]!.membershipId)).toEqual([]);
  });

  it("a transfer to an agent carries the memo; a transfer to a group's queue tells whoever routing gives it to, with the memo", async () => {
    const { group, agents, channel } = await desk(3);
    await deliver(channel, [{ psid: "t1" }]);
    const c = await conversationOf(channel.id, "t1");
    await claimConversation({ ctx: agents[0]!.ctx, conversationId: c.id });
    await transferConversation({ ctx: agents[0]!.ctx, conversationId: c.id, input: { membershipId: agents[1]!.membershipId, memo: "Wants a refund for order A-1042" } });
    expect((await notificationsOf(agents[1]!.membershipId)).map((n) => [n.kind, n.excerpt, n.actorMembershipId])).toEqual([["transferred", "Wants a refund for order A-1042", agents[0]!.membershipId]]);

    // To the queue of a group that assigns automatically: only agent 2 is online there.
    const target = await createSkillGroupWithAgents(f.org, 1);
    await updateRoutingSettings({ ctx: f.as.owner, skillGroupId: target.group.id, input: { autoAssign: true } });
    await setPresence({ ctx: target.agents[0]!.ctx, input: { status: "online" } });
    const moved = await transferConversation({ ctx: agents[1]!.ctx, conversationId: c.id, input: { skillGroupId: target.group.id, memo: "Billing question" } });
    expect(moved.conversation.assigneeMembershipId).toBe(target.agents[0]!.membershipId);
    expect(toRealtimeEvents(moved.events).filter((e) => e.type === "notification.created").map((e) => e.membershipId)).toEqual([target.agents[0]!.membershipId]);
    expect((await notificationsOf(target.agents[0]!.membershipId)).map((n) => [n.kind, n.excerpt, n.actorMembershipId])).toEqual([["transferred", "Billing question", agents[1]!.membershipId]]);
    expect(group.id).not.toBe(target.group.id);
  });

  it("a supervisor assigning to themselves is not notified", async () => {
    const { group, channel } = await desk(0);
    const db = await getDb();
    const { skillGroupMembers } = await import("@/db/schema");
    await db.insert(skillGroupMembers).values({ orgId: f.org.id, skillGroupId: group.id, membershipId: f.as.admin.membershipId! });
    await deliver(channel, [{ psid: "self" }]);
    const c = await conversationOf(channel.id, "self");
    await assignConversation({ ctx: f.as.admin, conversationId: c.id, input: { membershipId: f.as.admin.membershipId! } });
    expect(await notificationsOf(f.as.admin.membershipId!)).toEqual([]);
  });

  it("only the member reads and marks their own notifications; another member's id is not found", async () => {
    const { agents, channel } = await desk(2);
    await deliver(channel, [{ psid: "r1" }, { psid: "r2" }]);
    for (const psid of ["r1", "r2"]) {
      const c = await conversationOf(channel.id, psid);
      await assignConversation({ ctx: f.as.owner, conversationId: c.id, input: { membershipId: agents[0]!.membershipId } });
    }
    const mine = await listMyNotifications({ ctx: agents[0]!.ctx });
    expect(mine.unread).toBe(2);
    expect(mine.items.map((n) => [n.kind, n.contactLabel, n.actorName !== null])).toEqual([
      ["assigned", "r2", true],
      ["assigned", "r1", true],
    ]);
    expect(await listMyNotifications({ ctx: agents[1]!.ctx })).toEqual({ items: [], unread: 0 });

    await expect(markNotificationsRead({ ctx: agents[1]!.ctx, input: { ids: [mine.items[0]!.id] } })).rejects.toBeInstanceOf(NotFoundError);
    await expect(markNotificationsRead({ ctx: other.as.owner, input: { all: true } })).resolves.toEqual({ marked: 0 });
    expect((await listMyNotifications({ ctx: agents[0]!.ctx })).unread).toBe(2);

    expect(await markNotificationsRead({ ctx: agents[0]!.ctx, input: { ids: [mine.items[0]!.id] } })).toEqual({ marked: 1 });
    const after = await listMyNotifications({ ctx: agents[0]!.ctx });
    expect(after.unread).toBe(1);
    expect(after.items[0]!.readAt).not.toBeNull();
    expect(await markNotificationsRead({ ctx: agents[0]!.ctx, input: { all: true } })).toEqual({ marked: 1 });
    expect((await listMyNotifications({ ctx: agents[0]!.ctx })).unread).toBe(0);
    await expect(markNotificationsRead({ ctx: agents[0]!.ctx, input: { ids: ["not-a-uuid"] } })).rejects.toMatchObject({ status: 422 });
  });
});

describe("pending", () => {
  it("marks an open conversation pending (a status_changed activity), keeps its agent; the person's next message opens it again", async () => {
    const { agents, channel } = await desk(1);
    await deliver(channel, [{ psid: "p1" }]);
    const c = await conversationOf(channel.id, "p1");
    await claimConversation({ ctx: agents[0]!.ctx, conversationId: c.id });
    const result = await setConversationPending({ ctx: agents[0]!.ctx, conversationId: c.id });
    expect(result.conversation).toMatchObject({ status: "pending", assigneeMembershipId: agents[0]!.membershipId });
    const db = await getDb();
    const last = await db.select().from(conversationActivities).where(eq(conversationActivities.conversationId, c.id)).orderBy(asc(conversationActivities.createdAt));
    expect(last.at(-1)).toMatchObject({ kind: "status_changed", fromStatus: "open", toStatus: "pending", actorMembershipId: agents[0]!.membershipId });
    expect((await setConversationPending({ ctx: agents[0]!.ctx, conversationId: c.id })).events).toEqual([]);
    await deliver(channel, [{ psid: "p1" }]);
    expect(await conversationOf(channel.id, "p1")).toMatchObject({ status: "open", assigneeMembershipId: agents[0]!.membershipId });
  });

  it("refuses a resolved conversation; another organisation's is not found; a marketer outside the group is not found", async () => {
    const { agents, channel } = await desk(1);
    await deliver(channel, [{ psid: "p2" }]);
    const c = await conversationOf(channel.id, "p2");
    const { resolveConversation } = await import("./index");
    await resolveConversation({ ctx: agents[0]!.ctx, conversationId: c.id });
    await expect(setConversationPending({ ctx: agents[0]!.ctx, conversationId: c.id })).rejects.toBeInstanceOf(ConflictError);
    await expect(setConversationPending({ ctx: other.as.owner, conversationId: c.id })).rejects.toBeInstanceOf(NotFoundError);
    await expect(setConversationPending({ ctx: f.as.marketer, conversationId: c.id })).rejects.toBeInstanceOf(NotFoundError);
  });
});

describe("the desk state the header shows", () => {
  it("lists the group's agents with presence and load, and only the actions the member may take", async () => {
    const { agents, channel } = await desk(2, { autoAssign: false, maxOpenPerAgent: 3 });
    await setPresence({ ctx: agents[0]!.ctx, input: { status: "online" } });
    await deliver(channel, [{ psid: "s1" }]);
    const c = await conversationOf(channel.id, "s1");
    const asAgent = await getDeskState({ ctx: agents[1]!.ctx, conversationId: c.id });
    expect(asAgent.can).toEqual({ claim: true, assign: false, transfer: true, resolve: true, reopen: false, pending: true });
    expect(asAgent.queued).toBe(true);
    const asAdmin = await getDeskState({ ctx: f.as.admin, conversationId: c.id });
    expect(asAdmin.can.assign).toBe(true);
    expect(asAdmin.skillGroups.find((g) => g.id === c.skillGroupId)?.cap).toBe(3);
    expect(asAdmin.agents.find((a) => a.membershipId === agents[0]!.membershipId)).toMatchObject({ presence: "online", load: 0 });
    const asMarketer = await getDeskState({ ctx: f.as.marketer, conversationId: c.id });
    expect(asMarketer.can).toEqual({ claim: false, assign: false, transfer: false, resolve: false, reopen: false, pending: false });
    await expect(getDeskState({ ctx: other.as.owner, conversationId: c.id })).rejects.toBeInstanceOf(NotFoundError);
  });
});

describe("presence: heartbeat, idle sweep and the queue sweep", () => {
  it("activity brings an idle-away agent back online; the sweep marks idle agents away, never a manual choice", async () => {
    const { agents } = await desk(2);
    const t0 = new Date("2030-01-01T10:00:00Z");
    await recordActivity({ ctx: agents[0]!.ctx, now: t0 });
    await setPresence({ ctx: agents[1]!.ctx, input: { status: "offline" } });
    expect((await getMyPresence({ ctx: agents[0]!.ctx })).status).toBe("online");
    const { events } = await markIdleAgentsAway({ now: new Date(t0.getTime() + 6 * 60_000) });
    expect(events).toContainEqual({ type: "presence.changed", orgId: f.org.id, membershipId: agents[0]!.membershipId, status: "away" });
    expect((await getMyPresence({ ctx: agents[0]!.ctx })).status).toBe("away");
    expect((await getMyPresence({ ctx: agents[1]!.ctx })).status).toBe("offline");
    await recordActivity({ ctx: agents[0]!.ctx, now: new Date(t0.getTime() + 7 * 60_000) });
    expect((await getMyPresence({ ctx: agents[0]!.ctx })).status).toBe("online");
  });

  it("the per-minute sweep is served and drains a queue an online agent has room for", async () => {
    expect(functions).toContain(deskSweep);
    const { agents, channel, group } = await desk(1, { autoAssign: false });
    await deliver(channel, [{ psid: "q1" }, { psid: "q2" }]);
    await setPresence({ ctx: agents[0]!.ctx, input: { status: "online" } });
    // Auto-assign turned on behind the engine's back (as a drain lost to a crash would leave it): only the sweep assigns now.
    const db = await getDb();
    const { skillGroupRouting } = await import("@/db/schema");
    await db.update(skillGroupRouting).set({ autoAssign: true }).where(eq(skillGroupRouting.skillGroupId, group.id));
    await db.update(agentPresence).set({ lastActivityAt: new Date() }).where(eq(agentPresence.membershipId, agents[0]!.membershipId));
    const { result } = await new InngestTestEngine({ function: deskSweep, events: [{ name: "inngest/scheduled.timer", data: {} }] }).execute();
    expect(result).toMatchObject({ assigned: 2 });
    expect((await conversationOf(channel.id, "q1")).assigneeMembershipId).toBe(agents[0]!.membershipId);
    expect((await conversationOf(channel.id, "q2")).assigneeMembershipId).toBe(agents[0]!.membershipId);
    expect((await notificationsOf(agents[0]!.membershipId)).map((n) => [n.kind, n.actorMembershipId])).toEqual([
      ["assigned", null],
      ["assigned", null],
    ]);
  });
});
