/**
 * Private notes: stored, shown in the thread between the messages, never sent to Meta; @mentions notify the
 * members who may see the conversation, and nobody else (without saying so to the author).
 */
import { and, eq } from "drizzle-orm";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { getDatabase, getDb } from "@/db/client";
import { contacts, conversations, memberNotifications } from "@/db/schema";
import { ForbiddenError, NotFoundError, ValidationError } from "@/lib/errors";
import { RealtimeHub, type RealtimeEvent } from "@/lib/realtime";
import { send } from "@/lib/graph/transport";
import { assignConversation, resolveConversation, transferConversation } from "@/lib/services/routing";
import { useTestDatabase } from "@/tests/db";
import { createChannelFor, createSkillGroupWithAgents, deliver } from "@/tests/desk";
import { createOrgFixture, type OrgFixture } from "@/tests/fixtures";
import { addConversationNote, deleteConversationNote, getConversation, listConversationNotes, listMentionableMembers } from "./index";
import { mentionToken } from "./mentions";

// Every Graph call goes through the transport: counting its calls shows a note never reaches Meta.
vi.mock("@/lib/graph/transport", async (original) => {
  const actual = await original<typeof import("@/lib/graph/transport")>();
  return { ...actual, send: vi.fn(actual.send) };
});

useTestDatabase();

let f: OrgFixture;
let other: OrgFixture;
let desk: Awaited<ReturnType<typeof createSkillGroupWithAgents>>;
let outsider: Awaited<ReturnType<typeof createSkillGroupWithAgents>>["agents"][number];
let conversationId: string;
let channelId: string;

beforeAll(async () => {
  f = await createOrgFixture();
  other = await createOrgFixture();
  desk = await createSkillGroupWithAgents(f.org, 2, "Sales");
  outsider = (await createSkillGroupWithAgents(f.org, 1, "Support")).agents[0]!;
  const channel = await createChannelFor(f.org.id, desk.group.id);
  channelId = channel.id;
  await deliver(channel, [{ psid: "n1", text: "Where is my order?" }]);
  const db = await getDb();
  const [row] = await db
    .select({ id: conversations.id })
    .from(conversations)
    .innerJoin(contacts, eq(contacts.id, conversations.contactId))
    .where(and(eq(contacts.channelId, channel.id), eq(contacts.psid, "n1")));
  conversationId = row!.id;
});

const [alice, bob] = [0, 1];
const agent = (i: number) => desk.agents[i]!;

async function notificationsOf(membershipId: string) {
  const db = await getDb();
  return db.select().from(memberNotifications).where(eq(memberNotifications.membershipId, membershipId));
}

