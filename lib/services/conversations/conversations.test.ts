import { createHmac } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { ForbiddenError, NotFoundError, ValidationError } from "@/lib/errors";
import { processStoredWebhookEvents, ingestWebhook } from "@/lib/services/webhook";
import { createCampaign } from "@/lib/services/campaigns";
import { createChannel } from "@/lib/services/channels";
import { addSkillGroupMember, createSkillGroup } from "@/lib/services/skill-groups";
import { useTestDatabase } from "@/tests/db";
import { useGraphSandbox } from "@/tests/graph-sandbox";
import { createOrgFixture, type OrgFixture } from "@/tests/fixtures";
import { getConversation } from "./get-conversation";
import { listConversationChannelIds } from "./list-conversation-channel-ids";
import { listConversations } from "./list-conversations";

useTestDatabase();
// Connecting a channel proves its Page through Graph /me: the sandbox holds the Page and its token.
const sandbox = useGraphSandbox();

const PAGE = "5550000000001";
/** A second Page of the same app, bound to another skill group ("Sales") that the agent is not in. */
const SALES_PAGE = "5550000000002";
const SECRET = "conversations-test-secret";
let a: OrgFixture;
let b: OrgFixture;
let channelId: string;
let salesChannelId: string;

async function deliver(events: unknown[], page = PAGE) {
  const raw = JSON.stringify({ object: "page", entry: [{ id: page, time: Date.now(), messaging: events }] });
  const result = await ingestWebhook({ pageId: page, rawBody: Buffer.from(raw), signature: `sha256=${createHmac("sha256", SECRET).update(raw).digest("hex")}` });
  expect(result.status).toBe(200);
  await processStoredWebhookEvents({ orgId: a.org.id, channelId: page === PAGE ? channelId : salesChannelId }, result.stored.map((s) => s.id));
}

const from = (psid: string) => ({ sender: { id: psid }, recipient: { id: PAGE } });
const to = (psid: string) => ({ sender: { id: PAGE }, recipient: { id: psid } });

beforeAll(async () => {
  a = await createOrgFixture("Conv A");
  b = await createOrgFixture("Conv B");
  const group = await createSkillGroup({ ctx: a.as.owner, input: { name: "Support" } });
  sandbox.page({ pageId: PAGE, pageAccessToken: "page-token-c", appId: "5550000000", appSecret: SECRET });
  channelId = (await createChannel({ ctx: a.as.owner, input: { name: "Shop", pageId: PAGE, pageAccessToken: "page-token-c", appId: "5550000000", appSecret: SECRET, skillGroupId: group.id } })).id;
  await addSkillGroupMember({ ctx: a.as.owner, skillGroupId: group.id, input: { membershipId: a.as.agent.membershipId } });
  const sales = await createSkillGroup({ ctx: a.as.owner, input: { name: "Sales" } });
  sandbox.page({ pageId: SALES_PAGE, pageAccessToken: "page-token-s", appId: "5550000000", appSecret: SECRET });
  salesChannelId = (
    await createChannel({ ctx: a.as.owner, input: { name: "Outlet", pageId: SALES_PAGE, pageAccessToken: "page-token-s", appId: "5550000000", appSecret: SECRET, skillGroupId: sales.id } })
  ).id;
  await deliver([{ sender: { id: "q1" }, recipient: { id: SALES_PAGE }, timestamp: 4_000, message: { mid: "q-m1", text: "for sales" } }], SALES_PAGE);
  // Three people; the second writes last.
  await deliver([{ ...from("p1"), timestamp: 1_000, message: { mid: "m1", text: "first" } }]);
  await deliver([{ ...from("p2"), timestamp: 5_000, message: { mid: "m2", text: "latest" } }]);
  await deliver([{ ...from("p3"), timestamp: 3_000, message: { mid: "m3", text: "middle" } }]);
  // p1's thread: arrives out of order; an echo, a reaction, watermarks.
  await deliver([
    { ...to("p1"), timestamp: 1_600, message: { mid: "e1", is_echo: true, app_id: 1, text: "reply from the Page inbox" } },
    { ...from("p1"), timestamp: 1_500, message: { mid: "m1b", attachments: [{ type: "image", payload: { url: "https://example.com/x.jpg" } }] } },
    { ...to("p1"), timestamp: 1_700, message: { mid: "e2", is_echo: true, app_id: 1, text: "second reply" } },
    { ...from("p1"), timestamp: 1_800, delivery: { watermark: 1_700 } },
    { ...from("p1"), timestamp: 1_900, read: { watermark: 1_650 } },
    { ...from("p1"), timestamp: 2_000, reaction: { mid: "e1", action: "react", reaction: "love", emoji: "❤" } },
  ]);
});

