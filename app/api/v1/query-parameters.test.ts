/**
 * Walks the OpenAPI document's query parameters against the routes: every parameter an operation declares is
 * accepted with each kind of valid value and does what its description says (a limit limits, a cursor pages,
 * a filter keeps exactly the rows it names, a bucket groups), and a parameter it does not declare is refused
 * with 400 in the error shape, before anything is written. A parameter added to the document without a check
 * here fails "every declared query parameter has a check". Unknown /api/v1 paths answer the JSON 404.
 */
import { beforeAll, describe, expect, it, vi } from "vitest";
import { eq, inArray } from "drizzle-orm";
import { getDb } from "@/db/client";
import {
  auditLog,
  botEvents,
  campaignDeliveries,
  campaigns as campaignsTable,
  channels as channelsTable,
  contacts,
  conversationActivities,
  conversationLabels,
  conversations,
  labels,
  messagePermissions,
  messages,
  otnTokens,
  recurringTopics,
} from "@/db/schema";
import { randomToken } from "@/db/ids";
import { apiOperations, buildOpenApiDocument } from "@/lib/api/openapi";
import { createSegment } from "@/lib/services/segments";
import { createTopic } from "@/lib/services/topics";
import { apiErrorSchema, type ApiOperation } from "@/lib/api/operations/define";
import { appUrl } from "@/lib/app-url";
import { sha256Hex } from "@/lib/crypto/hash";
import { seal } from "@/lib/crypto/secrets";
import { createApiKey } from "@/lib/services/api-keys";
import { cancelCampaign, createCampaign } from "@/lib/services/campaigns";
import { createCannedReply } from "@/lib/services/canned-replies";
import { createChannel } from "@/lib/services/channels";
import { createFaq } from "@/lib/services/faqs";
import { inviteMember } from "@/lib/services/members";
import { addSkillGroupMember, createSkillGroup } from "@/lib/services/skill-groups";
import { DEMO } from "@/sandbox/server";
import { callApi, errorMessage, type ApiAnswer } from "@/tests/api-v1";
import { useTestDatabase } from "@/tests/db";
import { createOrgFixture, type OrgFixture } from "@/tests/fixtures";
import { useGraphSandbox } from "@/tests/graph-sandbox";

const session = vi.hoisted(() => ({ user: null as { id: string; email: string; name: string } | null }));
vi.mock("@/lib/auth/session", () => ({ getSessionUser: async () => session.user }));

useTestDatabase();
const sandbox = useGraphSandbox();

type Parameter = { name: string; in: string; description?: string; example?: unknown; schema: { enum?: string[]; minimum?: number; maximum?: number } };
const doc = buildOpenApiDocument();
const documented = apiOperations.map((operation) => {
  const item = doc.paths[operation.path] as Record<string, { parameters?: Parameter[] }>;
  const query = (item[operation.method.toLowerCase()].parameters ?? []).filter((p) => p.in === "query");
  return { operation, query };
});
const withQuery = documented.filter((d) => d.query.length > 0);

let a: OrgFixture;
let key: string;
/** Ids every path parameter of the registry can take, in organisation A. */
let pathTargets: Record<string, string> = {};
/** A marketing campaign with three deliveries (sent, held, failed), and the shop's recurring topic. */
let broadcastCampaignId: string;
let topicId: string;
/** The desk's fixture: what each conversation's search may match, and the ids its filters take. */
const searchable: Record<string, string[]> = {};
let ownerMembershipId: string;
let agentMembershipId: string;
let skillGroupIds: string[];
let labelIds: string[];
const NAMES = { ada: ["Ada", "Lovelace"], alan: ["Alan", "Turing"] } as const;
const HOUR = 3600_000;
/** Two days within the analytics' default range (the last 30 days), with a day between them. */
const ANALYTICS_DAYS = { early: Date.now() - 6 * 24 * HOUR, late: Date.now() - 2 * 24 * HOUR };
const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);

