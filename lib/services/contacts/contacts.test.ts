import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { auditLog, campaigns, contacts, conversationLabels, conversations, labels, otnTokens } from "@/db/schema";
import { ForbiddenError, NotFoundError, ValidationError } from "@/lib/errors";
import { claimConversation, reopenConversation, resolveConversation, updateRoutingSettings } from "@/lib/services/routing";
import { expectAuditRow } from "@/tests/audit";
import { useTestDatabase } from "@/tests/db";
import { createChannelFor, createSkillGroupWithAgents, deliver } from "@/tests/desk";
import { createOrgFixture, type OrgFixture } from "@/tests/fixtures";
import { getContactPanel, updateContactAttributes } from "./index";

useTestDatabase();

let f: OrgFixture;
let other: OrgFixture;
beforeAll(async () => {
  f = await createOrgFixture();
  other = await createOrgFixture();
});

async function person(psid: string) {
  const { group, agents } = await createSkillGroupWithAgents(f.org, 1);
  const channel = await createChannelFor(f.org.id, group.id);
  await updateRoutingSettings({ ctx: f.as.owner, skillGroupId: group.id, input: { autoAssign: false } });
  await deliver(channel, [{ psid }]);
  const db = await getDb();
  const [row] = await db
    .select({ conversation: conversations, contact: contacts })
    .from(conversations)
    .innerJoin(contacts, eq(contacts.id, conversations.contactId))
    .where(and(eq(contacts.channelId, channel.id), eq(contacts.psid, psid)));
  return { ...row!, channel, agent: agents[0]! };
}

describe("contact attributes", () => {
  it("set, change and remove (a merge patch), audited with the changed keys", async () => {
    const { contact, agent } = await person("a1");
    expect(await updateContactAttributes({ ctx: agent.ctx, contactId: contact.id, input: { attributes: [{ key: "order", value: "A-1042" }, { key: "tier", value: "gold" }] } })).toEqual({ attributes: { order: "A-1042", tier: "gold" } });
    await expectAuditRow(f.org, { action: "contact.attributes_updated", resourceId: contact.id, before: { order: null, tier: null }, after: { order: "A-1042", tier: "gold" } });
    await (await getDb()).delete(auditLog).where(eq(auditLog.resourceId, contact.id));
    expect(await updateContactAttributes({ ctx: agent.ctx, contactId: contact.id, input: { attributes: [{ key: "tier", value: null }, { key: " city ", value: "Taipei" }] } })).toEqual({ attributes: { order: "A-1042", city: "Taipei" } });
    await expectAuditRow(f.org, { action: "contact.attributes_updated", resourceId: contact.id, before: { city: null, tier: "gold" }, after: { city: "Taipei", tier: null } });
  });

  it("names of 1 to 40 characters, values of at most 500, at most 50 attributes", async () => {
    const { contact, agent } = await person("a2");
    const refuse = (attributes: unknown) => expect(updateContactAttributes({ ctx: agent.ctx, contactId: contact.id, input: { attributes } })).rejects.toBeInstanceOf(ValidationError);
    await refuse([{ key: "", value: "x" }]);
    await refuse([{ key: "  ", value: "x" }]);
    await refuse([{ key: "k".repeat(41), value: "x" }]);
    await refuse([{ key: "k", value: "v".repeat(501) }]);
    await refuse([{ key: "k", value: 5 }]);
    await refuse({ k: "v" });
    await refuse([]);
    await refuse([{ key: "k", value: "a\u0000b" }]);
    await updateContactAttributes({ ctx: agent.ctx, contactId: contact.id, input: { attributes: [{ key: "k".repeat(40), value: "v".repeat(500) }] } });
    const more = Array.from({ length: 49 }, (_, i) => ({ key: `key${i}`, value: "v" }));
    await updateContactAttributes({ ctx: agent.ctx, contactId: contact.id, input: { attributes: more } });
    await refuse([{ key: "oneTooMany", value: "v" }]);
  });

  it("another organisation's contact, or one outside the agent's skill groups, is not found; a marketer may edit, an API key without reply may not", async () => {
    const { contact } = await person("a3");
    const stranger = await createSkillGroupWithAgents(f.org, 1);
    await expect(updateContactAttributes({ ctx: other.as.owner, contactId: contact.id, input: { attributes: [{ key: "a", value: "b" }] } })).rejects.toBeInstanceOf(NotFoundError);
    await expect(updateContactAttributes({ ctx: stranger.agents[0]!.ctx, contactId: contact.id, input: { attributes: [{ key: "a", value: "b" }] } })).rejects.toBeInstanceOf(NotFoundError);
    await expect(updateContactAttributes({ ctx: f.as.owner, contactId: "nope", input: { attributes: [{ key: "a", value: "b" }] } })).rejects.toBeInstanceOf(NotFoundError);
    await expect(updateContactAttributes({ ctx: f.as.marketer, contactId: contact.id, input: { attributes: [{ key: "a", value: "b" }] } })).resolves.toEqual({ attributes: { a: "b" } });
    const readOnly = { ...f.as.agent, permissions: new Set(["conversations.read"]) } as unknown as typeof f.as.agent;
    await expect(updateContactAttributes({ ctx: readOnly, contactId: contact.id, input: { attributes: [{ key: "a", value: "c" }] } })).rejects.toBeInstanceOf(ForbiddenError);
  });
});