describe("adding a note", () => {
  afterEach(() => vi.mocked(send).mockClear());

  it("stores it with its author, notifies each mentioned member who may see the conversation, and calls no Graph API", async () => {
    const body = `${mentionToken("Agent 1", agent(bob).membershipId)} and ${mentionToken("Admin", f.as.admin.membershipId!)}: the refund is approved`;
    const note = await addConversationNote({ ctx: agent(alice).ctx, conversationId, input: { body } });
    expect(note).toMatchObject({ body, authorMembershipId: agent(alice).membershipId, authorName: "Agent 0" });
    expect(note.mentionedMembershipIds.sort()).toEqual([agent(bob).membershipId, f.as.admin.membershipId].sort());
    expect(vi.mocked(send)).not.toHaveBeenCalled();

    const [forBob] = await notificationsOf(agent(bob).membershipId);
    expect(forBob).toMatchObject({ kind: "mention", conversationId, noteId: note.id, actorMembershipId: agent(alice).membershipId, readAt: null, excerpt: "@Agent 1 and @Admin: the refund is approved" });
    expect(await notificationsOf(f.as.admin.membershipId!)).toHaveLength(1);
  });

  it("ignores, without an error, mentions of members who cannot see the conversation, of another organisation, or made up", async () => {
    const made = "01900000-0000-7000-8000-000000000000";
    const body = [mentionToken("Outsider", outsider.membershipId), mentionToken("B", other.as.agent.membershipId!), mentionToken("Nobody", made), "please look"].join(" ");
    const note = await addConversationNote({ ctx: agent(alice).ctx, conversationId, input: { body } });
    expect(note.mentionedMembershipIds).toEqual([]);
    expect(await notificationsOf(outsider.membershipId)).toEqual([]);
    expect(await notificationsOf(other.as.agent.membershipId!)).toEqual([]);
  });

  it("does not notify the author of their own mention", async () => {
    const before = (await notificationsOf(agent(alice).membershipId)).length;
    const note = await addConversationNote({ ctx: agent(alice).ctx, conversationId, input: { body: `${mentionToken("Me", agent(alice).membershipId)} reminder` } });
    expect(note.mentionedMembershipIds).toEqual([agent(alice).membershipId]);
    expect(await notificationsOf(agent(alice).membershipId)).toHaveLength(before);
  });

  it("refuses an empty or too long body with a clear message", async () => {
    await expect(addConversationNote({ ctx: agent(alice).ctx, conversationId, input: { body: "   " } })).rejects.toThrow("body: Note is required.");
    await expect(addConversationNote({ ctx: agent(alice).ctx, conversationId, input: {} })).rejects.toBeInstanceOf(ValidationError);
    await expect(addConversationNote({ ctx: agent(alice).ctx, conversationId, input: { body: "x".repeat(2001) } })).rejects.toThrow("body: Note must be at most 2000 characters.");
  });

  it("another organisation's member, or an agent of another skill group, finds no such conversation", async () => {
    await expect(addConversationNote({ ctx: other.as.owner, conversationId, input: { body: "hi" } })).rejects.toBeInstanceOf(NotFoundError);
    await expect(addConversationNote({ ctx: outsider.ctx, conversationId, input: { body: "hi" } })).rejects.toBeInstanceOf(NotFoundError);
    await expect(listConversationNotes({ ctx: other.as.admin, conversationId })).rejects.toBeInstanceOf(NotFoundError);
  });
});