beforeAll(async () => {
  a = await createOrgFixture("Walk");
  key = (await createApiKey({ ctx: a.as.owner, input: { name: "walker" } })).secret;
  const group = await createSkillGroup({ ctx: a.as.owner, input: { name: "Billing" } });
  await createSkillGroup({ ctx: a.as.owner, input: { name: "Sales" } });
  await addSkillGroupMember({ ctx: a.as.owner, skillGroupId: group.id, input: { membershipId: a.as.agent.membershipId! } });
  const invite = await inviteMember({ ctx: a.as.owner, input: { email: `walk-${randomToken(4).toLowerCase()}@example.com`, role: "agent" } });
  const channel = async (name: string) => {
    const page = await sandbox.newPage();
    const answers = await createSkillGroup({ ctx: a.as.owner, input: { name: `${name} team` } });
    return createChannel({
      ctx: a.as.owner,
      input: { name, pageId: page.pageId, pageAccessToken: page.pageAccessToken, appId: DEMO.appId, appSecret: DEMO.appSecret, skillGroupId: answers.id },
    });
  };
  const [shop, outlet] = [await channel("Shop"), await channel("Outlet")];
  const campaign = (channelId: string) => createCampaign({ ctx: a.as.owner, input: { name: "Sale", channelId, requestTitle: "Notify me", content: { type: "text", text: "Hi" } } });
  const main = await campaign(shop.id);
  await campaign(shop.id);
  await cancelCampaign({ ctx: a.as.owner, campaignId: (await campaign(shop.id)).id });
  await campaign(outlet.id);
  // A campaign of another kind (as the broadcast services create it), for the list's kind filter.
  await (await getDb())
    .insert(campaignsTable)
    .values({ orgId: a.org.id, channelId: outlet.id, name: "Promo", kind: "marketing", ref: randomToken(16), requestTitle: "Promo", content: { type: "text", text: "Hi" } });

  // Subscribers of the main campaign: two named ones and one without a contact, in three hours of two days,
  // with three different send outcomes.
  const db = await getDb();
  const dayStart = Date.UTC(2026, 10, 20);
  const subscribers = [
    { name: NAMES.ada, status: "sent" as const, at: dayStart + 9 * HOUR },
    { name: NAMES.alan, status: "failed" as const, at: dayStart + 10 * HOUR },
    { name: null, status: "pending" as const, at: dayStart + 24 * HOUR + 8 * HOUR },
  ];
  for (const [i, s] of subscribers.entries()) {
    const psid = `walk-psid-${i}`;
    const [contact] = s.name
      ? await db.insert(contacts).values({ orgId: a.org.id, channelId: shop.id, psid, firstName: s.name[0], lastName: s.name[1] }).returning()
      : [null];
    const token = `otn-${randomToken(8)}`;
    await db.insert(otnTokens).values({
      orgId: a.org.id,
      campaignId: main.id,
      channelId: shop.id,
      psid,
      contactId: contact?.id ?? null,
      status: s.status,
      tokenSealed: seal(token),
      tokenHash: sha256Hex(token),
      optedInAt: new Date(s.at),
    });
  }
  await db.update(campaignsTable).set({ subscribers: subscribers.length }).where(eq(campaignsTable.id, main.id));

  // Conversations in both channels, one per desk state, with names, message texts and labels to filter by.
  const vip = (await db.insert(labels).values({ orgId: a.org.id, name: "VIP", color: "amber" }).returning())[0];
  const refund = (await db.insert(labels).values({ orgId: a.org.id, name: "退款", color: "red" }).returning())[0];
  const desk = [
    { channel: shop, name: ["Grace", "Hopper"], texts: ["Where is my parcel?", "Any news?"], status: "open" as const, assignee: null, labels: [vip.id] },
    { channel: shop, name: ["小明", "王"], texts: ["我想申请退款"], status: "pending" as const, assignee: a.as.owner.membershipId!, labels: [refund.id] },
    { channel: shop, name: null, texts: ["thanks"], status: "resolved" as const, assignee: a.as.agent.membershipId!, labels: [] },
    { channel: outlet, name: ["Linus", "Torvalds"], texts: ["REFUND please"], status: "open" as const, assignee: null, labels: [vip.id, refund.id] },
  ];
  for (const [i, c] of desk.entries()) {
    const [contact] = await db.insert(contacts).values({ orgId: a.org.id, channelId: c.channel.id, psid: `desk-psid-${i}`, firstName: c.name?.[0], lastName: c.name?.[1] }).returning();
    const at = Date.UTC(2026, 10, 22) + i * HOUR;
    const [conversation] = await db
      .insert(conversations)
      .values({
        orgId: a.org.id,
        channelId: c.channel.id,
        contactId: contact.id,
        lastMessageAt: new Date(at),
        lastMessagePreview: c.texts.at(-1),
        lastMessageKind: "text",
        status: c.status,
        skillGroupId: c.channel.skillGroupId,
        assigneeMembershipId: c.assignee,
        queuedAt: c.status === "open" && !c.assignee ? new Date(at) : null,
      })
      .returning();
    await db.insert(messages).values(
      c.texts.map((text, j) => ({ orgId: a.org.id, channelId: c.channel.id, conversationId: conversation.id, mid: `desk-m-${i}-${j}`, direction: "inbound" as const, kind: "text", text, source: "webhook", timestamp: at - (c.texts.length - j) * 1000 })),
    );
    // The resolved one was resolved by its agent that day: the service report's figure per agent.
    if (c.status === "resolved")
      await db.insert(conversationActivities).values({ orgId: a.org.id, conversationId: conversation.id, kind: "resolved", actorType: "member", fromMembershipId: c.assignee, toSkillGroupId: c.channel.skillGroupId, createdAt: new Date(at) });
    if (c.labels.length) await db.insert(conversationLabels).values(c.labels.map((labelId) => ({ orgId: a.org.id, conversationId: conversation.id, labelId })));
    searchable[conversation.id] = [...c.texts, c.name?.join(" ") ?? ""];
    if (i === 0) pathTargets.conversationId = conversation.id;
  }
  ownerMembershipId = a.as.owner.membershipId!;
  agentMembershipId = a.as.agent.membershipId!;
  skillGroupIds = [shop.skillGroupId!, outlet.skillGroupId!];
  labelIds = [vip.id, refund.id];

  // Canned replies of both scopes, for q and skill_group_id.
  const hours = await createCannedReply({ ctx: a.as.owner, input: { shortcut: "hours", content: "We open at 9, {first_name}." } });
  await createCannedReply({ ctx: a.as.owner, input: { shortcut: "price", content: "Prices start at 10 (50% off, really)", skillGroupId: group.id } });
  await createCannedReply({ ctx: a.as.owner, input: { shortcut: "thanks", content: "Thank you! See our prices page." } });
  cannedReplyGroupIds = [group.id, "organization"];

  // FAQ entries of both languages, in two categories, one disabled, for the knowledge base's filters.
  const faq = (question: string, language: "zh-CN" | "en", category: string, enabled: boolean, alternatives: string[] = []) =>
    createFaq({ ctx: a.as.owner, input: { question, alternatives, answer: { kind: "text", text: "…" }, language, category, enabled } });
  await faq("包邮吗？", "zh-CN", "运费", true, ["免运费吗"]);
  await faq("Where is my package?", "en", "Shipping", true, ["track my parcel"]);
  await faq("What is your return policy?", "en", "Returns", false);

  // The bot's events on two days in both channels, for the analytics' range and channel.
  await db.insert(botEvents).values([
    { orgId: a.org.id, channelId: shop.id, kind: "answered" as const, createdAt: new Date(ANALYTICS_DAYS.early) },
    { orgId: a.org.id, channelId: outlet.id, kind: "answered" as const, createdAt: new Date(ANALYTICS_DAYS.early) },
    { orgId: a.org.id, channelId: shop.id, kind: "answered" as const, createdAt: new Date(ANALYTICS_DAYS.late) },
    { orgId: a.org.id, channelId: shop.id, kind: "unanswered" as const, question: "do you sell gift cards", createdAt: new Date(ANALYTICS_DAYS.late) },
  ]);

  pathTargets = {
    ...pathTargets,
    labelId: vip.id,
    cannedReplyId: hours.id,
    memberId: a.as.agent.membershipId!,
    invitationId: invite.invitation.id,
    skillGroupId: group.id,
    channelId: shop.id,
    campaignId: main.id,
    segmentId: (await createSegment({ ctx: a.as.owner, input: { name: "VIP", definition: { match: "all", conditions: [{ kind: "label", op: "has", labelId: vip.id }] } } })).id,
  };
  channelIds = [shop.id, outlet.id];
  // Recurring topics on both channels (their audiences in the EU, where Meta keeps recurring notifications).
  await (await getDb()).update(channelsTable).set({ messagingRegion: "EU" }).where(inArray(channelsTable.id, channelIds));
  for (const [i, channelId] of channelIds.entries()) {
    for (const title of ["Weekly deals", "Daily digest"]) await createTopic({ ctx: a.as.owner, input: { channelId, title: `${title} ${i}`, cadence: "weekly" } });
    }

  // The shop's permissions to message: three people, two on a recurring topic, one of them Grace (tagged VIP, so in
  // the VIP segment); a marketing campaign planned to all three with three outcomes.
  const [topic] = await db.insert(recurringTopics).values({ orgId: a.org.id, channelId: shop.id, title: "Deals", cadence: "weekly", payload: `tp_${randomToken(8)}`, registration: "registered" }).returning();
  topicId = topic.id;
  const [grace] = await db.select().from(contacts).where(eq(contacts.psid, "desk-psid-0"));
  const [broadcast] = await db
    .insert(campaignsTable)
    .values({ orgId: a.org.id, channelId: shop.id, name: "Deals", kind: "marketing", ref: randomToken(12), requestTitle: "Deals", content: { type: "text", text: "Hi" }, status: "sending", budget: { type: "daily", amountCents: 1000 } })
    .returning();
  broadcastCampaignId = broadcast.id;
  const outcomes = ["sent", "held", "failed"] as const;
  for (const [i, status] of outcomes.entries()) {
    const psid = i === 0 ? grace.psid : `perm-psid-${i}`;
    const token = `nm_${randomToken(8)}`;
    const [permission] = await db
      .insert(messagePermissions)
      .values({ orgId: a.org.id, channelId: shop.id, contactId: i === 0 ? grace.id : null, psid, kind: i < 2 ? "recurring" : "marketing", topicId: i < 2 ? topic.id : null, tokenSealed: seal(token), tokenHash: sha256Hex(token), source: "optin", optedInAt: new Date() })
      .returning();
    await db.insert(campaignDeliveries).values({ orgId: a.org.id, campaignId: broadcast.id, channelId: shop.id, permissionId: permission.id, contactId: permission.contactId, psid, status, dueAt: new Date() });
  }
});
let channelIds: string[];
let cannedReplyGroupIds: string[];