describe("listConversations", () => {
  it("lists the organisation's conversations, most recent first, with cursor pages", async () => {
    const first = await listConversations({ ctx: a.as.agent, input: { limit: 2 } });
    expect(first.data.map((c) => c.psid)).toEqual(["p2", "p3"]);
    expect(first.data[0]).toMatchObject({ channelName: "Shop", lastMessagePreview: "latest", contactName: null });
    expect(first.nextCursor).toBe(first.data[1].id);
    const second = await listConversations({ ctx: a.as.agent, input: { limit: 2, cursor: first.nextCursor! } });
    expect(second.data.map((c) => c.psid)).toEqual(["p1"]);
    expect(second.nextCursor).toBeNull();
  });

  it("filters by channel and shows another organisation nothing", async () => {
    expect((await listConversations({ ctx: a.as.owner, input: { channelId } })).data).toHaveLength(3);
    expect((await listConversations({ ctx: b.as.owner })).data).toEqual([]);
  });

  it("refuses another organisation's conversation as a cursor, and a malformed cursor", async () => {
    const [conv] = (await listConversations({ ctx: a.as.owner })).data;
    await expect(listConversations({ ctx: b.as.owner, input: { cursor: conv.id } })).rejects.toBeInstanceOf(NotFoundError);
    await expect(listConversations({ ctx: a.as.owner, input: { cursor: "nope" } })).rejects.toBeInstanceOf(ValidationError);
  });
});

describe("skill-group scoping", () => {
  const salesConversation = async () => (await listConversations({ ctx: a.as.owner, input: { channelId: salesChannelId } })).data[0];

  it("shows an agent only the conversations of their skill groups' channels", async () => {
    const seen = await listConversations({ ctx: a.as.agent });
    expect(seen.data.map((c) => c.psid)).toEqual(["p2", "p3", "p1"]);
    expect(seen.data.every((c) => c.channelName === "Shop")).toBe(true);
    expect((await listConversations({ ctx: a.as.agent, input: { channelId: salesChannelId } })).data).toEqual([]);
  });

  it("names the channels an agent's list may filter by: their groups' only", async () => {
    expect(await listConversationChannelIds({ ctx: a.as.agent })).toEqual([channelId]);
    expect(await listConversationChannelIds({ ctx: a.as.marketer })).toBeNull();
  });

  it("shows owners, admins and marketers every channel's conversations", async () => {
    for (const role of ["owner", "admin", "marketer"] as const) {
      expect((await listConversations({ ctx: a.as[role] })).data.map((c) => c.psid)).toEqual(["p2", "q1", "p3", "p1"]);
    }
  });

  it("answers NotFound to an agent for another group's conversation, by id and as a cursor", async () => {
    const conv = await salesConversation();
    expect(conv.psid).toBe("q1");
    await expect(getConversation({ ctx: a.as.agent, conversationId: conv.id })).rejects.toBeInstanceOf(NotFoundError);
    await expect(listConversations({ ctx: a.as.agent, input: { cursor: conv.id } })).rejects.toBeInstanceOf(NotFoundError);
    expect((await getConversation({ ctx: a.as.admin, conversationId: conv.id })).messages.map((m) => m.text)).toEqual(["for sales"]);
  });

  it("scopes an agent's API key like the agent, and a key whose creator has no membership sees nothing", async () => {
    const key = { ...a.as.agent, actor: { type: "api_key" as const, id: "key", label: "CRM", onBehalfOf: a.users.agent.id }, membershipId: null };
    expect((await listConversations({ ctx: key })).data.map((c) => c.psid)).toEqual(["p2", "p3", "p1"]);
    await expect(getConversation({ ctx: key, conversationId: (await salesConversation()).id })).rejects.toBeInstanceOf(NotFoundError);
    const orphan = { ...key, actor: { ...key.actor, onBehalfOf: undefined } };
    expect((await listConversations({ ctx: orphan })).data).toEqual([]);
  });
});

