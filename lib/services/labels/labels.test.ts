import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDatabase, getDb } from "@/db/client";
import { RealtimeHub, type RealtimeEvent } from "@/lib/realtime";
import { auditLog, contacts, conversations } from "@/db/schema";
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from "@/lib/errors";
import { useTestDatabase } from "@/tests/db";
import { createChannelFor, createSkillGroupWithAgents, deliver } from "@/tests/desk";
import { createOrgFixture, type OrgFixture } from "@/tests/fixtures";
import type { OrgContext } from "@/lib/tenancy/context";
import { createLabel, deleteLabel, listLabels, setConversationLabels, updateLabel } from ".";

useTestDatabase();

let a: OrgFixture;
let b: OrgFixture;
let agent: OrgContext;
let shopConversation: string;
/** A conversation of a channel the agent's skill group does not answer. */
let outletConversation: string;

async function conversationOf(orgId: string, psid: string) {
  const db = await getDb();
  const [row] = await db.select({ id: conversations.id }).from(conversations).innerJoin(contacts, eq(contacts.id, conversations.contactId)).where(and(eq(conversations.orgId, orgId), eq(contacts.psid, psid)));
  return row!.id;
}

beforeAll(async () => {
  a = await createOrgFixture("Labels A");
  b = await createOrgFixture("Labels B");
  const support = await createSkillGroupWithAgents(a.org, 1, "Support");
  const sales = await createSkillGroupWithAgents(a.org, 1, "Sales");
  agent = support.agents[0].ctx;
  const shop = await createChannelFor(a.org.id, support.group.id);
  const outlet = await createChannelFor(a.org.id, sales.group.id);
  await deliver(shop, [{ psid: "l-shop" }]);
  await deliver(outlet, [{ psid: "l-outlet" }]);
  shopConversation = await conversationOf(a.org.id, "l-shop");
  outletConversation = await conversationOf(a.org.id, "l-outlet");
});

async function auditActions(orgId: string, resourceId: string) {
  const db = await getDb();
  return (await db.select({ action: auditLog.action }).from(auditLog).where(and(eq(auditLog.orgId, orgId), eq(auditLog.resourceId, resourceId)))).map((r) => r.action);
}

describe("label management", () => {
  it("creates, lists by name, renames, recolours and deletes, with an audit row for each", async () => {
    const refund = await createLabel({ ctx: a.as.admin, input: { name: " 退款 ", color: "red", description: "客户要求退款" } });
    expect(refund).toMatchObject({ name: "退款", color: "red", description: "客户要求退款", conversationCount: 0 });
    const bug = await createLabel({ ctx: a.as.owner, input: { name: "bug" } });
    expect(bug.color).toBe("zinc");
    expect((await listLabels({ ctx: agent })).map((l) => l.name)).toEqual(["bug", "退款"]);
    const renamed = await updateLabel({ ctx: a.as.admin, labelId: bug.id, input: { name: "Bug report", color: "blue" } });
    expect(renamed).toMatchObject({ name: "Bug report", color: "blue", description: "" });
    await deleteLabel({ ctx: a.as.admin, labelId: bug.id });
    expect((await listLabels({ ctx: a.as.admin })).map((l) => l.name)).toEqual(["退款"]);
    expect((await auditActions(a.org.id, bug.id)).sort()).toEqual(["label.created", "label.deleted", "label.updated"]);
  });

  it("refuses a name the organisation already has, regardless of case, with a clear conflict; another organisation may reuse it", async () => {
    await createLabel({ ctx: a.as.admin, input: { name: "VIP" } });
    const error = await createLabel({ ctx: a.as.admin, input: { name: "vip" } }).catch((e) => e);
    expect(error).toBeInstanceOf(ConflictError);
    expect((error as ConflictError).message).toBe('A label named "vip" already exists (names are compared regardless of case).');
    const other = await createLabel({ ctx: a.as.admin, input: { name: "Other" } });
    await expect(updateLabel({ ctx: a.as.admin, labelId: other.id, input: { name: "Vip" } })).rejects.toBeInstanceOf(ConflictError);
    await expect(createLabel({ ctx: b.as.owner, input: { name: "vip" } })).resolves.toMatchObject({ name: "vip" });
  });

  it("validates name, colour and the update's fields", async () => {
    for (const input of [{ name: "" }, { name: "x".repeat(41) }, { name: "Ok", color: "black" }]) {
      await expect(createLabel({ ctx: a.as.admin, input })).rejects.toBeInstanceOf(ValidationError);
    }
    const label = await createLabel({ ctx: a.as.admin, input: { name: "Colour" } });
    await expect(updateLabel({ ctx: a.as.admin, labelId: label.id, input: {} })).rejects.toBeInstanceOf(ValidationError);
  });

  it("is refused to marketers and agents; another organisation's label is not found", async () => {
    const label = await createLabel({ ctx: a.as.admin, input: { name: "Refusals" } });
    for (const ctx of [a.as.marketer, a.as.agent]) {
      await expect(createLabel({ ctx, input: { name: "Nope" } })).rejects.toBeInstanceOf(ForbiddenError);
      await expect(updateLabel({ ctx, labelId: label.id, input: { name: "Nope" } })).rejects.toBeInstanceOf(ForbiddenError);
      await expect(deleteLabel({ ctx, labelId: label.id })).rejects.toBeInstanceOf(ForbiddenError);
    }
    await expect(updateLabel({ ctx: b.as.owner, labelId: label.id, input: { name: "Mine now" } })).rejects.toBeInstanceOf(NotFoundError);
    await expect(deleteLabel({ ctx: b.as.owner, labelId: label.id })).rejects.toBeInstanceOf(NotFoundError);
    expect((await listLabels({ ctx: b.as.owner })).map((l) => l.name)).not.toContain("Refusals");
  });
});

