/**
 * Conversations and labels through API v1: an agent key sees only its creator's skill groups' channels (the
 * rest answer 404 like another organisation's), filters combine, bad filter values are refused with a message
 * naming the parameter, and messages page newest first.
 */
import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { getDb } from "@/db/client";
import { contacts, conversations } from "@/db/schema";
import { apiOperations } from "@/lib/api/openapi";
import { createApiKey } from "@/lib/services/api-keys";
import { addSkillGroupMember } from "@/lib/services/skill-groups";
import { callApi, errorMessage } from "@/tests/api-v1";
import { useTestDatabase } from "@/tests/db";
import { createChannelFor, createSkillGroupWithAgents, deliver } from "@/tests/desk";
import { createOrgFixture, type OrgFixture } from "@/tests/fixtures";

vi.mock("@/lib/auth/session", () => ({ getSessionUser: async () => null }));

useTestDatabase();

let a: OrgFixture;
let b: OrgFixture;
let adminKey: string;
/** Role agent, created by the owner, who is in Support (channel Shop) but not in Sales (channel Outlet). */
let agentKey: string;
let keyB: string;
let shopConversation: string;
let outletConversation: string;

const call = (operationId: string, key: string | null, options: { params?: Record<string, string>; query?: Record<string, string>; body?: unknown } = {}) =>
  callApi(apiOperations.find((o) => o.operationId === operationId)!, { key, ...options });

async function conversationOf(psid: string) {
  const db = await getDb();
  const [row] = await db.select({ id: conversations.id }).from(conversations).innerJoin(contacts, eq(contacts.id, conversations.contactId)).where(and(eq(conversations.orgId, a.org.id), eq(contacts.psid, psid)));
  return row!.id;
}

beforeAll(async () => {
  a = await createOrgFixture("Conversations API A");
  b = await createOrgFixture("Conversations API B");
  const support = await createSkillGroupWithAgents(a.org, 1, "Support");
  const sales = await createSkillGroupWithAgents(a.org, 1, "Sales");
  await addSkillGroupMember({ ctx: a.as.owner, skillGroupId: support.group.id, input: { membershipId: a.as.owner.membershipId! } });
  const shop = await createChannelFor(a.org.id, support.group.id);
  const outlet = await createChannelFor(a.org.id, sales.group.id);
  await deliver(shop, [{ psid: "api-shop", text: "第一条" }]);
  await deliver(shop, [{ psid: "api-shop", text: "second: where is my refund?" }]);
  await deliver(shop, [{ psid: "api-shop", text: "third" }]);
  await deliver(outlet, [{ psid: "api-outlet", text: "refund for the outlet" }]);
  shopConversation = await conversationOf("api-shop");
  outletConversation = await conversationOf("api-outlet");
  adminKey = (await createApiKey({ ctx: a.as.owner, input: { name: "admin", role: "admin" } })).secret;
  agentKey = (await createApiKey({ ctx: a.as.owner, input: { name: "agent", role: "agent" } })).secret;
  keyB = (await createApiKey({ ctx: b.as.owner, input: { name: "b", role: "admin" } })).secret;
});

describe("an agent key's scope", () => {
  it("lists only its skill groups' channels; an admin key lists every channel", async () => {
    const ids = async (key: string, query: Record<string, string> = {}) => (await call("listConversations", key, { query })).body.data.map((c: { id: string }) => c.id);
    expect(await ids(agentKey)).toEqual([shopConversation]);
    expect(await ids(adminKey)).toEqual([outletConversation, shopConversation]);
    expect(await ids(agentKey, { q: "refund" })).toEqual([shopConversation]);
    expect(await ids(keyB)).toEqual([]);
  });

  it("answers 404 for a conversation outside it, as for another organisation's", async () => {
    for (const [operationId, extra] of [
      ["getConversation", {}],
      ["listConversationMessages", {}],
      ["setConversationLabels", { body: { labelIds: [] } }],
    ] as const) {
      const outside = await call(operationId, agentKey, { params: { conversationId: outletConversation }, ...extra });
      expect(outside.status, operationId).toBe(404);
      expect(errorMessage(outside, "not_found")).toBe("Conversation not found.");
      expect((await call(operationId, keyB, { params: { conversationId: shopConversation }, ...extra })).status).toBe(404);
      expect((await call(operationId, agentKey, { params: { conversationId: shopConversation }, ...extra })).status).toBe(200);
    }
  });

  it("answers 401 without a key", async () => {
    expect((await call("listConversations", null)).status).toBe(401);
    expect((await call("listLabels", null)).status).toBe(401);
  });
});

