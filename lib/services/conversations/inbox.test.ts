import { eq, inArray } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { contacts, conversations, skillGroupMembers } from "@/db/schema";
import { NotFoundError, ValidationError } from "@/lib/errors";
import { createLabel, setConversationLabels } from "@/lib/services/labels";
import { buildContext, type OrgContext } from "@/lib/tenancy/context";
import { useTestDatabase } from "@/tests/db";
import { createChannelFor, createSkillGroupWithAgents, deliver } from "@/tests/desk";
import { createOrgFixture, type OrgFixture } from "@/tests/fixtures";
import { countConversationViews } from "./count-conversation-views";
import { listConversations } from "./list-conversations";
import type { ConversationListInput } from "./schemas";

useTestDatabase();

let a: OrgFixture;
let b: OrgFixture;
/** An agent of the Support group (its channel "Shop"); the Sales group answers "Outlet". */
let agent: OrgContext;
let agentId: string;
let otherAgentId: string;
let supportGroupId: string;
let salesGroupId: string;
let shopId: string;
let outletId: string;
const ids: Record<string, string> = {};
let vipLabelId: string;

beforeAll(async () => {
  a = await createOrgFixture("Inbox A");
  b = await createOrgFixture("Inbox B");
  const support = await createSkillGroupWithAgents(a.org, 2, "Support");
  const sales = await createSkillGroupWithAgents(a.org, 1, "Sales");
  supportGroupId = support.group.id;
  salesGroupId = sales.group.id;
  [agentId, otherAgentId] = support.agents.map((x) => x.membershipId);
  agent = support.agents[0].ctx;
  const shop = await createChannelFor(a.org.id, supportGroupId);
  const outlet = await createChannelFor(a.org.id, salesGroupId);
  shopId = shop.id;
  outletId = outlet.id;
  // Shop: four people; Outlet: one. Oldest first, so the list shows them newest first.
  await deliver(shop, [{ psid: "s-queued", text: "我想申请退款，订单号 A-1042" }]);
  await deliver(shop, [{ psid: "s-mine", text: "Where is my parcel?" }]);
  await deliver(shop, [{ psid: "s-other", text: "Do you ship to Spain?" }]);
  await deliver(shop, [{ psid: "s-resolved", text: "Thanks, all good 100% _done_" }]);
  await deliver(outlet, [{ psid: "o-queued", text: "REFUND please" }]);
  const db = await getDb();
  const rows = await db.select({ id: conversations.id, psid: contacts.psid, contactId: contacts.id }).from(conversations).innerJoin(contacts, eq(contacts.id, conversations.contactId)).where(eq(conversations.orgId, a.org.id));
  for (const r of rows) ids[r.psid] = r.id;
  const contactOf = (psid: string) => rows.find((r) => r.psid === psid)!.contactId;
  await db.update(contacts).set({ firstName: "小明", lastName: "王" }).where(eq(contacts.id, contactOf("s-queued")));
  await db.update(contacts).set({ firstName: "Ada", lastName: "Lovelace" }).where(eq(contacts.id, contactOf("s-mine")));
  // The desk states, set directly so each view's contents are known.
  const set = (psid: string, values: Partial<typeof conversations.$inferInsert>) => db.update(conversations).set(values).where(eq(conversations.id, ids[psid]));
  await set("s-queued", { status: "open", assigneeMembershipId: null, skillGroupId: supportGroupId, queuedAt: new Date(Date.now() - 5 * 60_000) });
  await set("s-mine", { status: "open", assigneeMembershipId: agentId, skillGroupId: supportGroupId, queuedAt: null });
  await set("s-other", { status: "pending", assigneeMembershipId: otherAgentId, skillGroupId: supportGroupId, queuedAt: null });
  await set("s-resolved", { status: "resolved", assigneeMembershipId: null, skillGroupId: supportGroupId, queuedAt: null });
  await set("o-queued", { status: "open", assigneeMembershipId: null, skillGroupId: salesGroupId, queuedAt: new Date() });
  vipLabelId = (await createLabel({ ctx: a.as.admin, input: { name: "VIP", color: "amber" } })).id;
  await setConversationLabels({ ctx: a.as.owner, conversationId: ids["s-mine"], input: { labelIds: [vipLabelId] } });
  await setConversationLabels({ ctx: a.as.owner, conversationId: ids["o-queued"], input: { labelIds: [vipLabelId] } });
});