const paramsOf = (operation: ApiOperation) =>
  Object.fromEntries(Object.keys(operation.pathParams ?? {}).map((name) => [name, operation.operationId === "listCampaignDeliveries" ? broadcastCampaignId : pathTargets[name]]));
const call = (operation: ApiOperation, query: Record<string, string> = {}) => callApi(operation, { key, params: paramsOf(operation), query });
/** The audience preview's count for a query (marketing on the shop unless the query says otherwise). */
const previewCount = async (operation: ApiOperation, query: Record<string, string>) => {
  const answer = await call(operation, { kind: "marketing", channelId: channelIds[0], ...query });
  expect(answer.status, JSON.stringify(answer.body).slice(0, 300)).toBe(200);
  return answer.body.recipients as number;
};
const isPreview = (operation: ApiOperation) => operation.operationId === "previewCampaignAudience";

/** One row of a list or of the CSV, with what the filters look at. */
type Row = {
  id?: string;
  kind?: string;
  status?: string;
  name?: string | null;
  channelId?: string;
  skillGroupId?: string | null;
  assigneeMembershipId?: string | null;
  labels?: { id: string }[];
  shortcut?: string;
  content?: string;
  question?: string;
  alternatives?: string[];
  language?: string;
  category?: string;
  enabled?: boolean;
};