describe("getConversation", () => {
  it("returns messages in event-time order with echoes, attachments, reactions and receipt state", async () => {
    const list = await listConversations({ ctx: a.as.owner });
    const p1 = list.data.find((c) => c.psid === "p1")!;
    const detail = await getConversation({ ctx: a.as.marketer, conversationId: p1.id });
    expect(detail.messages.map((m) => [m.mid, m.direction, m.kind, m.source])).toEqual([
      ["m1", "inbound", "text", "webhook"],
      ["m1b", "inbound", "attachments", "webhook"],
      ["e1", "outbound", "text", "echo"],
      ["e2", "outbound", "text", "echo"],
      [null, "inbound", "reaction", "webhook"],
    ]);
    const [e1, e2] = detail.messages.filter((m) => m.direction === "outbound");
    expect([e1.delivered, e1.read, e2.delivered, e2.read]).toEqual([true, true, true, false]);
    expect(detail.messages[1].attachments?.[0]).toMatchObject({ type: "image", payload: { url: "https://example.com/x.jpg" } });
    expect(detail.messages[4].reaction).toMatchObject({ reaction: "love", mid: "e1" });
    expect(detail.hasOlder).toBe(false);
    const limited = await getConversation({ ctx: a.as.owner, conversationId: p1.id, input: { limit: 2 } });
    expect(limited.messages.map((m) => m.mid)).toEqual(["e2", null]);
    expect(limited.hasOlder).toBe(true);
  });

  it("answers NotFound for another organisation's conversation and for unknown ids", async () => {
    const [conv] = (await listConversations({ ctx: a.as.owner })).data;
    await expect(getConversation({ ctx: b.as.owner, conversationId: conv.id })).rejects.toBeInstanceOf(NotFoundError);
    await expect(getConversation({ ctx: a.as.owner, conversationId: "00000000-0000-7000-8000-000000000000" })).rejects.toBeInstanceOf(NotFoundError);
  });

  it("requires conversations.read", async () => {
    const noRead = { ...a.as.agent, permissions: new Set<never>() };
    await expect(listConversations({ ctx: noRead })).rejects.toBeInstanceOf(ForbiddenError);
  });
});

describe("what a message shows", () => {
  let campaign: { id: string; name: string; ref: string };
  let detail: Awaited<ReturnType<typeof getConversation>>;
  const notifyMe = (payload: string) => ({ type: "template", payload: { template_type: "one_time_notif_req", title: "Tell me when the sale starts", payload } });

  beforeAll(async () => {
    const created = await createCampaign({ ctx: a.as.marketer, input: { name: "Spring sale", channelId, requestTitle: "Tell me when the sale starts", content: { type: "text", text: "It started" } } });
    campaign = { id: created.id, name: created.name, ref: created.ref };
    // Another organisation's campaign id in a payload must not resolve here.
    const foreign = "0190a0a0-0000-7000-8000-00000000f00d";
    await deliver([
      { ...from("p4"), timestamp: 10_000, postback: { mid: "pb4", title: "Get Started", payload: "GET_STARTED", referral: { ref: campaign.ref, source: "SHORTLINK", type: "OPEN_THREAD" } } },
      { ...to("p4"), timestamp: 10_100, message: { mid: "card4", is_echo: true, app_id: 5550000000, attachments: [notifyMe(`otn:${campaign.id}`)] } },
      { ...from("p4"), timestamp: 10_200, optin: { type: "one_time_notif_req", payload: `otn:${campaign.id}`, one_time_notif_token: "otn-token-p4" } },
      { ...to("p4"), timestamp: 10_300, message: { mid: "inbox4", is_echo: true, app_id: 263902037430900, text: "A human here" } },
      { ...from("p4"), timestamp: 10_400, referral: { ref: "unknown-ref", source: "SHORTLINK", type: "OPEN_THREAD" } },
      { ...from("p4"), timestamp: 10_500, optin: { type: "one_time_notif_req", payload: `otn:${foreign}`, one_time_notif_token: "otn-token-p4b" } },
      { ...from("p4"), timestamp: 10_600, message: { mid: "photo4", attachments: [{ type: "image", payload: { url: "https://example.com/p.jpg" } }] } },
    ]);
    const row = (await listConversations({ ctx: a.as.agent })).data.find((c) => c.psid === "p4")!;
    detail = await getConversation({ ctx: a.as.agent, conversationId: row.id });
  });

  it("marks the product's own sends as ours and the Page inbox's as sent from elsewhere", () => {
    expect(detail.messages.filter((m) => m.direction === "outbound").map((m) => [m.mid, m.source])).toEqual([
      ["card4", "app"],
      ["inbox4", "echo"],
    ]);
  });

  it("names the campaign of a referral, a Notify Me card and an opt-in, and none for an unknown ref or another organisation's id", () => {
    expect(detail.messages.map((m) => [m.kind, m.campaign?.name ?? null])).toEqual([
      ["postback", "Spring sale"],
      ["attachments", "Spring sale"],
      ["optin", "Spring sale"],
      ["text", null],
      ["referral", null],
      ["optin", null],
      ["attachments", null],
    ]);
    expect(detail.messages[2].campaign).toEqual(campaign);
    expect(detail.messages[1].attachments?.[0]).toMatchObject({ type: "template", payload: { template_type: "one_time_notif_req", title: "Tell me when the sale starts" } });
  });

  it("keeps the last message's kind for the list, so a photo reads as a photo", async () => {
    const row = (await listConversations({ ctx: a.as.agent })).data.find((c) => c.psid === "p4")!;
    expect([row.lastMessageKind, row.lastMessagePreview]).toEqual(["image", null]);
  });
});