const psids = async (ctx: OrgContext, input: ConversationListInput = {}) => (await listConversations({ ctx, input: { limit: 100, ...input } })).data.map((c) => c.psid);

describe("the inbox's views", () => {
  it("an agent's All is their skill groups' channels; Mine is theirs; Unassigned is their groups' queue", async () => {
    expect(await psids(agent)).toEqual(["s-resolved", "s-other", "s-mine", "s-queued"]);
    expect(await psids(agent, { view: "mine" })).toEqual(["s-mine"]);
    expect(await psids(agent, { view: "unassigned" })).toEqual(["s-queued"]);
  });

  it("a supervisor (conversations.assign) sees every queue; a marketer sees every channel but claims from none of their own", async () => {
    expect(await psids(a.as.admin)).toEqual(["o-queued", "s-resolved", "s-other", "s-mine", "s-queued"]);
    expect(await psids(a.as.admin, { view: "unassigned" })).toEqual(["o-queued", "s-queued"]);
    expect(await psids(a.as.admin, { view: "mine" })).toEqual([]);
    expect(await psids(a.as.marketer, { view: "unassigned" })).toEqual([]);
  });

  it("counts each view in one call, and the counts match the lists, for every actor and under a filter", async () => {
    for (const ctx of [agent, a.as.admin, a.as.marketer, a.as.agent, b.as.owner]) {
      for (const filters of [{}, { status: "open" as const }, { q: "refund" }, { labelId: vipLabelId }]) {
        const counts = await countConversationViews({ ctx, input: filters });
        expect(counts).toEqual({
          mine: (await psids(ctx, { ...filters, view: "mine" })).length,
          unassigned: (await psids(ctx, { ...filters, view: "unassigned" })).length,
          all: (await psids(ctx, { ...filters, view: "all" })).length,
        });
      }
    }
    expect(await countConversationViews({ ctx: agent })).toEqual({ mine: 1, unassigned: 1, all: 4 });
    expect(await countConversationViews({ ctx: a.as.admin })).toEqual({ mine: 0, unassigned: 2, all: 5 });
  });

  it("an API key's Mine is its creator's", async () => {
    const db = await getDb();
    const [member] = await db.select().from(skillGroupMembers).where(eq(skillGroupMembers.membershipId, agentId));
    expect(member).toBeDefined();
    const userId = agent.actor.id!;
    const key = buildContext({ org: a.org, actor: { type: "api_key", id: "k", label: "key", onBehalfOf: userId }, role: "agent", membershipId: null });
    expect(await psids(key, { view: "mine" })).toEqual(["s-mine"]);
    expect(await psids(key, { view: "unassigned" })).toEqual(["s-queued"]);
    expect(await psids(key, { assigneeMembershipId: "me" })).toEqual(["s-mine"]);
  });

  it("another organisation sees none of it", async () => {
    expect(await psids(b.as.owner)).toEqual([]);
    expect(await countConversationViews({ ctx: b.as.owner })).toEqual({ mine: 0, unassigned: 0, all: 0 });
  });
});