/** The analytics' totals for a query: answered and unanswered, the two kinds the fixture stores. */
async function analyticsTotals(operation: ApiOperation, query: Record<string, string> = {}) {
  const answer = await call(operation, query);
  expect(answer.status, JSON.stringify(answer.body).slice(0, 300)).toBe(200);
  const { answered, unanswered } = answer.body.totals as { answered: number; unanswered: number };
  return { answered, unanswered };
}

const REPORT_OPERATIONS = ["getServiceReport", "downloadServiceReportCsv", "getCampaignReport", "downloadCampaignReportCsv"];
const isReport = (operation: ApiOperation) => REPORT_OPERATIONS.includes(operation.operationId);
const csvLines = (text: string) => text.split("\r\n").filter(Boolean).map((line) => line.split(","));

/**
 * What a report (JSON or a CSV table) says for a query: its days, a few totals of the service report (from the desk's
 * messages of 2026-11-22 and the bot's events), and the campaigns compared with their new subscribers in the range.
 */
async function reportOf(operation: ApiOperation, query: Record<string, string> = {}) {
  const get = async (extra: Record<string, string> = {}) => {
    const answer = await call(operation, { ...query, ...extra });
    expect(answer.status, JSON.stringify(answer.body).slice(0, 300)).toBe(200);
    return answer.body;
  };
  const sum = (counts: number[]) => counts.reduce((x, y) => x + y, 0);
  switch (operation.operationId) {
    case "getServiceReport": {
      const body = await get();
      return { days: body.days.map((d: { date: string }) => d.date), messagesIn: body.totals.messagesIn, resolved: body.totals.conversationsResolved, botAnswered: body.totals.bot.answered, campaigns: [], subscribers: 0 };
    }
    case "downloadServiceReportCsv": {
      const days = csvLines(await get({ table: "days" })).slice(1).map((row) => row[0]);
      const totals = Object.fromEntries(csvLines(await get({ table: "totals" })).slice(1).map(([name, value]) => [name, Number(value)]));
      return { days, messagesIn: totals.messages_in, resolved: totals.conversations_resolved, botAnswered: totals.bot_answered, campaigns: [], subscribers: 0 };
    }
    case "getCampaignReport": {
      const body = await get();
      const byDay = body.subscribersByDay as { date: string; counts: number[] }[];
      return { days: byDay.map((d) => d.date), campaigns: body.campaigns.map((c: { campaignId: string }) => c.campaignId), subscribers: sum(byDay.flatMap((d) => d.counts)) };
    }
    default: {
      const [header, ...rows] = csvLines(await get({ table: "subscribers" }));
      return { days: rows.map((row) => row[0]), campaigns: header.slice(1), subscribers: sum(rows.flatMap((row) => row.slice(1).map(Number))) };
    }
  }
}
const isService = (operation: ApiOperation) => operation.operationId.includes("Service");
/** A valid `table` where the operation needs one (the CSV downloads). */
const tableOf = (operation: ApiOperation): Record<string, string> =>
  operation.operationId === "downloadServiceReportCsv" ? { table: "totals" } : operation.operationId === "downloadCampaignReportCsv" ? { table: "campaigns" } : {};
const campaignsOfChannel = async (channelId: string) => {
  const db = await getDb();
  return (await db.select({ id: campaignsTable.id }).from(campaignsTable).where(eq(campaignsTable.channelId, channelId))).map((c) => c.id).sort();
};

function rowsOf(operation: ApiOperation, answer: ApiAnswer): Row[] {
  expect(answer.status, JSON.stringify(answer.body).slice(0, 300)).toBe(200);
  if (operation.response.body?.kind !== "file") return answer.body.data;
  // psid,name,status,... with names that hold no commas.
  const [, ...lines] = (answer.body as string).split("\r\n").filter(Boolean);
  return lines.map((line) => {
    const [psid, name, status] = line.split(",");
    return { id: psid, name: name || null, status };
  });
}

/** Everything the operation lists without filters (one page of 100 where it pages). */
async function everything(operation: ApiOperation, query: Parameter[]): Promise<Row[]> {
  const rows = rowsOf(operation, await call(operation, query.some((p) => p.name === "limit") ? { limit: "100" } : {}));
  expect(rows.length, "the fixture gives every list more than one row").toBeGreaterThan(1);
  return rows;
}

/**
 * A filter keeps exactly the unfiltered rows it names, for every value tried, and at least one value keeps
 * some rows and drops others (so the check cannot pass with a filter that is ignored or keeps nothing).
 */
async function expectFilter(operation: ApiOperation, query: Parameter[], name: string, values: string[], keeps: (row: Row, value: string) => boolean) {
  const all = await everything(operation, query);
  const paging: Record<string, string> = query.some((p) => p.name === "limit") ? { limit: "100" } : {};
  let discriminating = false;
  for (const value of values) {
    const kept = rowsOf(operation, await call(operation, { ...paging, [name]: value }));
    expect(kept, `${name}=${value}`).toEqual(all.filter((row) => keeps(row, value)));
    if (kept.length > 0 && kept.length < all.length) discriminating = true;
  }
  expect(discriminating, `some value of ${name} keeps some rows and drops others`).toBe(true);
}