describe("live events", () => {
  const hubs: RealtimeHub[] = [];
  afterEach(async () => {
    await Promise.all(hubs.splice(0).map((hub) => hub.close()));
  });
  function stream(hub: RealtimeHub, membershipId: string | null) {
    const received: RealtimeEvent[] = [];
    // Accepts everything (as an owner's stream does): the hub alone keeps others' notifications away.
    const unsubscribe = hub.subscribe({ orgId: f.org.id, userId: membershipId ?? "key", membershipId, accepts: () => true, deliver: (events) => received.push(...events) });
    return { received, unsubscribe };
  }

  it("the conversation's streams hear of the note; only the mentioned member hears of their notification", async () => {
    const handle = await getDatabase();
    const hub = new RealtimeHub((channel, onPayload) => handle.listen(channel, onPayload));
    hubs.push(hub);
    const bobs = stream(hub, agent(bob).membershipId);
    const owners = stream(hub, f.as.owner.membershipId!);
    const keys = stream(hub, null);
    await Promise.all([bobs.unsubscribe, owners.unsubscribe, keys.unsubscribe]);
    await addConversationNote({ ctx: agent(alice).ctx, conversationId, input: { body: `${mentionToken("Bob", agent(bob).membershipId)} over to you` } });
    const deadline = Date.now() + 3000;
    while (bobs.received.length < 2 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    await new Promise((r) => setTimeout(r, 200));
    expect(bobs.received.map((e) => e.type).sort()).toEqual(["note.created", "notification.created"]);
    expect(bobs.received.find((e) => e.type === "notification.created")).toMatchObject({ membershipId: agent(bob).membershipId, conversationId });
    expect(bobs.received.find((e) => e.type === "note.created")).toMatchObject({ conversationId, channelId });
    expect(owners.received.map((e) => e.type)).toEqual(["note.created"]);
    expect(keys.received.map((e) => e.type)).toEqual(["note.created"]);
  });
});

describe("the @ picker", () => {
  it("offers the members who may see the conversation (not the actor), matching the query", async () => {
    const names = (await listMentionableMembers({ ctx: agent(alice).ctx, conversationId })).map((m) => m.membershipId);
    expect(names).toContain(agent(bob).membershipId);
    expect(names).toContain(f.as.owner.membershipId);
    expect(names).toContain(f.as.marketer.membershipId);
    expect(names).not.toContain(agent(alice).membershipId);
    expect(names).not.toContain(outsider.membershipId);
    // The fixture's plain agent is in no skill group: it does not see this channel.
    expect(names).not.toContain(f.as.agent.membershipId);
    expect((await listMentionableMembers({ ctx: agent(alice).ctx, conversationId, q: "agent 1" })).map((m) => m.membershipId)).toEqual([agent(bob).membershipId]);
  });

  it("another organisation finds no such conversation", async () => {
    await expect(listMentionableMembers({ ctx: other.as.owner, conversationId })).rejects.toBeInstanceOf(NotFoundError);
  });
});

describe("deleting a note", () => {
  it("its author may, a supervisor may, another agent may not", async () => {
    const first = await addConversationNote({ ctx: agent(alice).ctx, conversationId, input: { body: "mine" } });
    await expect(deleteConversationNote({ ctx: agent(bob).ctx, conversationId, noteId: first.id })).rejects.toBeInstanceOf(ForbiddenError);
    await deleteConversationNote({ ctx: agent(alice).ctx, conversationId, noteId: first.id });
    const second = await addConversationNote({ ctx: agent(alice).ctx, conversationId, input: { body: "also mine" } });
    await deleteConversationNote({ ctx: f.as.admin, conversationId, noteId: second.id });
    const left = (await listConversationNotes({ ctx: f.as.admin, conversationId })).map((n) => n.id);
    expect(left).not.toContain(first.id);
    expect(left).not.toContain(second.id);
    await expect(deleteConversationNote({ ctx: other.as.owner, conversationId, noteId: second.id })).rejects.toBeInstanceOf(NotFoundError);
  });
});

describe("the timeline", () => {
  it("getConversation returns notes and desk events with names, in time order", async () => {
    await assignConversation({ ctx: f.as.admin, conversationId, input: { membershipId: agent(alice).membershipId } });
    await transferConversation({ ctx: agent(alice).ctx, conversationId, input: { membershipId: agent(bob).membershipId, memo: "VIP, speaks French" } });
    await addConversationNote({ ctx: agent(bob).ctx, conversationId, input: { body: "on it" } });
    await resolveConversation({ ctx: agent(bob).ctx, conversationId });
    const detail = await getConversation({ ctx: agent(bob).ctx, conversationId });
    expect(detail.notes.at(-1)).toMatchObject({ body: "on it", authorName: "Agent 1" });
    const tail = detail.activities.slice(-3);
    expect(tail.map((a) => a.kind)).toEqual(["assigned", "transferred", "resolved"]);
    expect(tail[0]).toMatchObject({ actor: "member", actorName: expect.stringMatching(/^admin /), toName: "Agent 0" });
    expect(tail[1]).toMatchObject({ actorName: "Agent 0", toName: "Agent 1", memo: "VIP, speaks French" });
    expect(tail[2]).toMatchObject({ actorName: "Agent 1" });
    const times = [...detail.activities.map((a) => a.at), ...detail.notes.map((n) => n.createdAt)];
    expect(Date.parse(detail.notes.at(-1)!.createdAt)).toBeGreaterThan(Date.parse(tail[1]!.at));
    expect(Date.parse(detail.notes.at(-1)!.createdAt)).toBeLessThan(Date.parse(tail[2]!.at));
    expect(times.every((t) => !Number.isNaN(Date.parse(t)))).toBe(true);
  });
});
