import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { contacts, conversations, users, memberships } from "@/db/schema";
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from "@/lib/errors";
import { expectAuditRow } from "@/tests/audit";
import { useTestDatabase } from "@/tests/db";
import { createChannelFor, createSkillGroupWithAgents, deliver } from "@/tests/desk";
import { createOrgFixture, type OrgFixture } from "@/tests/fixtures";
import { createCannedReply, deleteCannedReply, listCannedReplies, searchCannedReplies, updateCannedReply } from "./index";

useTestDatabase();

let f: OrgFixture;
let other: OrgFixture;
let sales: Awaited<ReturnType<typeof createSkillGroupWithAgents>>;
let support: Awaited<ReturnType<typeof createSkillGroupWithAgents>>;
let conversationId: string;

beforeAll(async () => {
  f = await createOrgFixture();
  other = await createOrgFixture();
  sales = await createSkillGroupWithAgents(f.org, 1, "Sales");
  support = await createSkillGroupWithAgents(f.org, 1, "Support");
  const channel = await createChannelFor(f.org.id, sales.group.id);
  await deliver(channel, [{ psid: "c1" }]);
  const db = await getDb();
  const [row] = await db
    .select({ id: conversations.id, contactId: contacts.id })
    .from(conversations)
    .innerJoin(contacts, eq(contacts.id, conversations.contactId))
    .where(and(eq(contacts.channelId, channel.id), eq(contacts.psid, "c1")));
  conversationId = row!.id;
  await db.update(contacts).set({ firstName: "Mei", lastName: "Lin" }).where(eq(contacts.id, row!.contactId));
  const [m] = await db.select({ userId: memberships.userId }).from(memberships).where(eq(memberships.id, sales.agents[0]!.membershipId));
  await db.update(users).set({ name: "Alice" }).where(eq(users.id, m!.userId));
});

describe("managing canned replies", () => {
  it("an admin creates one for the organisation and one for a skill group; both are audited", async () => {
    const org = await createCannedReply({ ctx: f.as.admin, input: { shortcut: "/hours", content: "We are open 9–18, {first_name}." } });
    expect(org).toMatchObject({ shortcut: "hours", skillGroupId: null, skillGroupName: null });
    const group = await createCannedReply({ ctx: f.as.owner, input: { shortcut: "price", content: "Our prices: ...", skillGroupId: sales.group.id } });
    expect(group).toMatchObject({ skillGroupId: sales.group.id, skillGroupName: "Sales" });
    await expectAuditRow(f.org, { action: "canned_reply.created", resourceId: org.id, actor: { actor: f.as.admin.actor }, after: { shortcut: "hours" } });
    const updated = await updateCannedReply({ ctx: f.as.admin, cannedReplyId: org.id, input: { content: "Open 9–18." } });
    expect(updated).toMatchObject({ shortcut: "hours", content: "Open 9–18." });
    await expectAuditRow(f.org, { action: "canned_reply.updated", resourceId: org.id, before: { content: "We are open 9–18, {first_name}." }, after: { content: "Open 9–18." } });
  });

  it("a shortcut is unique per scope regardless of case: a clear conflict, while another scope may reuse it", async () => {
    await createCannedReply({ ctx: f.as.admin, input: { shortcut: "Thanks", content: "Thank you!" } });
    await expect(createCannedReply({ ctx: f.as.admin, input: { shortcut: "tHANKS", content: "Again" } })).rejects.toThrow(new ConflictError("cannedReplies.errors.shortcutTaken", { shortcut: "tHANKS" }));
    await expect(createCannedReply({ ctx: f.as.admin, input: { shortcut: "thanks", content: "x" } })).rejects.toThrow('The shortcut "/thanks" is already used in this scope (shortcuts ignore case).');
    const inGroup = await createCannedReply({ ctx: f.as.admin, input: { shortcut: "THANKS", content: "Thanks from sales", skillGroupId: sales.group.id } });
    await expect(createCannedReply({ ctx: f.as.admin, input: { shortcut: "thanks", content: "dup", skillGroupId: sales.group.id } })).rejects.toBeInstanceOf(ConflictError);
    // Moving a reply into a scope that has the shortcut is the same conflict.
    const spare = await createCannedReply({ ctx: f.as.admin, input: { shortcut: "thanks", content: "support's", skillGroupId: support.group.id } });
    await expect(updateCannedReply({ ctx: f.as.admin, cannedReplyId: spare.id, input: { skillGroupId: sales.group.id } })).rejects.toBeInstanceOf(ConflictError);
    expect(inGroup.shortcut).toBe("THANKS");
  });

  it("refuses bad input with field messages", async () => {
    await expect(createCannedReply({ ctx: f.as.admin, input: { shortcut: "two words", content: "x" } })).rejects.toThrow("shortcut: Shortcut must be one word: letters, digits, - and _.");
    await expect(createCannedReply({ ctx: f.as.admin, input: { shortcut: "ok", content: "  " } })).rejects.toThrow("content: Content is required.");
    await expect(createCannedReply({ ctx: f.as.admin, input: { shortcut: "/", content: "x" } })).rejects.toThrow("shortcut: Shortcut is required.");
    await expect(createCannedReply({ ctx: f.as.admin, input: { shortcut: "ok", content: "x", skillGroupId: other.as.owner.org.id } })).rejects.toBeInstanceOf(ValidationError);
    await expect(updateCannedReply({ ctx: f.as.admin, cannedReplyId: "00000000-0000-7000-8000-000000000000", input: {} })).rejects.toThrow("Send at least one field to change.");
  });

  it("agents and marketers may not manage them; another organisation sees none of them", async () => {
    for (const role of ["agent", "marketer"] as const) {
      await expect(createCannedReply({ ctx: f.as[role], input: { shortcut: "x", content: "x" } })).rejects.toBeInstanceOf(ForbiddenError);
    }
    const mine = await createCannedReply({ ctx: f.as.admin, input: { shortcut: "bye", content: "Bye" } });
    await expect(updateCannedReply({ ctx: other.as.owner, cannedReplyId: mine.id, input: { content: "x" } })).rejects.toBeInstanceOf(NotFoundError);
    await expect(deleteCannedReply({ ctx: other.as.owner, cannedReplyId: mine.id })).rejects.toBeInstanceOf(NotFoundError);
    await expect(deleteCannedReply({ ctx: f.as.agent, cannedReplyId: mine.id })).rejects.toBeInstanceOf(ForbiddenError);
    expect((await listCannedReplies({ ctx: other.as.owner })).map((r) => r.id)).not.toContain(mine.id);
    await deleteCannedReply({ ctx: f.as.admin, cannedReplyId: mine.id });
    await expectAuditRow(f.org, { action: "canned_reply.deleted", resourceId: mine.id, before: { shortcut: "bye" } });
    expect((await listCannedReplies({ ctx: f.as.agent })).map((r) => r.id)).not.toContain(mine.id);
  });

  it("lists by scope and query", async () => {
    const orgOnly = await listCannedReplies({ ctx: f.as.agent, input: { skill_group_id: "organization" } });
    expect(orgOnly.every((r) => r.skillGroupId === null)).toBe(true);
    const salesOnly = await listCannedReplies({ ctx: f.as.agent, input: { skill_group_id: sales.group.id } });
    expect(salesOnly.map((r) => r.shortcut).sort()).toEqual(["price", "THANKS"].sort());
    expect((await listCannedReplies({ ctx: f.as.agent, input: { q: "9–18" } })).map((r) => r.shortcut)).toEqual(["hours"]);
    // LIKE wildcards typed by a person are letters.
    expect(await listCannedReplies({ ctx: f.as.agent, input: { q: "%" } })).toEqual([]);
  });
});