/** What each declared parameter must do, wherever the document declares it. */
const checks: Record<string, (operation: ApiOperation, query: Parameter[], parameter: Parameter) => Promise<void>> = {
  limit: async (operation, query, parameter) => {
    const all = await everything(operation, query);
    const one = await call(operation, { limit: String(parameter.schema.minimum) });
    expect(rowsOf(operation, one)).toEqual(all.slice(0, 1));
    expect(one.body.nextCursor).toBe(all[0].id);
    const most = await call(operation, { limit: String(parameter.schema.maximum) });
    expect(rowsOf(operation, most)).toEqual(all);
    expect(most.body.nextCursor).toBeNull();
  },
  cursor: async (operation, query) => {
    const all = await everything(operation, query);
    const first = await call(operation, { limit: "1" });
    const rest = await call(operation, { limit: "100", cursor: first.body.nextCursor });
    expect(rowsOf(operation, rest)).toEqual(all.slice(1));
  },
  status: async (operation, query, parameter) => {
    await expectFilter(operation, query, "status", parameter.schema.enum!, (row, value) => row.status === value);
  },
  search: async (operation, query) => {
    // Part of a first or last name, in any case; a name nobody has keeps nothing.
    await expectFilter(operation, query, "search", ["ada", "TURING", "Ada Love", "nobody"], (row, value) => (row.name ?? "").toLowerCase().includes(value.toLowerCase()));
  },
  kind: async (operation, query, parameter) => {
    if (isPreview(operation)) {
      // Marketing reaches every permission of the Page; recurring only the topic's.
      expect(await previewCount(operation, { kind: "marketing" })).toBe(3);
      expect(await previewCount(operation, { kind: "recurring", topicId })).toBe(2);
      expect((await call(operation, { kind: "otn", channelId: channelIds[0] })).status).toBe(422);
      return;
    }
    expect(parameter.schema.enum).toEqual(["otn", "recurring", "marketing"]);
    await expectFilter(operation, query, "kind", parameter.schema.enum!, (row, value) => row.kind === value);
  },
  topicId: async (operation) => {
    expect(await previewCount(operation, { kind: "recurring", topicId })).toBe(2);
    expect((await call(operation, { kind: "recurring", channelId: channelIds[0] })).status).toBe(422);
  },
  segmentId: async (operation) => {
    // The VIP segment holds Grace only.
    expect(await previewCount(operation, { segmentId: pathTargets.segmentId })).toBe(1);
    expect(await previewCount(operation, { kind: "recurring", topicId, segmentId: pathTargets.segmentId })).toBe(1);
  },
  skill_group_id: async (operation, query) => {
    await expectFilter(operation, query, "skill_group_id", cannedReplyGroupIds, (row, value) => (value === "organization" ? row.skillGroupId === null : row.skillGroupId === value));
  },
  channelId: async (operation, query) => {
    if (isPreview(operation)) {
      expect(await previewCount(operation, { channelId: channelIds[0] })).toBe(3);
      expect(await previewCount(operation, { channelId: channelIds[1] })).toBe(0);
      return;
    }
    if (isReport(operation) && isService(operation)) {
      // The desk's messages of 2026-11-22 (Grace's two came just before midnight): two in the shop's conversations, one in the outlet's.
      const day = { from: "2026-11-22", to: "2026-11-22" };
      expect((await reportOf(operation, day)).messagesIn).toBe(3);
      expect((await reportOf(operation, { ...day, channelId: channelIds[0] })).messagesIn).toBe(2);
      expect((await reportOf(operation, { ...day, channelId: channelIds[1] })).messagesIn).toBe(1);
      return;
    }
    if (isReport(operation)) {
      // Every campaign was created today: the range's activity; each channel keeps its own.
      expect((await reportOf(operation, { preset: "today" })).campaigns.sort()).toEqual([...(await campaignsOfChannel(channelIds[0])), ...(await campaignsOfChannel(channelIds[1]))].sort());
      for (const channelId of channelIds) expect((await reportOf(operation, { preset: "today", channelId })).campaigns.sort()).toEqual(await campaignsOfChannel(channelId));
      return;
    }
    if (operation.operationId === "getBotAnalytics") {
      expect(await analyticsTotals(operation)).toEqual({ answered: 3, unanswered: 1 });
      expect(await analyticsTotals(operation, { channelId: channelIds[0] })).toEqual({ answered: 2, unanswered: 1 });
      expect(await analyticsTotals(operation, { channelId: channelIds[1] })).toEqual({ answered: 1, unanswered: 0 });
      return;
    }
    await expectFilter(operation, query, "channelId", channelIds, (row, value) => row.channelId === value);
  },
  from: async (operation) => {
    if (isReport(operation) && isService(operation)) {
      expect(await reportOf(operation, { from: "2026-11-22", to: "2026-11-22" })).toMatchObject({ days: ["2026-11-22"], messagesIn: 3, resolved: 1 });
      expect(await reportOf(operation, { from: "2026-11-23", to: "2026-11-23" })).toMatchObject({ days: ["2026-11-23"], messagesIn: 0, resolved: 0 });
      expect((await call(operation, { ...tableOf(operation), from: "2026-11-23", to: "2026-11-22" })).status).toBe(422);
      return;
    }
    if (isReport(operation)) {
      // The main campaign's subscribers: two on 2026-11-20, one on 2026-11-21.
      expect(await reportOf(operation, { from: "2026-11-21", to: "2026-11-21" })).toEqual({ days: ["2026-11-21"], campaigns: [pathTargets.campaignId], subscribers: 1 });
      expect(await reportOf(operation, { from: "2026-11-20", to: "2026-11-21" })).toEqual({ days: ["2026-11-20", "2026-11-21"], campaigns: [pathTargets.campaignId], subscribers: 3 });
      expect((await call(operation, { ...tableOf(operation), from: "2026-11-23", to: "2026-11-22" })).status).toBe(422);
      return;
    }
    // From the day between the two: only the later day's events.
    expect(await analyticsTotals(operation, { from: isoDay(ANALYTICS_DAYS.early + 2 * 24 * HOUR) })).toEqual({ answered: 1, unanswered: 1 });
    expect(await analyticsTotals(operation, { from: isoDay(ANALYTICS_DAYS.early) })).toEqual({ answered: 3, unanswered: 1 });
  },
  to: async (operation) => {
    if (isReport(operation) && isService(operation)) {
      expect(await reportOf(operation, { from: "2026-11-20", to: "2026-11-21" })).toMatchObject({ days: ["2026-11-20", "2026-11-21"], messagesIn: 2 });
      expect(await reportOf(operation, { from: "2026-11-20", to: "2026-11-22" })).toMatchObject({ messagesIn: 5 });
      return;
    }
    if (isReport(operation)) {
      expect((await reportOf(operation, { from: "2026-11-19", to: "2026-11-20" })).subscribers).toBe(2);
      expect((await reportOf(operation, { from: "2026-11-19", to: "2026-11-21" })).subscribers).toBe(3);
      return;
    }
    // Up to the day between the two: only the earlier day's events; a range before both holds none.
    expect(await analyticsTotals(operation, { to: isoDay(ANALYTICS_DAYS.early + 2 * 24 * HOUR) })).toEqual({ answered: 2, unanswered: 0 });
    expect(await analyticsTotals(operation, { from: isoDay(ANALYTICS_DAYS.early - 5 * 24 * HOUR), to: isoDay(ANALYTICS_DAYS.early - 24 * HOUR) })).toEqual({ answered: 0, unanswered: 0 });
  },
  language: async (operation, query, parameter) => {
    expect(parameter.schema.enum).toEqual(["zh-CN", "en"]);
    await expectFilter(operation, query, "language", parameter.schema.enum!, (row, value) => row.language === value);
  },
  category: async (operation, query) => {
    await expectFilter(operation, query, "category", ["运费", "Shipping", "nothing"], (row, value) => row.category === value);
  },
  enabled: async (operation, query) => {
    await expectFilter(operation, query, "enabled", ["true", "false"], (row, value) => String(row.enabled) === value);
  },
  view: async (operation, query, parameter) => {
    expect(parameter.schema.enum).toEqual(["mine", "unassigned", "all"]);
    // The key acts for the owner: Mine is theirs; the owner may assign, so Unassigned is every queue.
    await expectFilter(operation, query, "view", parameter.schema.enum!, (row, value) =>
      value === "mine" ? row.assigneeMembershipId === ownerMembershipId : value === "unassigned" ? row.status === "open" && !row.assigneeMembershipId : true,
    );
  },
  skillGroupId: async (operation, query) => {
    if (isReport(operation)) {
      const day = { from: "2026-11-22", to: "2026-11-22" };
      expect((await reportOf(operation, { ...day, skillGroupId: skillGroupIds[0] })).messagesIn).toBe(2);
      expect((await reportOf(operation, { ...day, skillGroupId: skillGroupIds[1] })).messagesIn).toBe(1);
      return;
    }
    await expectFilter(operation, query, "skillGroupId", skillGroupIds, (row, value) => row.skillGroupId === value);
  },
  assigneeMembershipId: async (operation, query) => {
    await expectFilter(operation, query, "assigneeMembershipId", ["me", "none", agentMembershipId], (row, value) =>
      value === "me" ? row.assigneeMembershipId === ownerMembershipId : value === "none" ? !row.assigneeMembershipId : row.assigneeMembershipId === value,
    );
  },
  labelId: async (operation, query) => {
    await expectFilter(operation, query, "labelId", labelIds, (row, value) => (row.labels ?? []).some((l) => l.id === value));
  },
  q: async (operation, query) => {
    if (operation.path.startsWith("/faqs")) {
      // Words of the question, its other phrasings or its category, in any case and in Chinese.
      const matches = (row: Row, value: string) => [row.question, ...(row.alternatives ?? []), row.category].join(" ").toLowerCase().includes(value.toLowerCase());
      return expectFilter(operation, query, "q", ["包邮", "PARCEL", "returns", "nobody asks this"], matches);
    }
    if (operation.path.startsWith("/canned-replies")) {
      // Words of the shortcut or the content, in any case; "%" is a letter, not a wildcard.
      const matches = (row: Row, value: string) => `${row.shortcut} ${row.content}`.toLowerCase().includes(value.toLowerCase());
      return expectFilter(operation, query, "q", ["PRICE", "hours", "50%", "%", "nobody"], matches);
    }
    // A message's words or the contact's name, in any case and in Chinese; rows found carry the matching snippet.
    const all = await everything(operation, query);
    for (const value of ["退款", "refund", "GRACE hop", "小明", "nobody wrote this"]) {
      const found = rowsOf(operation, await call(operation, { limit: "100", q: value }));
      const expected = all.filter((row) => searchable[row.id!].some((text) => text.toLowerCase().includes(value.toLowerCase())));
      expect(found.map((row) => row.id), value).toEqual(expected.map((row) => row.id));
    }
    const [refund] = rowsOf(operation, await call(operation, { q: "退款" }));
    expect(refund).toMatchObject({ matchSnippet: "我想申请退款" });
  },
  preset: async (operation, _query, parameter) => {
    expect(parameter.schema.enum).toEqual(["today", "7d", "30d", "custom"]);
    const today = isoDay(Date.now());
    for (const [preset, length] of [["today", 1], ["7d", 7], ["30d", 30]] as const) {
      const { days } = await reportOf(operation, { preset });
      expect(days, preset).toHaveLength(length);
      expect(days.at(-1)).toBe(today);
    }
    // The default is 7d; custom takes from and to, and needs from.
    expect((await reportOf(operation)).days).toEqual((await reportOf(operation, { preset: "7d" })).days);
    expect((await reportOf(operation, { preset: "custom", from: "2026-11-21", to: "2026-11-22" })).days).toEqual(["2026-11-21", "2026-11-22"]);
    expect((await call(operation, { ...tableOf(operation), preset: "custom" })).status).toBe(422);
    if (isService(operation)) {
      // The bot's answers of 6 and 2 days ago.
      expect((await reportOf(operation, { preset: "today" })).botAnswered).toBe(0);
      expect((await reportOf(operation, { preset: "7d" })).botAnswered).toBe(3);
    }
  },
  membershipId: async (operation) => {
    // The resolved conversation of 2026-11-22 was the agent's.
    const day = { from: "2026-11-22", to: "2026-11-22" };
    expect((await reportOf(operation, day)).resolved).toBe(1);
    expect(await reportOf(operation, { ...day, membershipId: agentMembershipId })).toMatchObject({ resolved: 1, messagesIn: 0 });
    expect((await reportOf(operation, { ...day, membershipId: ownerMembershipId })).resolved).toBe(0);
  },
  campaignIds: async (operation) => {
    const all = (await reportOf(operation, { preset: "today" })).campaigns;
    expect(all.length).toBeGreaterThan(2);
    expect((await reportOf(operation, { preset: "today", campaignIds: all[2] })).campaigns).toEqual([all[2]]);
    expect((await reportOf(operation, { preset: "today", campaignIds: `${all[2]},${all[0]}` })).campaigns).toEqual([all[2], all[0]]);
    expect((await call(operation, { ...tableOf(operation), campaignIds: "nope" })).status).toBe(422);
  },
  table: async (operation, _query, parameter) => {
    const headers: Record<string, string> = {
      totals: "metric,value",
      days: "date,conversations_new,conversations_resolved,conversations_reopened,messages_in,messages_out,csat_average",
      heatmap: `weekday,${Array.from({ length: 24 }, (_, h) => `hour_${h}`).join(",")}`,
      agents: "id,name,conversations_resolved,messages_out,first_response_count,first_response_median_ms,first_response_p90_ms,first_response_average_ms,handle_count,handle_median_ms,handle_p90_ms,handle_average_ms,resolution_count,resolution_median_ms,resolution_p90_ms,resolution_average_ms,csat_average,csat_rated",
      campaigns: "campaign_id,name,status,channel_id,link_clicks,requests_sent,requests_skipped,subscribers,sent,failed,expired",
      subscribers: "date",
      failures: "campaign_id,name,code,reason,count",
    };
    headers.skillGroups = headers.agents;
    for (const table of parameter.schema.enum!) {
      const answer = await call(operation, { table, from: "2026-11-20", to: "2026-11-22" });
      expect(answer.status, table).toBe(200);
      expect(answer.contentType).toBe("text/csv; charset=utf-8");
      expect((answer.body as string).split("\r\n")[0]!.startsWith(headers[table]!), table).toBe(true);
    }
    const days = csvLines((await call(operation, { table: parameter.schema.enum!.includes("days") ? "days" : "subscribers", from: "2026-11-20", to: "2026-11-22" })).body);
    expect(days.slice(1).map((row) => row[0])).toEqual(["2026-11-20", "2026-11-21", "2026-11-22"]);
    expect((await call(operation, { table: "nope" })).status).toBe(422);
  },
  bucket: async (operation, _query, parameter) => {
    expect(parameter.schema.enum).toEqual(["hour", "day"]);
    const hourly = (await call(operation, { bucket: "hour" })).body;
    const daily = (await call(operation, { bucket: "day" })).body;
    expect(hourly).toEqual({
      bucket: "hour",
      points: [
        { at: "2026-11-20T09:00:00.000Z", subscribers: 1, cumulative: 1 },
        { at: "2026-11-20T10:00:00.000Z", subscribers: 1, cumulative: 2 },
        { at: "2026-11-21T08:00:00.000Z", subscribers: 1, cumulative: 3 },
      ],
    });
    expect(daily).toEqual({
      bucket: "day",
      points: [
        { at: "2026-11-20T00:00:00.000Z", subscribers: 2, cumulative: 2 },
        { at: "2026-11-21T00:00:00.000Z", subscribers: 1, cumulative: 3 },
      ],
    });
    // The default is the one the document states.
    expect((await call(operation)).body).toEqual(daily);
  },
};