describe("the contact panel", () => {
  it("profile, labels, One-Time Notification subscriptions with their state, and past cycles with who resolved them", async () => {
    const { contact, conversation, channel, agent } = await person("panel");
    const db = await getDb();
    await db.update(contacts).set({ firstName: "Mei", lastName: "Lin", locale: "zh_TW", timezoneOffset: "8" }).where(eq(contacts.id, contact.id));
    const [label] = await db.insert(labels).values({ orgId: f.org.id, name: "VIP", color: "amber" }).returning();
    await db.insert(conversationLabels).values({ orgId: f.org.id, conversationId: conversation.id, labelId: label!.id });
    const campaign = async (name: string) =>
      (await db.insert(campaigns).values({ orgId: f.org.id, channelId: channel.id, name, ref: `r${Math.random()}`, requestTitle: "Notify me", content: {} }).returning())[0]!;
    const sale = await campaign("Spring sale");
    const restock = await campaign("Restock");
    const old = await campaign("Last year");
    const now = new Date("2030-06-01T00:00:00Z");
    const token = (campaignId: string, status: "pending" | "sent" | "expired", optedInAt: Date, psid = "panel") => ({
      orgId: f.org.id,
      campaignId,
      channelId: channel.id,
      contactId: contact.id,
      psid,
      tokenSealed: "x",
      tokenHash: `h${Math.random()}`,
      status,
      optedInAt,
    });
    await db.insert(otnTokens).values([
      token(sale.id, "pending", new Date("2030-05-01T00:00:00Z")),
      token(restock.id, "sent", new Date("2030-04-01T00:00:00Z")),
      token(old.id, "pending", new Date("2029-01-01T00:00:00Z")),
      token(sale.id, "pending", new Date("2030-05-02T00:00:00Z"), "someone-else"),
    ]);

    await claimConversation({ ctx: agent.ctx, conversationId: conversation.id });
    await resolveConversation({ ctx: agent.ctx, conversationId: conversation.id });
    await reopenConversation({ ctx: f.as.owner, conversationId: conversation.id });
    await resolveConversation({ ctx: f.as.owner, conversationId: conversation.id });
    await deliver(channel, [{ psid: "panel" }]);

    const panel = await getContactPanel({ ctx: agent.ctx, conversationId: conversation.id, now });
    expect(panel.contact).toMatchObject({ id: contact.id, name: "Mei Lin", psid: "panel", locale: "zh_TW", timezoneOffset: "8", attributes: {} });
    expect(panel.contact.lastSeenAt).not.toBeNull();
    expect(panel.labels).toEqual([{ id: label!.id, name: "VIP", color: "amber" }]);
    expect(panel.subscriptions.map((s) => [s.campaignName, s.state])).toEqual([
      ["Spring sale", "unused"],
      ["Restock", "used"],
      ["Last year", "expired"],
    ]);
    expect(panel.pastCycles).toHaveLength(2);
    expect(panel.pastCycles[0]!.resolvedBy).toMatch(/^owner /);
    expect(panel.pastCycles[1]!.resolvedBy).toBe("Agent 0");
    expect(panel.pastCycles[1]!.handledBy).toBe("Agent 0");
    expect(panel.may).toEqual({ editAttributes: true, readCampaigns: false });
    expect((await getContactPanel({ ctx: f.as.marketer, conversationId: conversation.id })).may.readCampaigns).toBe(true);
  });

  it("another organisation's conversation, or one outside the agent's groups, is not found", async () => {
    const { conversation } = await person("hidden");
    const stranger = await createSkillGroupWithAgents(f.org, 1);
    await expect(getContactPanel({ ctx: other.as.owner, conversationId: conversation.id })).rejects.toBeInstanceOf(NotFoundError);
    await expect(getContactPanel({ ctx: stranger.agents[0]!.ctx, conversationId: conversation.id })).rejects.toBeInstanceOf(NotFoundError);
    await expect(getContactPanel({ ctx: f.as.owner, conversationId: "x" })).rejects.toBeInstanceOf(NotFoundError);
  });
});