describe("filters and paging", () => {
  it.each([
    [{ view: "everything" }, "view: view must be one of: mine, unassigned, all."],
    [{ status: "closed" }, "status: status must be one of: open, pending, resolved."],
    [{ channelId: "shop" }, "channelId: "],
    [{ assigneeMembershipId: "someone" }, "assigneeMembershipId: assigneeMembershipId must be a member id, me or none."],
    [{ labelId: "vip" }, "labelId: labelId must be a label id."],
    [{ skillGroupId: "support" }, "skillGroupId: skillGroupId must be a skill group id."],
    [{ q: "x".repeat(101) }, "q: "],
  ])("refuses %o with a message naming the parameter", async (query, message) => {
    const answer = await call("listConversations", adminKey, { query });
    expect(answer.status).toBe(422);
    expect(errorMessage(answer, "validation_failed")).toContain(message);
  });

  it("pages a conversation's messages newest first", async () => {
    const first = await call("listConversationMessages", adminKey, { params: { conversationId: shopConversation }, query: { limit: "2" } });
    expect(first.body.data.map((m: { text: string }) => m.text)).toEqual(["third", "second: where is my refund?"]);
    const rest = await call("listConversationMessages", adminKey, { params: { conversationId: shopConversation }, query: { limit: "2", cursor: first.body.nextCursor } });
    expect(rest.body).toEqual({ data: [expect.objectContaining({ text: "第一条", direction: "inbound" })], nextCursor: null });
    // A message of another conversation is no cursor here.
    const foreign = (await call("listConversationMessages", adminKey, { params: { conversationId: outletConversation } })).body.data[0].id;
    expect((await call("listConversationMessages", adminKey, { params: { conversationId: shopConversation }, query: { cursor: foreign } })).status).toBe(404);
  });
});

describe("labels", () => {
  it("are applied by an agent key within its scope, managed only by admins, and another organisation's label is 404", async () => {
    const created = await call("createLabel", adminKey, { body: { name: "退款", color: "red" } });
    expect(created.status).toBe(201);
    expect((await call("createLabel", agentKey, { body: { name: "Nope" } })).status).toBe(403);
    const duplicate = await call("createLabel", adminKey, { body: { name: "退款" } });
    expect(duplicate.status).toBe(409);
    const foreign = (await call("createLabel", keyB, { body: { name: "Foreign" } })).body.id;
    const applied = await call("setConversationLabels", agentKey, { params: { conversationId: shopConversation }, body: { labelIds: [created.body.id] } });
    expect(applied.body).toEqual([{ id: created.body.id, name: "退款", color: "red" }]);
    const refused = await call("setConversationLabels", agentKey, { params: { conversationId: shopConversation }, body: { labelIds: [foreign] } });
    expect(refused.status).toBe(404);
    expect(errorMessage(refused, "not_found")).toBe("Label not found.");
    const listed = await call("listConversations", agentKey, { query: { labelId: created.body.id } });
    expect(listed.body.data).toEqual([expect.objectContaining({ id: shopConversation, labels: [{ id: created.body.id, name: "退款", color: "red" }] })]);
    expect((await call("updateLabel", keyB, { params: { labelId: created.body.id }, body: { name: "Mine" } })).status).toBe(404);
    expect((await call("deleteLabel", adminKey, { params: { labelId: created.body.id } })).status).toBe(204);
    expect((await call("getConversation", agentKey, { params: { conversationId: shopConversation } })).body.labels).toEqual([]);
  });
});