it("every query parameter of every operation is described, with an example", () => {
  const undocumented = documented.flatMap(({ operation, query }) =>
    query.filter((p) => !p.description?.trim() || p.example === undefined).map((p) => `${operation.operationId} ${p.name}`),
  );
  expect(undocumented).toEqual([]);
  // The document declares every parameter the route's schema takes (nothing only in the prose).
  for (const { operation, query } of documented) expect(query.map((p) => p.name).sort()).toEqual(Object.keys(operation.query?.shape ?? {}).sort());
});

it("every declared query parameter has a check", () => {
  const declared = [...new Set(withQuery.flatMap((d) => d.query.map((p) => p.name)))].sort();
  expect(declared).toEqual(Object.keys(checks).sort());
  // The walk covers the recipient log's and the chart's parameters the issue found only in prose.
  expect(withQuery.map((d) => d.operation.operationId)).toEqual(
    expect.arrayContaining(["listCampaignRecipients", "getCampaignSubscribersOverTime", "downloadCampaignRecipientsCsv", "listCampaigns", "listConversations", "listConversationMessages"]),
  );
});

describe.each(withQuery.map((d) => [d.operation.operationId, d] as const))("%s honours each parameter it declares", (_id, { operation, query }) => {
  it.each(query.map((p) => [p.name, p] as const))("%s", async (_name, parameter) => {
    await checks[parameter.name](operation, query, parameter);
  });
});