describe("setConversationLabels", () => {
  it("replaces the set, counts it on the label, and a deleted label leaves the conversation", async () => {
    const gold = await createLabel({ ctx: a.as.admin, input: { name: "Gold", color: "amber" } });
    const urgent = await createLabel({ ctx: a.as.admin, input: { name: "Urgent", color: "red" } });
    expect(await setConversationLabels({ ctx: agent, conversationId: shopConversation, input: { labelIds: [urgent.id, gold.id, gold.id] } })).toEqual([
      { id: gold.id, name: "Gold", color: "amber" },
      { id: urgent.id, name: "Urgent", color: "red" },
    ]);
    expect((await listLabels({ ctx: agent })).find((l) => l.id === gold.id)?.conversationCount).toBe(1);
    expect(await setConversationLabels({ ctx: agent, conversationId: shopConversation, input: { labelIds: [urgent.id] } })).toEqual([{ id: urgent.id, name: "Urgent", color: "red" }]);
    await deleteLabel({ ctx: a.as.admin, labelId: urgent.id });
    expect(await setConversationLabels({ ctx: agent, conversationId: shopConversation, input: { labelIds: [] } })).toEqual([]);
  });

  it("tells open dashboards once per change (with the channel, so only those who see it hear it), never for no change", async () => {
    const handle = await getDatabase();
    const hub = new RealtimeHub((channel, onPayload) => handle.listen(channel, onPayload));
    const heard: RealtimeEvent[] = [];
    await hub.subscribe({ orgId: a.org.id, userId: "watcher", accepts: () => true, deliver: (events) => heard.push(...events) });
    const label = await createLabel({ ctx: a.as.admin, input: { name: "Live" } });
    await setConversationLabels({ ctx: agent, conversationId: shopConversation, input: { labelIds: [label.id] } });
    await setConversationLabels({ ctx: agent, conversationId: shopConversation, input: { labelIds: [label.id] } });
    for (let i = 0; i < 100 && heard.length < 1; i++) await new Promise((r) => setTimeout(r, 30));
    await new Promise((r) => setTimeout(r, 200));
    await hub.close();
    expect(heard.map((e) => [e.type, e.conversationId, typeof e.channelId])).toEqual([["conversation.updated", shopConversation, "string"]]);
  });

  it("another organisation's label is not found and nothing changes", async () => {
    const mine = await createLabel({ ctx: a.as.admin, input: { name: "Keep" } });
    const foreign = await createLabel({ ctx: b.as.owner, input: { name: "Foreign" } });
    await setConversationLabels({ ctx: agent, conversationId: shopConversation, input: { labelIds: [mine.id] } });
    await expect(setConversationLabels({ ctx: agent, conversationId: shopConversation, input: { labelIds: [mine.id, foreign.id] } })).rejects.toBeInstanceOf(NotFoundError);
    expect((await listLabels({ ctx: agent })).find((l) => l.id === mine.id)?.conversationCount).toBe(1);
  });

  it("a conversation outside the actor's scope or organisation is not found", async () => {
    const label = await createLabel({ ctx: a.as.admin, input: { name: "Scope" } });
    await expect(setConversationLabels({ ctx: agent, conversationId: outletConversation, input: { labelIds: [label.id] } })).rejects.toBeInstanceOf(NotFoundError);
    await expect(setConversationLabels({ ctx: b.as.owner, conversationId: shopConversation, input: { labelIds: [] } })).rejects.toBeInstanceOf(NotFoundError);
    await expect(setConversationLabels({ ctx: a.as.owner, conversationId: outletConversation, input: { labelIds: [label.id] } })).resolves.toHaveLength(1);
  });

  it("refuses bad input", async () => {
    await expect(setConversationLabels({ ctx: agent, conversationId: shopConversation, input: { labelIds: ["x"] } })).rejects.toBeInstanceOf(ValidationError);
    await expect(setConversationLabels({ ctx: agent, conversationId: shopConversation, input: {} })).rejects.toBeInstanceOf(ValidationError);
  });
});