describe("the inbox's filters", () => {
  it("status", async () => {
    expect(await psids(a.as.admin, { status: "open" })).toEqual(["o-queued", "s-mine", "s-queued"]);
    expect(await psids(a.as.admin, { status: "pending" })).toEqual(["s-other"]);
    expect(await psids(a.as.admin, { status: "resolved" })).toEqual(["s-resolved"]);
  });

  it("channel and skill group (an agent filtering on a channel they cannot see gets nothing)", async () => {
    expect(await psids(a.as.admin, { channelId: outletId })).toEqual(["o-queued"]);
    expect(await psids(agent, { channelId: outletId })).toEqual([]);
    expect(await psids(a.as.admin, { skillGroupId: salesGroupId })).toEqual(["o-queued"]);
    expect(await psids(a.as.admin, { skillGroupId: supportGroupId, channelId: shopId })).toHaveLength(4);
  });

  it("assignee: a member, me, or nobody", async () => {
    expect(await psids(a.as.admin, { assigneeMembershipId: otherAgentId })).toEqual(["s-other"]);
    expect(await psids(agent, { assigneeMembershipId: "me" })).toEqual(["s-mine"]);
    expect(await psids(a.as.admin, { assigneeMembershipId: "none" })).toEqual(["o-queued", "s-resolved", "s-queued"]);
  });

  it("label, with the rows' label chips and assignee", async () => {
    const { data } = await listConversations({ ctx: a.as.admin, input: { labelId: vipLabelId } });
    expect(data.map((c) => c.psid)).toEqual(["o-queued", "s-mine"]);
    expect(data[1]).toMatchObject({ labels: [{ id: vipLabelId, name: "VIP", color: "amber" }], assigneeName: "Agent 0", status: "open" });
    expect(data[0].queuedAt).not.toBeNull();
  });

  it("bad values answer a validation error that names the field", async () => {
    for (const input of [{ view: "everything" }, { status: "closed" }, { channelId: "x" }, { assigneeMembershipId: "someone" }, { labelId: "1" }, { q: "x".repeat(101) }]) {
      const error = await listConversations({ ctx: a.as.admin, input: input as ConversationListInput }).catch((e) => e);
      expect(error, JSON.stringify(input)).toBeInstanceOf(ValidationError);
      expect((error as ValidationError).message).toContain(Object.keys(input)[0]);
    }
  });

  it("keyset pages under a filter", async () => {
    const first = await listConversations({ ctx: a.as.admin, input: { status: "open", limit: 2 } });
    expect(first.data.map((c) => c.psid)).toEqual(["o-queued", "s-mine"]);
    const rest = await listConversations({ ctx: a.as.admin, input: { status: "open", limit: 2, cursor: first.nextCursor! } });
    expect(rest.data.map((c) => c.psid)).toEqual(["s-queued"]);
    expect(rest.nextCursor).toBeNull();
    await expect(listConversations({ ctx: b.as.owner, input: { cursor: ids["s-mine"] } })).rejects.toBeInstanceOf(NotFoundError);
  });
});

describe("the inbox's search", () => {
  it("finds Chinese in message text and in the contact's name, with the matching message as the snippet", async () => {
    const { data } = await listConversations({ ctx: agent, input: { q: "退款" } });
    expect(data.map((c) => c.psid)).toEqual(["s-queued"]);
    expect(data[0].matchSnippet).toBe("我想申请退款，订单号 A-1042");
    expect(await psids(agent, { q: "小明" })).toEqual(["s-queued"]);
    expect(await psids(agent, { q: "王" })).toEqual(["s-queued"]);
    expect((await listConversations({ ctx: agent, input: { q: "小明" } })).data[0].matchSnippet).toBeNull();
  });

  it("finds English in any case, in text and names, only within the actor's scope", async () => {
    expect(await psids(a.as.admin, { q: "refund" })).toEqual(["o-queued"]);
    expect(await psids(agent, { q: "refund" })).toEqual([]);
    expect(await psids(agent, { q: "PARCEL" })).toEqual(["s-mine"]);
    expect(await psids(agent, { q: "ada love" })).toEqual(["s-mine"]);
    expect(await psids(agent, { q: "  spain " })).toEqual(["s-other"]);
    expect(await psids(agent, { q: "s-resolved" })).toEqual(["s-resolved"]);
    expect(await psids(agent, { q: "nobody wrote this" })).toEqual([]);
  });

  it("takes % and _ literally", async () => {
    expect(await psids(agent, { q: "100%" })).toEqual(["s-resolved"]);
    expect(await psids(agent, { q: "%" })).toEqual(["s-resolved"]);
    expect(await psids(agent, { q: "_done_" })).toEqual(["s-resolved"]);
    expect(await psids(agent, { q: "_" })).toEqual(["s-resolved"]);
  });

  it("combines with a view and the counts", async () => {
    expect(await psids(a.as.admin, { q: "refund", view: "unassigned" })).toEqual(["o-queued"]);
    expect(await countConversationViews({ ctx: agent, input: { q: "退款" } })).toEqual({ mine: 0, unassigned: 1, all: 1 });
  });
});

it("every conversation of the fixture is in organisation A", async () => {
  const db = await getDb();
  const rows = await db.select({ orgId: conversations.orgId }).from(conversations).where(inArray(conversations.id, Object.values(ids)));
  expect(new Set(rows.map((r) => r.orgId))).toEqual(new Set([a.org.id]));
});