async function auditRows(): Promise<number> {
  const db = await getDb();
  return (await db.select({ id: auditLog.id }).from(auditLog).where(eq(auditLog.orgId, a.org.id))).length;
}

/** Refused in the documented error shape, naming the parameter. */
function expectUndeclared(answer: ApiAnswer, name: string) {
  expect(answer.status, JSON.stringify(answer.body)).toBe(400);
  expect(apiErrorSchema.safeParse(answer.body).error).toBeUndefined();
  expect(errorMessage(answer, "bad_request")).toContain(`\`${name}\``);
}

describe("a query parameter the document does not declare is refused with 400, and nothing is written", () => {
  it.each(documented.map((d) => [`${d.operation.method} ${d.operation.base ?? "v1"} ${d.operation.path}`, d] as const))("%s", async (_name, { operation, query }) => {
    const before = await auditRows();
    // Valid values for what is declared, so only the stranger can be at fault.
    const declared = Object.fromEntries(query.filter((p) => p.schema.enum).map((p) => [p.name, p.schema.enum![0]]));
    const answer = await callApi(operation, {
      key: operation.permission ? key : null,
      params: paramsOf(operation),
      query: { ...declared, statu: "sent" },
      ...(operation.body && { body: {} }),
    });
    expectUndeclared(answer, "statu");
    const accepted = query.map((p) => p.name);
    if (accepted.length > 0) expect(answer.body.error.message).toContain(accepted.join(", "));
    expect(await auditRows()).toBe(before);
  });

  it("the session's ?org= is the dashboard's transport, never an API key's parameter", async () => {
    const listMembers = apiOperations.find((o) => o.operationId === "listMembers")!;
    expectUndeclared(await callApi(listMembers, { key, query: { org: a.org.slug } }), "org");
    session.user = { ...a.users.owner, name: "" };
    try {
      expect((await callApi(listMembers, { key: null, query: { org: a.org.slug, limit: "1" } })).body.data).toHaveLength(1);
      expectUndeclared(await callApi(listMembers, { key: null, query: { org: a.org.slug, statu: "x" } }), "statu");
    } finally {
      session.user = null;
    }
  });

  it("a stranger without a key meets 401 first, not a hint about parameters", async () => {
    const listMembers = apiOperations.find((o) => o.operationId === "listMembers")!;
    const answer = await callApi(listMembers, { key: null, query: { statu: "x" } });
    expect(answer.status).toBe(401);
  });
});