describe("searching in a conversation", () => {
  it("offers the organisation's and the conversation's group's replies (not another group's), best match first, filled in", async () => {
    const me = sales.agents[0]!.ctx;
    await createCannedReply({ ctx: f.as.admin, input: { shortcut: "welcome", content: "Hi {first_name} {last_name}, {agent_name} from {page_name}. Say thanks!" } });
    await createCannedReply({ ctx: f.as.admin, input: { shortcut: "nothanks", content: "Maybe later {order_id}" } });
    const found = await searchCannedReplies({ ctx: me, conversationId, q: "/thanks" });
    // Exact shortcut (the group's first, then the organisation's), then a shortcut containing it, then content.
    expect(found.map((r) => [r.shortcut, r.skillGroupName])).toEqual([
      ["THANKS", "Sales"],
      ["Thanks", null],
      ["nothanks", null],
      ["welcome", null],
    ]);
    expect(found.find((r) => r.shortcut === "welcome")!.rendered).toBe("Hi Mei Lin, Alice from Shop. Say thanks!");
    expect(found.find((r) => r.shortcut === "nothanks")!.rendered).toBe("Maybe later {order_id}");
    const all = await searchCannedReplies({ ctx: me, conversationId, q: "" });
    expect(all.map((r) => r.content)).not.toContain("support's");
    expect((await searchCannedReplies({ ctx: me, conversationId, q: "pr" }))[0]).toMatchObject({ shortcut: "price" });
  });

  it("another organisation, or an agent of another group, finds no such conversation", async () => {
    await expect(searchCannedReplies({ ctx: other.as.owner, conversationId, q: "" })).rejects.toBeInstanceOf(NotFoundError);
    await expect(searchCannedReplies({ ctx: support.agents[0]!.ctx, conversationId, q: "" })).rejects.toBeInstanceOf(NotFoundError);
  });
});