describe("a path no operation has", () => {
  const methods = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"] as const;

  it.each(methods)("%s answers 404 in the JSON error shape, signed in or not, and writes nothing", async (method) => {
    const before = await auditRows();
    for (const authorization of [undefined, `Bearer ${key}`]) {
      const answer = await callCatchAll(method, "/campaignz/123", authorization);
      expect(answer.status).toBe(404);
      expect(answer.contentType).toContain("application/json");
      if (method !== "HEAD") expect(errorMessage(answer, "not_found")).toBe(`No API route ${method} /api/v1/campaignz/123. The operations are listed in /api/v1/openapi.json.`);
    }
    expect(await auditRows()).toBe(before);
  });

  it("is no operation of the document, which names its own absolute server", () => {
    expect(doc.servers).toEqual([{ url: `${appUrl()}/api/v1` }]);
    expect(Object.keys(doc.paths).some((p) => p.includes("..."))).toBe(false);
  });
});

async function callCatchAll(method: string, path: string, authorization?: string): Promise<ApiAnswer> {
  const { NextRequest } = await import("next/server");
  const mod = (await import("@/app/api/v1/[[...path]]/route")) as Record<string, (req: InstanceType<typeof NextRequest>) => Response | Promise<Response>>;
  const req = new NextRequest(new URL(`http://localhost/api/v1${path}`), { method, headers: authorization ? { authorization } : {} });
  const res = await mod[method](req);
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : null, contentType: res.headers.get("content-type") };
}
