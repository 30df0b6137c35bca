/**
 * Every operation of the registry, called through its route function with real API keys: who may call it
 * (401, 403), whose ids it sees (404), what it accepts (400, 422) and what it answers (status and the very
 * schema the OpenAPI document publishes), and for every write, that the dashboard's session cookie only works
 * from the app's own origin and in JSON. A new operation fails "every operation has a case" until it is here.
 */
import { beforeAll, describe, expect, it, vi } from "vitest";
import { eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { auditLog, campaigns as campaignsTable, channels as channelsTable, contacts, conversations, labels, messages, otnTokens, recurringTopics, skillGroupMembers } from "@/db/schema";
import { apiOperations } from "@/lib/api/openapi";
import { appUrl } from "@/lib/app-url";
import { cancelCampaign, createCampaign } from "@/lib/services/campaigns";
import { sha256Hex } from "@/lib/crypto/hash";
import { seal } from "@/lib/crypto/secrets";
import { apiErrorSchema, responseSchemaOf, type ApiOperation } from "@/lib/api/operations/define";
import { randomToken } from "@/db/ids";
import { PERMISSIONS } from "@/lib/permissions";
import { createApiKey, revokeApiKey } from "@/lib/services/api-keys";
import { revealVerifyToken, createChannel } from "@/lib/services/channels";
import { SUBSCRIBED_FIELDS } from "@/lib/services/channels/schemas";
import { inviteMember } from "@/lib/services/members";
import { createSkillGroup, addSkillGroupMember } from "@/lib/services/skill-groups";
import { createCannedReply } from "@/lib/services/canned-replies";
import { createFaq } from "@/lib/services/faqs";
import { createConnector } from "@/lib/services/bot-connectors";
import { addConversationNote } from "@/lib/services/conversations";
import { createSegment } from "@/lib/services/segments";
import { createTopic } from "@/lib/services/topics";
import { setTokenImportEventSender } from "@/lib/services/permissions";
import { useTestDatabase } from "@/tests/db";
import { createOrgFixture, type OrgFixture } from "@/tests/fixtures";
import { DEMO } from "@/sandbox/server";
import { useGraphSandbox } from "@/tests/graph-sandbox";
import { hostileBodies, hostileQueries, NUL_TEXT } from "@/tests/hostile-inputs";
import { addMember, callApi, createKeys, errorMessage, KEY_ROLES, type ApiAnswer, type KeyRole } from "@/tests/api-v1";

// No session cookie unless a test signs someone in: a request without a key must meet the API-key door.
const session = vi.hoisted(() => ({ user: null as { id: string; email: string; name: string } | null }));
vi.mock("@/lib/auth/session", () => ({ getSessionUser: async () => session.user }));

useTestDatabase();
// Channel operations that call Graph (check, exchange-token) reach the sandbox, never Meta.
const sandbox = useGraphSandbox();

/** Org A's resources the operations aim at. */
interface Targets {
  memberId: string;
  invitationId: string;
  skillGroupId: string;
  /** A member who is in the skill group. */
  groupMemberId: string;
  /** A channel for a sandbox Page of its own, answered by a skill group of its own (live channels pin their group). */
  channelId: string;
  channelGroupId: string;
  channelPageId: string;
  /** A user token that manages the channel's Page. */
  userToken: string;
  /** What no answer may contain: the channel's Page access token, app secret and verify token. */
  secrets: string[];
  /** OTN campaigns on the channel: a draft with one subscriber, one without any, one cancelled, one paused. */
  campaignId: string;
  emptyCampaignId: string;
  endedCampaignId: string;
  pausedCampaignId: string;
  /** A queued conversation on the channel with two messages; labels of the organisation. */
  conversationId: string;
  labelId: string;
  otherLabelId: string;
  /** An organisation-wide canned reply. */
  cannedReplyId: string;
  /** An FAQ entry of the bot's knowledge base. */
  faqId: string;
  /** A conversation on the channel (the owner, whom keys act for, is in its skill group) with one note. */
  noteConversationId: string;
  noteId: string;
  /** A member who may see the conversation, to mention. */
  mentionableMemberId: string;
  /** The agent desk: conversations of the channel (its group has the owner, for whom keys act, and `deskAgentId`). */
  queuedConversationId: string;
  transferConversationId: string;
  assignConversationId: string;
  openConversationId: string;
  resolveConversationId: string;
  pendingConversationId: string;
  resolvedConversationId: string;
  reopenConversationId: string;
  contactId: string;
  deskAgentId: string;
  ownerMembershipId: string;
  transferAgentId: string;
  /** A conversation on the channel with a sandbox person who wrote just now (24 h window open), and our replies in it. */
  replyConversationId: string;
  failedMessageId: string;
  sentMessageId: string;
  /** A conversation Meta's Page Inbox controls (Conversation Routing), and one on a disabled channel. */
  lockedConversationId: string;
  disabledConversationId: string;
  /** An external bot connector whose endpoint refuses connections (a test call fails fast, as unreachable). */
  connectorId: string;
  /** A segment of the organisation (VIP-labelled contacts), and one a draft campaign targets. */
  segmentId: string;
  targetedSegmentId: string;
  /** Recurring topics of the channel (its Page in the EU): unregistered, registered, one a draft recurring campaign uses; the Page admin's contact (window open). */
  topicId: string;
  registeredTopicId: string;
  usedTopicId: string;
  topicContactId: string;
  /** Made once: a channel eligible for Marketing Messages with a contact (its Page token is never rotated), and a disconnected one with a contact. */
  marketingChannelId: string;
  marketingContactId: string;
  disconnectedChannelId: string;
  disconnectedContactId: string;
}

interface Case {
  params?: (t: Targets) => Record<string, string>;
  /** Query parameters the operation needs (its required ones). */
  query?: (t: Targets) => Record<string, string>;
  body?: (t: Targets) => unknown;
  invalid?: { body: unknown; message: string };
  /**
   * A request that answers 409 as documented. Some conflicts (the last owner) only an owner can reach,
   * and keys are never owners: those go through the same route with the owner's session.
   */
  conflict?: (t: Targets) => { params?: Record<string, string>; body?: unknown; asOwnerSession?: boolean };
  /** Looks past status and shape at what the happy path did. */
  check?: (answer: ApiAnswer, t: Targets) => Promise<void> | void;
}

let a: OrgFixture;
let b: OrgFixture;
let keysA: Record<KeyRole, string>;
let keyB: string;
let revokedKey: string;
let shared: Targets;
let marketing: Awaited<ReturnType<typeof marketingTargets>>;

const op = (operationId: string): ApiOperation => apiOperations.find((o) => o.operationId === operationId)!;
const asAdmin = (operationId: string, params?: Record<string, string>) => callApi(op(operationId), { key: keysA.admin, params });

async function freshTargets(): Promise<Targets> {
  const memberId = await addMember(a);
  const groupMemberId = await addMember(a);
  const group = await createSkillGroup({ ctx: a.as.owner, input: { name: `Group ${randomToken(4)}`, description: "Keep me" } });
  await addSkillGroupMember({ ctx: a.as.owner, skillGroupId: group.id, input: { membershipId: groupMemberId } });
  const invite = await inviteMember({ ctx: a.as.owner, input: { email: `invitee-${randomToken(4).toLowerCase()}@example.com`, role: "agent" } });
  const channelGroup = await createSkillGroup({ ctx: a.as.owner, input: { name: `Channel group ${randomToken(4)}` } });
  const page = await sandbox.newPage();
  const channel = await createChannel({
    ctx: a.as.owner,
    input: { name: "Shop", pageId: page.pageId, pageAccessToken: page.pageAccessToken, appId: DEMO.appId, appSecret: DEMO.appSecret, skillGroupId: channelGroup.id },
  });
  const verifyToken = await revealVerifyToken({ ctx: a.as.owner, channelId: channel.id });
  const campaigns = await campaignTargets(channel.id);
  // Agent keys act for the owner, who answers the channel's group: an agent key sees its conversations.
  await addSkillGroupMember({ ctx: a.as.owner, skillGroupId: channelGroup.id, input: { membershipId: a.as.owner.membershipId! } });
  const desk = await deskTargets(channel.id, channelGroup.id);
  const notes = await noteTargets(channel.id, channelGroup.id);
  const routing = await routingTargets(channel.id, channelGroup.id);
  const replies = await replyTargets();
  const faq = await createFaq({ ctx: a.as.owner, input: { question: "是否包邮？", alternatives: ["包邮吗"], answer: { kind: "text", text: "满 49 美元包邮。" }, language: "zh-CN", category: "运费" } });
  const segments = await segmentTargets(channel.id, desk.labelId);
  const topics = await topicTargets(channel.id, page.pageId);
  const connector = await createConnector({ ctx: a.as.owner, input: { name: `Bot ${randomToken(4)}`, url: "http://127.0.0.1:9/bot", timeoutMs: 500 } });
  return {
    ...marketing,
    connectorId: connector.connector.id,
    faqId: faq.id,
    ...segments,
    ...topics,
    ...campaigns,
    ...desk,
    ...notes,
    ...routing,
    ...replies,
    memberId,
    groupMemberId,
    skillGroupId: group.id,
    invitationId: invite.invitation.id,
    channelId: channel.id,
    channelGroupId: channelGroup.id,
    channelPageId: page.pageId,
    userToken: page.userToken,
    secrets: [page.pageAccessToken, DEMO.appSecret, verifyToken],
  };
}

/** A Page ID no channel has: Page IDs are unique across organisations. */
const freshPageId = () => `9${Date.now()}${Math.floor(Math.random() * 1e6)}`;

const cases: Record<string, Case> = {
  ...routingCases(),
  listMembers: {
    check: (answer, t) => expect(answer.body.data.map((m: { id: string }) => m.id)).toContain(t.memberId),
  },
  getMember: {
    params: (t) => ({ memberId: t.memberId }),
    check: (answer, t) => expect(answer.body).toMatchObject({ id: t.memberId, role: "agent" }),
  },
  updateMember: {
    params: (t) => ({ memberId: t.memberId }),
    body: () => ({ role: "marketer" }),
    conflict: () => ({ params: { memberId: a.as.owner.membershipId! }, body: { role: "admin" }, asOwnerSession: true }),
    invalid: { body: { role: "king" }, message: "role: Role must be one of owner, admin, marketer, agent." },
    check: async (answer, t) => {
      expect(answer.body).toMatchObject({ id: t.memberId, role: "marketer" });
      expect((await asAdmin("getMember", { memberId: t.memberId })).body.role).toBe("marketer");
    },
  },
  removeMember: {
    params: (t) => ({ memberId: t.memberId }),
    conflict: () => ({ params: { memberId: a.as.owner.membershipId! }, asOwnerSession: true }),
    check: async (_answer, t) => expect((await asAdmin("getMember", { memberId: t.memberId })).status).toBe(404),
  },
  listInvitations: {
    check: (answer, t) => {
      expect(answer.body.data.map((i: { id: string }) => i.id)).toContain(t.invitationId);
      expect(answer.body.nextCursor).toBeNull();
    },
  },
  inviteMember: {
    body: () => ({ email: `  New-${randomToken(4)}@Example.com `, role: "agent" }),
    invalid: { body: { email: "not-an-email", role: "agent" }, message: "email: Enter a valid email address." },
    conflict: () => ({ body: { email: a.users.agent.email, role: "agent" } }),
    check: (answer) => {
      expect(answer.body.invitation.email).toMatch(/^new-.*@example\.com$/);
      expect(answer.body.link).toMatch(/\/invite\/[\w-]{20,}$/);
    },
  },
  revokeInvitation: {
    params: (t) => ({ invitationId: t.invitationId }),
    check: async (_answer, t) => {
      const open = (await asAdmin("listInvitations")).body.data.map((i: { id: string }) => i.id);
      expect(open).not.toContain(t.invitationId);
    },
  },
  listSkillGroups: {
    check: (answer, t) => expect(answer.body.data.map((g: { id: string }) => g.id)).toContain(t.skillGroupId),
  },
  createSkillGroup: {
    body: () => ({ name: `  Billing ${randomToken(4)} ` }),
    invalid: { body: { name: "   " }, message: "name: Name is required." },
    conflict: () => ({ body: { name: "Taken" } }),
    check: (answer) => expect(answer.body).toMatchObject({ name: expect.stringMatching(/^Billing \S+$/), description: "", memberCount: 0 }),
  },
  getSkillGroup: {
    params: (t) => ({ skillGroupId: t.skillGroupId }),
    check: (answer, t) => expect(answer.body).toMatchObject({ id: t.skillGroupId, description: "Keep me", memberCount: 1 }),
  },
  updateSkillGroup: {
    params: (t) => ({ skillGroupId: t.skillGroupId }),
    body: () => ({ name: `Renamed ${randomToken(4)}` }),
    invalid: { body: {}, message: "Send a name or a description to change." },
    conflict: (t) => ({ params: { skillGroupId: t.skillGroupId }, body: { name: "Taken" } }),
    // Only the fields sent change: the description stays.
    check: (answer) => expect(answer.body).toMatchObject({ name: expect.stringMatching(/^Renamed /), description: "Keep me" }),
  },
  deleteSkillGroup: {
    params: (t) => ({ skillGroupId: t.skillGroupId }),
    conflict: (t) => ({ params: { skillGroupId: t.channelGroupId } }),
    check: async (_answer, t) => {
      expect((await asAdmin("getSkillGroup", { skillGroupId: t.skillGroupId })).status).toBe(404);
      // The group's members stay members of the organisation.
      expect((await asAdmin("getMember", { memberId: t.groupMemberId })).status).toBe(200);
    },
  },
  listSkillGroupMembers: {
    params: (t) => ({ skillGroupId: t.skillGroupId }),
    check: (answer, t) => expect(answer.body).toEqual({ data: [expect.objectContaining({ id: t.groupMemberId })], nextCursor: null }),
  },
  addSkillGroupMember: {
    params: (t) => ({ skillGroupId: t.skillGroupId }),
    body: (t) => ({ membershipId: t.memberId }),
    invalid: { body: { membershipId: "someone" }, message: "membershipId: membershipId must be a member id." },
    conflict: (t) => ({ params: { skillGroupId: t.skillGroupId }, body: { membershipId: t.groupMemberId } }),
    check: async (answer, t) => {
      expect(answer.body.id).toBe(t.memberId);
      expect((await asAdmin("getSkillGroup", { skillGroupId: t.skillGroupId })).body.memberCount).toBe(2);
    },
  },
  removeSkillGroupMember: {
    params: (t) => ({ skillGroupId: t.skillGroupId, memberId: t.groupMemberId }),
    check: async (_answer, t) => {
      expect((await asAdmin("listSkillGroupMembers", { skillGroupId: t.skillGroupId })).body.data).toEqual([]);
      expect((await asAdmin("getMember", { memberId: t.groupMemberId })).status).toBe(200);
    },
  },
  listChannels: {
    check: (answer, t) => expect(answer.body.data.map((c: { id: string }) => c.id)).toContain(t.channelId),
  },
  createChannel: {
    body: (t) => ({ ...newChannelBody, ...sandboxPageWithToken(`new-page-token-${randomToken(8)}-7890`, t !== placeholderTargets), skillGroupId: t.channelGroupId }),
    invalid: { body: { name: "Shop", pageId: "facebook.com/shop" }, message: "pageId: Page ID must be the numeric ID shown in Meta's dashboard." },
    check: (answer) => {
      expect(answer.body).toMatchObject({ name: "New shop", status: "active", reconnectNeeded: false, pageAccessTokenHint: "••••7890", appSecretHint: "••••cret" });
      expect(answer.body.callbackUrl).toMatch(new RegExp(`/facebook/webhook/${answer.body.pageId}$`));
      expectNoSecrets(answer, ["new-page-token-", newChannelBody.appSecret]);
    },
  },
  getChannel: {
    params: (t) => ({ channelId: t.channelId }),
    check: (answer, t) => expect(answer.body).toMatchObject({ id: t.channelId, name: "Shop", skillGroupId: t.channelGroupId }),
  },
  updateChannel: {
    params: (t) => ({ channelId: t.channelId }),
    // A replacement token must prove the same Page: the sandbox's Page gets it, as after a re-login.
    body: (t) => {
      if (t === placeholderTargets) return { name: "Renamed shop", pageAccessToken: "replaced-page-token-4321" };
      const page = sandbox.running.state.pages.get(t.channelPageId)!;
      return { name: "Renamed shop", pageAccessToken: sandbox.running.state.rotatePageToken(page, `replaced-page-token-${randomToken(8)}-4321`) };
    },
    invalid: { body: { name: "   " }, message: "name: Name is required." },
    check: (answer) => {
      // Only the fields sent change; the app secret stays.
      expect(answer.body).toMatchObject({ name: "Renamed shop", pageAccessTokenHint: "••••4321", appSecretHint: "••••cret" });
      expectNoSecrets(answer, ["replaced-page-token-"]);
    },
  },
  deleteChannel: {
    params: (t) => ({ channelId: t.channelId }),
    check: async (_answer, t) => expect((await asAdmin("getChannel", { channelId: t.channelId })).status).toBe(404),
  },
  checkChannelConnection: {
    params: (t) => ({ channelId: t.channelId }),
    check: (answer, t) => {
      expect(answer.body).toMatchObject({ ok: true, channel: { id: t.channelId, reconnectNeeded: false } });
      expect([...answer.body.channel.subscribedFields].sort()).toEqual([...SUBSCRIBED_FIELDS].sort());
    },
  },
  regenerateChannelVerifyToken: {
    params: (t) => ({ channelId: t.channelId }),
    check: async (answer, t) => {
      expect(answer.body.verifyToken).toMatch(/^mdv_\S{20,}$/);
      expect(await revealVerifyToken({ ctx: a.as.owner, channelId: t.channelId })).toBe(answer.body.verifyToken);
    },
  },
  enableChannel: {
    params: (t) => ({ channelId: t.channelId }),
    check: (answer) => expect(answer.body.status).toBe("active"),
  },
  disableChannel: {
    params: (t) => ({ channelId: t.channelId }),
    check: async (answer, t) => {
      expect(answer.body.status).toBe("disabled");
      expect((await asAdmin("getChannel", { channelId: t.channelId })).body.status).toBe("disabled");
    },
  },
  disconnectChannel: {
    params: (t) => ({ channelId: t.channelId }),
    check: async (answer, t) => {
      expect(answer.body).toMatchObject({ channel: { id: t.channelId, status: "disabled", pageAccessTokenHint: null }, unsubscribed: true, unsubscribeFailure: null });
      expect(answer.body.channel.disconnectedAt).not.toBeNull();
      expect((await asAdmin("getChannel", { channelId: t.channelId })).body.disconnectedAt).not.toBeNull();
    },
  },
  exchangeChannelToken: {
    params: (t) => ({ channelId: t.channelId }),
    body: (t) => ({ shortLivedToken: t.userToken }),
    invalid: { body: {}, message: "shortLivedToken: Short-lived token is required." },
    check: async (answer, t) => {
      expect(answer.body).toMatchObject({ id: t.channelId, reconnectNeeded: false });
      expectNoSecrets(answer, [t.userToken]);
      // What was kept is a token that acts as the Page: the check passes with it.
      expect((await asAdmin("checkChannelConnection", { channelId: t.channelId })).body.ok).toBe(true);
    },
  },
  getChannelHealth: {
    params: (t) => ({ channelId: t.channelId }),
    check: (answer) => expect(answer.body).toMatchObject({ lastEventAt: null, eventsLastHour: 0, recentErrors: [], errorsLastHour: 0 }),
  },
};

async function deskTargets(channelId: string, skillGroupId: string) {
  const db = await getDb();
  const [contact] = await db.insert(contacts).values({ orgId: a.org.id, channelId, psid: `desk-${randomToken(6)}`, firstName: "Grace", lastName: "Hopper" }).returning();
  const [conversation] = await db
    .insert(conversations)
    .values({ orgId: a.org.id, channelId, contactId: contact.id, status: "open", skillGroupId, queuedAt: new Date(), lastMessageAt: new Date(), lastMessagePreview: "Any news?", lastMessageKind: "text" })
    .returning();
  await db.insert(messages).values(
    ["Where is my parcel?", "Any news?"].map((text, i) => ({ orgId: a.org.id, channelId, conversationId: conversation.id, mid: `desk-${randomToken(8)}`, direction: "inbound" as const, kind: "text", text, source: "webhook", timestamp: 1_000 + i })),
  );
  const [label, other] = await db
    .insert(labels)
    .values([
      { orgId: a.org.id, name: `VIP ${randomToken(4)}`, color: "amber" },
      { orgId: a.org.id, name: `Other ${randomToken(4)}` },
    ])
    .returning();
  return { conversationId: conversation.id, labelId: label.id, otherLabelId: other.id };
}

const deskCases: Record<string, Case> = {
  listConversations: {
    check: (answer, t) => expect(answer.body.data.find((c: { id: string }) => c.id === t.conversationId)).toMatchObject({ status: "open", contactName: "Grace Hopper", assigneeMembershipId: null, labels: [] }),
  },
  getConversation: {
    params: (t) => ({ conversationId: t.conversationId }),
    check: (answer, t) => expect(answer.body).toMatchObject({ id: t.conversationId, channelId: t.channelId, status: "open", lastMessagePreview: "Any news?" }),
  },
  listConversationMessages: {
    params: (t) => ({ conversationId: t.conversationId }),
    // Newest first.
    check: (answer) => expect(answer.body.data.map((m: { text: string }) => m.text)).toEqual(["Any news?", "Where is my parcel?"]),
  },
  setConversationLabels: {
    params: (t) => ({ conversationId: t.conversationId }),
    body: (t) => ({ labelIds: [t.labelId] }),
    invalid: { body: { labelIds: ["vip"] }, message: "labelIds.0: labelIds must be label ids." },
    check: async (answer, t) => {
      expect(answer.body).toEqual([expect.objectContaining({ id: t.labelId, color: "amber" })]);
      expect((await asAdmin("getConversation", { conversationId: t.conversationId })).body.labels).toEqual(answer.body);
    },
  },
  listLabels: {
    check: (answer, t) => {
      expect(answer.body.data.map((l: { id: string }) => l.id)).toEqual(expect.arrayContaining([t.labelId, t.otherLabelId]));
      expect(answer.body.nextCursor).toBeNull();
    },
  },
  createLabel: {
    body: () => ({ name: `  Refund ${randomToken(4)} `, color: "red" }),
    invalid: { body: { name: "Refund", color: "black" }, message: "color: color must be one of: zinc, red, orange, amber, green, teal, blue, indigo, purple, pink." },
    conflict: () => ({ body: { name: "taken label" } }),
    check: (answer) => expect(answer.body).toMatchObject({ name: expect.stringMatching(/^Refund \S+$/), color: "red", description: "", conversationCount: 0 }),
  },
  updateLabel: {
    params: (t) => ({ labelId: t.labelId }),
    body: () => ({ color: "blue" }),
    invalid: { body: {}, message: "Send a name, a color or a description to change." },
    conflict: (t) => ({ params: { labelId: t.labelId }, body: { name: "TAKEN LABEL" } }),
    check: (answer) => expect(answer.body).toMatchObject({ name: expect.stringMatching(/^VIP /), color: "blue" }),
  },
  deleteLabel: {
    params: (t) => ({ labelId: t.labelId }),
    check: async (_answer, t) => expect((await asAdmin("listLabels")).body.data.map((l: { id: string }) => l.id)).not.toContain(t.labelId),
  },
};

/** A segment of VIP-labelled contacts, and one a draft campaign of the channel targets (it cannot be deleted). */
async function segmentTargets(channelId: string, labelId: string) {
  const vip = await createSegment({ ctx: a.as.owner, input: { name: `VIP ${randomToken(6)}`, definition: { match: "all", conditions: [{ kind: "label", op: "has", labelId }] } } });
  const targeted = await createSegment({ ctx: a.as.owner, input: { name: `Targeted ${randomToken(6)}`, definition: { match: "all", conditions: [] } } });
  await createCampaign({ ctx: a.as.owner, input: { name: "Targeted sale", channelId, requestTitle: "Notify me", content: { type: "text", text: "Hi" }, segmentId: targeted.id } });
  return { segmentId: vip.id, targetedSegmentId: targeted.id };
}

const segmentDefinitionBody = (t: Targets) => ({ match: "any", conditions: [{ kind: "label", op: "has", labelId: t.labelId }, { kind: "group", match: "all", conditions: [{ kind: "channel", channelId: t.channelId }, { kind: "firstSeen", days: 30 }] }] });
const badDays = { match: "all", conditions: [{ kind: "firstSeen", days: 0 }] };

const segmentCases: Record<string, Case> = {
  listSegments: {
    check: (answer, t) => {
      expect(answer.body.data.find((s: { id: string }) => s.id === t.segmentId)).toMatchObject({ contactCount: 0 });
      expect(answer.body.nextCursor).toBeNull();
    },
  },
  createSegment: {
    body: (t) => ({ name: `  Recent ${randomToken(4)} `, definition: segmentDefinitionBody(t) }),
    invalid: { body: { name: "Recent", definition: badDays }, message: "definition.conditions.0.days: Days must be a whole number from 1 to 3650." },
    conflict: () => ({ body: { name: "TAKEN SEGMENT", definition: { match: "all", conditions: [] } } }),
    check: (answer) => expect(answer.body).toMatchObject({ name: expect.stringMatching(/^Recent \S+$/), definition: { match: "any" } }),
  },
  previewSegment: {
    body: (t) => ({ definition: segmentDefinitionBody(t) }),
    invalid: { body: { definition: badDays }, message: "definition.conditions.0.days: Days must be a whole number from 1 to 3650." },
    check: (answer) => expect(answer.body.contactCount).toBeGreaterThanOrEqual(1),
  },
  getSegment: {
    params: (t) => ({ segmentId: t.segmentId }),
    check: (answer, t) => expect(answer.body).toMatchObject({ id: t.segmentId, contactCount: 0, definition: { conditions: [{ kind: "label", labelId: t.labelId }] } }),
  },
  updateSegment: {
    params: (t) => ({ segmentId: t.segmentId }),
    body: () => ({ name: `Renamed ${randomToken(4)}` }),
    invalid: { body: {}, message: "Send at least one field to change." },
    conflict: (t) => ({ params: { segmentId: t.segmentId }, body: { name: "taken segment" } }),
    check: (answer, t) => expect(answer.body).toMatchObject({ name: expect.stringMatching(/^Renamed /), definition: { conditions: [{ labelId: t.labelId }] } }),
  },
  deleteSegment: {
    params: (t) => ({ segmentId: t.segmentId }),
    conflict: (t) => ({ params: { segmentId: t.targetedSegmentId } }),
    check: async (_answer, t) => expect((await asAdmin("getSegment", { segmentId: t.segmentId })).status).toBe(404),
  },
};

/** Conversations of the channel in each desk state, written directly (the webhook's work is tested elsewhere). */
async function routingTargets(channelId: string, skillGroupId: string) {
  // The owner (for whom keys act) is in the group already (freshTargets).
  const deskAgentId = await addMember(a);
  const transferAgentId = await addMember(a);
  for (const membershipId of [deskAgentId, transferAgentId]) await addSkillGroupMember({ ctx: a.as.owner, skillGroupId, input: { membershipId } });
  const db = await getDb();
  const conversation = async (state: "queued" | "open" | "resolved") => {
    const [contact] = await db.insert(contacts).values({ orgId: a.org.id, channelId, psid: `desk-${randomToken(8)}` }).returning();
    const [row] = await db
      .insert(conversations)
      .values({
        orgId: a.org.id,
        channelId,
        contactId: contact!.id,
        skillGroupId,
        status: state === "resolved" ? "resolved" : "open",
        queuedAt: new Date(),
        assigneeMembershipId: state === "open" ? deskAgentId : null,
        resolvedAt: state === "resolved" ? new Date() : null,
      })
      .returning();
    return { conversationId: row!.id, contactId: contact!.id };
  };
  const open = await conversation("open");
  return {
    deskAgentId,
    ownerMembershipId: a.as.owner.membershipId!,
    transferAgentId,
    queuedConversationId: (await conversation("queued")).conversationId,
    transferConversationId: (await conversation("open")).conversationId,
    assignConversationId: (await conversation("queued")).conversationId,
    openConversationId: open.conversationId,
    resolveConversationId: (await conversation("open")).conversationId,
    pendingConversationId: (await conversation("open")).conversationId,
    contactId: open.contactId,
    resolvedConversationId: (await conversation("resolved")).conversationId,
    reopenConversationId: (await conversation("resolved")).conversationId,
  };
}

async function campaignTargets(channelId: string) {
  const make = () => createCampaign({ ctx: a.as.owner, input: { name: "Sale", channelId, requestTitle: "Notify me", content: { type: "text", text: "Hi" } } });
  const [withSubscriber, empty, ended, paused] = [await make(), await make(), await make(), await make()];
  const db = await getDb();
  for (const c of [withSubscriber, paused]) {
    const token = `otn-${randomToken(8)}`;
    await db.insert(otnTokens).values({ orgId: a.org.id, campaignId: c.id, channelId, psid: "contract-psid", tokenSealed: seal(token), tokenHash: sha256Hex(token), optedInAt: new Date() });
    await db.update(campaignsTable).set({ subscribers: 1 }).where(eq(campaignsTable.id, c.id));
  }
  await cancelCampaign({ ctx: a.as.owner, campaignId: ended.id });
  await db.update(campaignsTable).set({ status: "paused", pauseReason: "(#190) test" }).where(eq(campaignsTable.id, paused.id));
  return { campaignId: withSubscriber.id, emptyCampaignId: empty.id, endedCampaignId: ended.id, pausedCampaignId: paused.id };
}

/** A canned reply, and a conversation with a note that every key role may reach (keys act for the owner). */
async function noteTargets(channelId: string, skillGroupId: string) {
  const db = await getDb();
  await db.insert(skillGroupMembers).values({ orgId: a.org.id, skillGroupId, membershipId: a.as.owner.membershipId! }).onConflictDoNothing();
  const [contact] = await db.insert(contacts).values({ orgId: a.org.id, channelId, psid: `contract-${randomToken(6)}` }).returning();
  const [conversation] = await db.insert(conversations).values({ orgId: a.org.id, channelId, contactId: contact!.id, skillGroupId, status: "open" }).returning();
  const reply = await createCannedReply({ ctx: a.as.owner, input: { shortcut: `hello-${randomToken(6)}`, content: "Hello {first_name}" } });
  const note = await addConversationNote({ ctx: a.as.owner, conversationId: conversation!.id, input: { body: "First note" } });
  return { cannedReplyId: reply.id, noteConversationId: conversation!.id, noteId: note.id, mentionableMemberId: a.as.admin.membershipId! };
}

const noteCases: Record<string, Case> = {
  listCannedReplies: { check: (answer, t) => expect(answer.body).toEqual({ data: expect.arrayContaining([expect.objectContaining({ id: t.cannedReplyId, skillGroupId: null })]), nextCursor: null }) },
  createCannedReply: {
    body: (t) => ({ shortcut: `/thanks-${randomToken(6)}`, content: "Thanks {first_name}!", skillGroupId: t.channelGroupId }),
    invalid: { body: { shortcut: "two words", content: "x" }, message: "shortcut: Shortcut must be one word: letters, digits, - and _." },
    conflict: () => ({ body: { shortcut: "TAKEN", content: "Again" } }),
    check: (answer, t) => expect(answer.body).toMatchObject({ shortcut: expect.stringMatching(/^thanks-/), skillGroupId: t.channelGroupId }),
  },
  updateCannedReply: {
    params: (t) => ({ cannedReplyId: t.cannedReplyId }),
    body: () => ({ content: "Changed" }),
    invalid: { body: {}, message: "Send at least one field to change." },
    conflict: (t) => ({ params: { cannedReplyId: t.cannedReplyId }, body: { shortcut: "taken" } }),
    check: (answer) => expect(answer.body).toMatchObject({ content: "Changed", shortcut: expect.stringMatching(/^hello-/) }),
  },
  deleteCannedReply: {
    params: (t) => ({ cannedReplyId: t.cannedReplyId }),
    check: async (_answer, t) => expect((await asAdmin("listCannedReplies")).body.data.map((r: { id: string }) => r.id)).not.toContain(t.cannedReplyId),
  },
  listBotConfigs: { check: (answer) => expect(answer.body).toMatchObject({ data: expect.any(Array), nextCursor: null }) },
  putSkillGroupBotConfig: {
    params: (t) => ({ skillGroupId: t.skillGroupId }),
    body: () => ({ mode: "bot_first", handoverKeywords: ["refund"] }),
    invalid: { body: { mode: "sometimes" }, message: "mode: Choose a mode: off, bot_first, human_first or bot_only." },
    check: (answer, t) => expect(answer.body).toMatchObject({ scope: "skill_group", skillGroupId: t.skillGroupId, mode: "bot_first", handoverKeywords: ["refund"] }),
  },
  putChannelBotConfig: {
    params: (t) => ({ channelId: t.channelId }),
    body: () => ({ mode: "human_first", humanFirstQueueLength: 3 }),
    invalid: { body: { mode: "bot_first", maxMisses: 0 }, message: "maxMisses: Misses before handover: a whole number from 1 to 10." },
    check: (answer, t) => expect(answer.body).toMatchObject({ scope: "channel", channelId: t.channelId, mode: "human_first", humanFirstQueueLength: 3 }),
  },
  listConversationNotes: {
    params: (t) => ({ conversationId: t.noteConversationId }),
    check: (answer, t) => expect(answer.body).toEqual({ data: [expect.objectContaining({ id: t.noteId, body: "First note" })], nextCursor: null }),
  },
  addConversationNote: {
    params: (t) => ({ conversationId: t.noteConversationId }),
    body: (t) => ({ body: `@[Admin](${t.mentionableMemberId}) please check` }),
    invalid: { body: { body: "" }, message: "body: Note is required." },
    // Keys act for the member who made them (the owner): the note is theirs, and the admin is notified.
    check: (answer, t) => expect(answer.body).toMatchObject({ body: expect.stringMatching(/please check$/), authorMembershipId: a.as.owner.membershipId, mentionedMembershipIds: [t.mentionableMemberId] }),
  },
};
Object.assign(cases, noteCases);

const botCases: Record<string, Case> = {
  listBotConnectors: { check: (answer, t) => expect(answer.body).toEqual({ data: expect.arrayContaining([expect.objectContaining({ id: t.connectorId, lastError: null })]), nextCursor: null }) },
  createBotConnector: {
    body: () => ({ name: "Chatopera", url: "https://bot.example.com/hook", fallback: "builtin" }),
    invalid: { body: { name: "x", url: "http://bot.example.com/hook" }, message: "url: The endpoint must use HTTPS (plain HTTP is allowed only for localhost while developing)." },
    check: (answer) => {
      expect(answer.body.connector).toMatchObject({ name: "Chatopera", url: "https://bot.example.com/hook", fallback: "builtin", timeoutMs: 3000, enabled: true });
      expect(answer.body.secret).toMatch(/^mdbot_/);
    },
  },
  getBotConnector: { params: (t) => ({ connectorId: t.connectorId }), check: (answer, t) => expect(answer.body).toMatchObject({ id: t.connectorId, url: "http://127.0.0.1:9/bot" }) },
  updateBotConnector: {
    params: (t) => ({ connectorId: t.connectorId }),
    body: () => ({ timeoutMs: 2000, enabled: false }),
    invalid: { body: { timeoutMs: 50 }, message: "timeoutMs: The timeout must be between 500 and 10,000 ms." },
    check: (answer) => expect(answer.body).toMatchObject({ timeoutMs: 2000, enabled: false }),
  },
  deleteBotConnector: {
    params: (t) => ({ connectorId: t.connectorId }),
    check: async (_answer, t) => expect((await asAdmin("getBotConnector", { connectorId: t.connectorId })).status).toBe(404),
  },
  rotateBotConnectorSecret: { params: (t) => ({ connectorId: t.connectorId }), check: (answer, t) => expect(answer.body).toMatchObject({ connector: { id: t.connectorId }, secret: expect.stringMatching(/^mdbot_/) }) },
  testBotConnector: {
    params: (t) => ({ connectorId: t.connectorId }),
    check: (answer) => expect(answer.body).toMatchObject({ ok: false, error: "unreachable", messages: [], handover: false }),
  },
  getMessengerProfile: {
    params: (t) => ({ channelId: t.channelId }),
    check: (answer) => expect(answer.body).toMatchObject({ saved: false, getStartedPayload: "GET_STARTED", persistentMenu: [{ locale: "default" }, { locale: "zh_CN" }] }),
  },
  saveMessengerProfile: {
    params: (t) => ({ channelId: t.channelId }),
    body: () => ({ getStartedPayload: "GET_STARTED", greetings: [{ locale: "default", text: "Hi!" }], persistentMenu: [{ locale: "default", items: [{ type: "postback", title: "Talk to a human", payload: "MD_BOT_HUMAN" }] }] }),
    invalid: { body: { getStartedPayload: null, greetings: [], persistentMenu: [{ locale: "default", items: [{ type: "postback", title: "Hi", payload: "P" }] }] }, message: "getStartedPayload: A persistent menu needs a Get Started button (Meta's rule)." },
    check: (answer) => expect(answer.body).toMatchObject({ saved: true, lastError: null, appliedAt: expect.any(String) }),
  },
  getBotAnalytics: { check: (answer) => expect(answer.body).toMatchObject({ totals: { answered: 0, unanswered: 0 }, entries: [], unanswered: [] }) },
  // The last 7 days of the organisation (UTC here), one entry per day.
  getServiceReport: { check: (answer) => expect(answer.body).toMatchObject({ range: { timeZone: "UTC" }, days: expect.arrayContaining([expect.objectContaining({ messagesIn: expect.any(Number) })]), heatmap: expect.any(Array) }) },
  getCampaignReport: { check: (answer) => expect(answer.body.subscribersByDay).toHaveLength(7) },
  downloadServiceReportCsv: { check: (answer) => expect(answer.body).toMatch(/^metric,value\r\nconversations_new,\d+\r\n/) },
  downloadCampaignReportCsv: { check: (answer) => expect(answer.body).toMatch(/^campaign_id,name,status,channel_id,link_clicks,/) },
};
Object.assign(cases, botCases);

// A channel's satisfaction survey (issue 16).
const csatCases: Record<string, Case> = {
  getCsatSettings: {
    params: (t) => ({ channelId: t.channelId }),
    check: (answer) => expect(answer.body).toMatchObject({ enabled: false, texts: { en: { question: "" } }, defaults: { "zh-CN": { thanks: "感谢您的反馈！" } } }),
  },
  saveCsatSettings: {
    params: (t) => ({ channelId: t.channelId }),
    body: () => ({ enabled: true, texts: { en: { question: "How did we do? Tap 1 to 5." } } }),
    invalid: { body: { enabled: "yes" }, message: "enabled: Say whether the survey is on." },
    check: (answer) => expect(answer.body).toMatchObject({ enabled: true, texts: { en: { question: "How did we do? Tap 1 to 5." } } }),
  },
};
Object.assign(cases, csatCases);
Object.assign(cases, {
  // The live overview (issue 16): the channel's skill group is listed with its queue; every figure is a count.
  getLiveOverview: {
    check: (answer, t) => {
      expect(answer.body.skillGroups.map((g: { skillGroupId: string }) => g.skillGroupId)).toContain(t.channelGroupId);
      expect(answer.body.openConversations).toBeGreaterThanOrEqual(0);
    },
  },
} satisfies Record<string, Case>);
/**
 * Conversations to reply in, on two channels of their own made once (a live one and a disabled one), so the
 * channel operations' token changes never touch them and the channel list stays as it was: the people exist
 * in the sandbox (so the Send API takes them) and wrote just now. Keys act for the owner who created them,
 * so the owner is in the channels' skill group (an agent key sees their conversations).
 */
let replyChannels: Promise<{ channelId: string; disabledChannelId: string; skillGroupId: string; pageId: string; disabledPageId: string }> | undefined;
function replyChannelsOnce() {
  replyChannels ??= (async () => {
    const group = await createSkillGroup({ ctx: a.as.owner, input: { name: `Replies ${randomToken(4)}` } });
    await addSkillGroupMember({ ctx: a.as.owner, skillGroupId: group.id, input: { membershipId: a.as.owner.membershipId! } });
    const connect = async (name: string) => {
      const page = await sandbox.newPage();
      const channel = await createChannel({ ctx: a.as.owner, input: { name, pageId: page.pageId, pageAccessToken: page.pageAccessToken, appId: DEMO.appId, appSecret: DEMO.appSecret, skillGroupId: group.id } });
      return { channelId: channel.id, pageId: page.pageId };
    };
    const live = await connect("Zz replies");
    const closed = await connect("Zz replies (disabled)");
    await (await getDb()).update(channelsTable).set({ status: "disabled" }).where(eq(channelsTable.id, closed.channelId));
    return { channelId: live.channelId, pageId: live.pageId, disabledChannelId: closed.channelId, disabledPageId: closed.pageId, skillGroupId: group.id };
  })();
  return replyChannels;
}

async function replyTargets() {
  const db = await getDb();
  const { channelId, pageId, disabledChannelId, disabledPageId, skillGroupId } = await replyChannelsOnce();
  const conversationOf = async (onChannel: string, onPage: string, threadOwnerAppId: string | null = null) => {
    const person = await sandbox.control<{ psid: string }>("POST", `/pages/${onPage}/users`, { inWindow: true });
    const [contact] = await db.insert(contacts).values({ orgId: a.org.id, channelId: onChannel, psid: person.psid, lastInboundAt: new Date() }).returning();
    const [conversation] = await db.insert(conversations).values({ orgId: a.org.id, channelId: onChannel, contactId: contact.id, skillGroupId, status: "open", threadOwnerAppId }).returning();
    return conversation.id;
  };
  const conversationId = await conversationOf(channelId, pageId);
  const reply = (sendStatus: "failed" | "sent") => ({
    orgId: a.org.id, channelId, conversationId, direction: "outbound" as const, kind: "text", text: `Earlier reply (${sendStatus})`, source: "app", timestamp: Date.now(), sendStatus,
    failureCode: sendStatus === "failed" ? 2 : null, failureReason: sendStatus === "failed" ? "(#2) Service temporarily unavailable" : null, messagingType: "RESPONSE",
  });
  const [failed, sent] = await db.insert(messages).values([reply("failed"), reply("sent")]).returning();
  return {
    replyConversationId: conversationId,
    failedMessageId: failed.id,
    sentMessageId: sent.id,
    lockedConversationId: await conversationOf(channelId, pageId, "263902037430900"),
    disabledConversationId: await conversationOf(disabledChannelId, disabledPageId),
  };
}

/** A 1×1 PNG. */
const PNG_BASE64 = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==";

const replyCases: Record<string, Case> = {
  sendConversationMessage: {
    params: (t) => ({ conversationId: t.replyConversationId }),
    body: () => ({ text: "Thanks for writing 👋", quickReplies: [{ title: "Track my order", payload: "TRACK" }, { title: "Talk to a person" }] }),
    invalid: { body: { text: "Hello", quickReplies: [{ title: "A title far longer than twenty" }] }, message: "quickReplies.0.title: Quick reply title must be at most 20 characters." },
    conflict: (t) => ({ params: { conversationId: t.lockedConversationId }, body: { text: "Hello?" } }),
    check: (answer) =>
      expect(answer.body).toMatchObject({ sendStatus: "sent", messagingType: "RESPONSE", tag: null, quickReplies: [{ title: "Track my order", payload: "TRACK" }, { title: "Talk to a person", payload: "Talk to a person" }] }),
  },
  uploadConversationAttachment: {
    params: (t) => ({ conversationId: t.replyConversationId }),
    body: () => ({ fileName: "dot.png", contentType: "image/png", data: PNG_BASE64 }),
    invalid: { body: { fileName: "setup.exe", contentType: "application/x-msdownload", data: "TVo=" }, message: "file: Files of type application/x-msdownload cannot be sent. Send a photo (JPEG, PNG, GIF, WebP), a video (MP4), audio, or a PDF, Office, text or ZIP file." },
    conflict: (t) => ({ params: { conversationId: t.disabledConversationId }, body: { fileName: "dot.png", contentType: "image/png", data: PNG_BASE64 } }),
    check: (answer) => expect(answer.body).toMatchObject({ type: "image", fileName: "dot.png", contentType: "image/png", size: 70 }),
  },
  retryConversationMessage: {
    params: (t) => ({ conversationId: t.replyConversationId, messageId: t.failedMessageId }),
    conflict: (t) => ({ params: { conversationId: t.replyConversationId, messageId: t.sentMessageId } }),
    check: (answer, t) => expect(answer.body).toMatchObject({ id: t.failedMessageId, sendStatus: "sent", failureCode: null }),
  },
  changeConversationThreadControl: {
    params: (t) => ({ conversationId: t.replyConversationId }),
    body: () => ({ action: "pass" }),
    invalid: { body: { action: "steal" }, message: 'action: Invalid option: expected one of "take"|"pass"' },
    // Meta's Page Inbox has it (by our record): there is nothing of ours to pass, and Meta is not asked.
    conflict: (t) => ({ params: { conversationId: t.lockedConversationId }, body: { action: "pass" } }),
    check: (answer, t) => expect(answer.body).toEqual({ conversationId: t.replyConversationId, threadOwnerAppId: "263902037430900" }),
  },
};

const campaignCases: Record<string, Case> = {
  listCampaigns: { check: (answer, t) => expect(answer.body.data.map((c: { id: string }) => c.id)).toContain(t.campaignId) },
  createCampaign: {
    body: (t) => ({ name: " Launch ", channelId: t.channelId, requestTitle: "Tell me", content: { type: "text", text: "It's here" }, scheduledAt: "2099-01-01T09:00:00+08:00" }),
    invalid: { body: { name: "x", channelId: "00000000-0000-7000-8000-000000000000", requestTitle: "x".repeat(66), content: { type: "text", text: "x" } }, message: "requestTitle: Subscription request title must be at most 65 characters." },
    check: (answer) => {
      expect(answer.body).toMatchObject({ name: "Launch", status: "scheduled", scheduledAt: "2099-01-01T01:00:00.000Z" });
      expect(answer.body.shareLink).toBe(`https://m.me/${answer.body.shareLink.split("/")[3].split("?")[0]}?ref=${answer.body.ref}`);
    },
  },
  getCampaign: { params: (t) => ({ campaignId: t.campaignId }), check: (answer, t) => expect(answer.body).toMatchObject({ id: t.campaignId, counts: { subscribers: 1 } }) },
  updateCampaign: {
    params: (t) => ({ campaignId: t.campaignId }),
    body: () => ({ name: "Renamed sale" }),
    invalid: { body: {}, message: "Send at least one field to change." },
    conflict: (t) => ({ params: { campaignId: t.endedCampaignId }, body: { name: "Too late" } }),
    check: (answer) => expect(answer.body).toMatchObject({ name: "Renamed sale", requestTitle: "Notify me" }),
  },
  deleteCampaign: {
    params: (t) => ({ campaignId: t.campaignId }),
    check: async (_answer, t) => expect((await asAdmin("getCampaign", { campaignId: t.campaignId })).status).toBe(404),
  },
  sendCampaign: {
    params: (t) => ({ campaignId: t.campaignId }),
    conflict: (t) => ({ params: { campaignId: t.emptyCampaignId } }),
    check: (answer) => expect(answer.body.status).toBe("sending"),
  },
  cancelCampaign: {
    params: (t) => ({ campaignId: t.campaignId }),
    conflict: (t) => ({ params: { campaignId: t.endedCampaignId } }),
    check: (answer) => expect(answer.body.status).toBe("cancelled"),
  },
  resumeCampaign: {
    params: (t) => ({ campaignId: t.pausedCampaignId }),
    conflict: (t) => ({ params: { campaignId: t.campaignId } }),
    check: (answer) => expect(answer.body).toMatchObject({ status: "sending", pauseReason: null }),
  },
  getCampaignStats: { params: (t) => ({ campaignId: t.campaignId }), check: (answer) => expect(answer.body.funnel.subscribers).toBe(1) },
  getCampaignSubscribersOverTime: { params: (t) => ({ campaignId: t.campaignId }), check: (answer) => expect(answer.body.points.at(-1).cumulative).toBe(1) },
  previewCampaignAudience: {
    query: (t) => ({ kind: "marketing", channelId: t.channelId }),
    check: (answer, t) => expect(answer.body).toMatchObject({ kind: "marketing", channelId: t.channelId, recipients: 0, availability: { available: false } }),
  },
  listCampaignDeliveries: { params: (t) => ({ campaignId: t.campaignId }), check: (answer) => expect(answer.body).toEqual({ data: [], nextCursor: null }) },
  listCampaignRecipients: { params: (t) => ({ campaignId: t.campaignId }), check: (answer) => expect(answer.body.data).toEqual([expect.objectContaining({ psid: "contract-psid", status: "pending" })]) },
  getCampaignShare: {
    params: (t) => ({ campaignId: t.campaignId }),
    check: (answer, t) => {
      expect(answer.body.link).toMatch(/^https:\/\/m\.me\/\S+\?ref=[\w-]{16}$/);
      // Absolute, because the downloads are not below the API's server.
      expect(answer.body.qrSvgUrl).toBe(`${appUrl()}/api/downloads/campaigns/${t.campaignId}/qr.svg`);
      expect(answer.body.qrPngUrl).toBe(`${appUrl()}/api/downloads/campaigns/${t.campaignId}/qr.png`);
    },
  },
  downloadCampaignRecipientsCsv: {
    params: (t) => ({ campaignId: t.campaignId }),
    check: (answer) => expect(answer.body.split("\r\n")).toEqual([expect.stringMatching(/^psid,name,status,/), expect.stringMatching(/^contract-psid,,pending,/), ""]),
  },
  downloadCampaignQrSvg: { params: (t) => ({ campaignId: t.campaignId }), check: (answer) => expect(answer.body).toMatch(/^<(\?xml|svg)/) },
  downloadCampaignQrPng: { params: (t) => ({ campaignId: t.campaignId }), check: (answer) => expect(answer.body.length).toBeGreaterThan(100) },
};
const faqCases: Record<string, Case> = {
  listFaqs: { check: (answer, t) => expect(answer.body).toEqual({ data: expect.arrayContaining([expect.objectContaining({ id: t.faqId, language: "zh-CN" })]), nextCursor: null }) },
  createFaq: {
    body: (t) => ({ question: "Where is my order?", answer: { kind: "quick_replies", text: "Track it here", quickReplies: [{ title: "Track", payload: "TRACK" }] }, language: "en", skillGroupIds: [t.channelGroupId] }),
    invalid: { body: { question: "", answer: { kind: "text", text: "x" }, language: "en" }, message: "question: Question is required." },
    check: (answer, t) => expect(answer.body).toMatchObject({ question: "Where is my order?", enabled: true, skillGroupIds: [t.channelGroupId], channelIds: [] }),
  },
  getFaq: { params: (t) => ({ faqId: t.faqId }), check: (answer, t) => expect(answer.body).toMatchObject({ id: t.faqId, alternatives: ["包邮吗"] }) },
  updateFaq: {
    params: (t) => ({ faqId: t.faqId }),
    body: () => ({ category: "Shipping" }),
    invalid: { body: {}, message: "Send at least one field to change." },
    check: (answer) => expect(answer.body).toMatchObject({ category: "Shipping", question: "是否包邮？" }),
  },
  deleteFaq: {
    params: (t) => ({ faqId: t.faqId }),
    check: async (_answer, t) => expect((await asAdmin("listFaqs")).body.data.map((f: { id: string }) => f.id)).not.toContain(t.faqId),
  },
  setFaqsEnabled: {
    body: (t) => ({ ids: [t.faqId], enabled: false }),
    invalid: { body: { ids: ["faq-1"], enabled: true }, message: "ids.0: FAQ not found." },
    check: (answer) => expect(answer.body).toEqual({ changed: 1 }),
  },
  importFaqs: {
    body: () => ({ format: "csv", content: "question,answer,language\n退货政策,30 天内可退货。,zh-CN\n" }),
    invalid: { body: { format: "json", content: '[{"question":"","answer":{"kind":"text","text":"x"},"language":"en"}]' }, message: "Row 1: question: Question is required." },
    check: (answer) => expect(answer.body).toEqual({ imported: 1, replaced: 0 }),
  },
  getFaqSynonyms: { check: (answer) => expect(answer.body).toEqual({ groups: expect.any(Array) }) },
  saveFaqSynonyms: {
    body: () => ({ groups: [["包邮", "免运费"], ["order", "parcel"]] }),
    invalid: { body: { groups: [["alone"]] }, message: "groups.0: A synonym group needs at least two different words." },
    check: (answer) => expect(answer.body).toEqual({ groups: [["包邮", "免运费"], ["order", "parcel"]] }),
  },
  downloadFaqsCsv: { check: (answer) => expect(answer.body).toMatch(/^\uFEFF?question,alternatives,answer,language,category,enabled\r\n/) },
  downloadFaqsJson: { check: (answer) => expect(answer.body).toEqual(expect.arrayContaining([expect.objectContaining({ question: "是否包邮？", language: "zh-CN" })])) },
};
/**
 * Marketing Messages, made once (more channels per fresh target would push the new one off the first page of
 * the channel list): a channel eligible for them (US audience and business, the sandbox's ad account) and one
 * disconnected, each with a contact; the owner, whom keys act for, answers their group.
 */
async function marketingTargets() {
  const db = await getDb();
  const group = await createSkillGroup({ ctx: a.as.owner, input: { name: `Marketing ${randomToken(4)}` } });
  await addSkillGroupMember({ ctx: a.as.owner, skillGroupId: group.id, input: { membershipId: a.as.owner.membershipId! } });
  const skillGroupId = group.id;
  const page = await sandbox.newPage();
  const channel = await createChannel({ ctx: a.as.owner, input: { name: "Marketing", pageId: page.pageId, pageAccessToken: page.pageAccessToken, appId: DEMO.appId, appSecret: DEMO.appSecret, skillGroupId } });
  await db.update(channelsTable).set({ messagingRegion: "US", businessCountry: "US", adAccountId: DEMO.adAccountId }).where(eq(channelsTable.id, channel.id));
  const [person] = await db.insert(contacts).values({ orgId: a.org.id, channelId: channel.id, psid: `mkt-${randomToken(6)}` }).returning();
  const [disconnected] = await db
    .insert(channelsTable)
    .values({ orgId: a.org.id, name: "Gone", pageId: freshPageId(), appId: DEMO.appId, skillGroupId, pageAccessTokenSealed: null, appSecretSealed: seal("x-secret"), verifyTokenSealed: seal("x-verify"), disconnectedAt: new Date() })
    .returning();
  const [contact] = await db.insert(contacts).values({ orgId: a.org.id, channelId: disconnected.id, psid: `gone-${randomToken(6)}` }).returning();
  return { marketingChannelId: channel.id, marketingContactId: person.id, disconnectedChannelId: disconnected.id, disconnectedContactId: contact.id };
}

const marketingCases: Record<string, Case> = {
  importChannelSubscriptionTokens: {
    params: (t) => ({ channelId: t.marketingChannelId }),
    conflict: (t) => ({ params: { channelId: t.disconnectedChannelId } }),
    check: (answer, t) => expect(answer.body).toEqual({ channelId: t.marketingChannelId, requestedAt: expect.any(String) }),
  },
  unsubscribeContact: {
    params: (t) => ({ contactId: t.marketingContactId }),
    conflict: (t) => ({ params: { contactId: t.disconnectedContactId } }),
    // The person never subscribed: Meta stops nothing, nothing is stopped here.
    check: (answer, t) => expect(answer.body).toEqual({ contactId: t.marketingContactId, stopped: 0, unsubscribedOnMeta: 0 }),
  },
};
Object.assign(cases, campaignCases, deskCases, replyCases, faqCases, segmentCases, marketingCases);

const newChannelBody = { name: "  New shop ", appId: DEMO.appId, appSecret: "new-app-secret" };

/**
 * A new sandbox Page whose token is `token`, so a channel connected with it passes the ownership proof. Bodies
 * are also built while tests are collected (for their names), before the sandbox runs: those are never sent.
 */
function sandboxPageWithToken(token: string, register = true): { pageId: string; pageAccessToken: string } {
  const pageId = freshPageId();
  if (register) sandbox.page({ pageId, pageAccessToken: token, appId: DEMO.appId, appSecret: DEMO.appSecret });
  return { pageId, pageAccessToken: token };
}

/**
 * Bad input answers 400 (not JSON), 413 (a body past the operation's limit) or 422 (not valid) in the documented error shape: never a 500, and never
 * accepted. The status decides the code, as lib/errors.ts maps them.
 */
function expectRefused(answer: ApiAnswer) {
  expect([400, 413, 422], JSON.stringify(answer.body).slice(0, 300)).toContain(answer.status);
  expect(apiErrorSchema.safeParse(answer.body).error).toBeUndefined();
  expect(answer.body.error.code).toBe({ 400: "bad_request", 413: "payload_too_large", 422: "validation_failed" }[answer.status]);
}

/**
 * Targets that only name things: enough to list the hostile inputs before the real targets exist. Bodies built
 * from them are never sent, so builders with side effects (registering a sandbox Page, rotating a token) skip them.
 */
const placeholderTargets = new Proxy({} as Targets, { get: () => "00000000-0000-7000-8000-000000000000" });

function expectNoSecrets(answer: ApiAnswer, secrets: string[]) {
  const text = JSON.stringify(answer.body);
  for (const secret of secrets) expect(text).not.toContain(secret);
}

/** Topics of a channel whose Page is in the EU (recurring notifications live on there), and the Page admin as a contact who just wrote. */
async function topicTargets(channelId: string, pageId: string) {
  const db = await getDb();
  await sandbox.control("PUT", `/pages/${pageId}/region`, { region: "EU", businessCountry: "FR" });
  await db.update(channelsTable).set({ messagingRegion: "EU", businessCountry: "FR" }).where(eq(channelsTable.id, channelId));
  const topic = await createTopic({ ctx: a.as.owner, input: { channelId, title: `Deals ${randomToken(6)}`, cadence: "weekly" } });
  const registered = await createTopic({ ctx: a.as.owner, input: { channelId, title: `News ${randomToken(6)}`, cadence: "monthly" } });
  await db.update(recurringTopics).set({ registration: "registered", registeredAt: new Date() }).where(eq(recurringTopics.id, registered.id));
  const used = await createTopic({ ctx: a.as.owner, input: { channelId, title: `Used ${randomToken(6)}`, cadence: "daily" } });
  await db.insert(campaignsTable).values({ orgId: a.org.id, channelId, name: "Weekly send", kind: "recurring", topicId: used.id, ref: `rc-${randomToken(8)}`, requestTitle: "Used", content: { type: "text", text: "Hi" } });
  await createTopic({ ctx: a.as.owner, input: { channelId, title: "Taken topic", cadence: "weekly" } });
  const admin = await sandbox.control<{ psid: string }>("POST", `/pages/${pageId}/admin-user`);
  const [contact] = await db.insert(contacts).values({ orgId: a.org.id, channelId, psid: admin.psid, firstName: "Page", lastName: "Admin", lastInboundAt: new Date() }).returning();
  return { topicId: topic.id, registeredTopicId: registered.id, usedTopicId: used.id, topicContactId: contact.id };
}

const topicCases: Record<string, Case> = {
  listTopics: {
    check: (answer, t) => {
      expect(answer.body.data.map((topic: { id: string }) => topic.id)).toContain(t.topicId);
      expect(answer.body.nextCursor).toBeNull();
    },
  },
  createTopic: {
    body: (t) => ({ channelId: t.channelId, title: `  Flash ${randomToken(4)} `, cadence: "daily", imageUrl: "https://shop.example/flash.png" }),
    invalid: { body: { channelId: "00000000-0000-4000-8000-000000000000", title: "", cadence: "weekly" }, message: "title: Title is required." },
    conflict: (t) => ({ body: { channelId: t.channelId, title: "TAKEN TOPIC", cadence: "daily" } }),
    check: (answer) => expect(answer.body).toMatchObject({ title: expect.stringMatching(/^Flash \S+$/), cadence: "daily", registration: "unregistered", available: true, subscribers: { active: 0, stopped: 0, expired: 0 } }),
  },
  getTopic: {
    params: (t) => ({ topicId: t.topicId }),
    check: (answer, t) => expect(answer.body).toMatchObject({ id: t.topicId, cadence: "weekly", registration: "unregistered" }),
  },
  updateTopic: {
    params: (t) => ({ topicId: t.topicId }),
    body: () => ({ cadence: "monthly" }),
    invalid: { body: {}, message: "Send at least one field to change." },
    conflict: (t) => ({ params: { topicId: t.topicId }, body: { title: "taken topic" } }),
    check: (answer) => expect(answer.body.cadence).toBe("monthly"),
  },
  deleteTopic: {
    params: (t) => ({ topicId: t.topicId }),
    conflict: (t) => ({ params: { topicId: t.usedTopicId } }),
    check: async (_answer, t) => expect((await asAdmin("getTopic", { topicId: t.topicId })).status).toBe(404),
  },
  registerTopic: {
    params: (t) => ({ topicId: t.topicId }),
    body: (t) => ({ contactId: t.topicContactId }),
    invalid: { body: { contactId: "someone" }, message: "contactId: contactId must be a contact id." },
    conflict: (t) => ({ params: { topicId: t.registeredTopicId }, body: { contactId: t.topicContactId } }),
    check: (answer) => expect(answer.body).toMatchObject({ registration: "pending", registeredAt: null }),
  },
  requestTopicOptins: {
    params: (t) => ({ topicId: t.registeredTopicId }),
    body: (t) => ({ contactIds: [t.topicContactId] }),
    invalid: { body: { contactIds: [] }, message: "contactIds: Name between 1 and 1000 contacts." },
    conflict: (t) => ({ params: { topicId: t.topicId }, body: { everyone: true } }),
    check: (answer) => expect(answer.body).toMatchObject({ total: 1, counts: { sent: 1 }, reconnectNeeded: false }),
  },
  getTopicShare: {
    params: (t) => ({ topicId: t.topicId }),
    check: (answer, t) => {
      expect(answer.body.link).toMatch(/^https:\/\/m\.me\/rn\/\d+\?topic=Deals%20\S+&cadence=weekly$/);
      expect(answer.body.qrSvgUrl).toBe(`${appUrl()}/api/downloads/topics/${t.topicId}/qr.svg`);
    },
  },
  downloadTopicQrSvg: { params: (t) => ({ topicId: t.topicId }), check: (answer) => expect(answer.body).toMatch(/^<(\?xml|svg)/) },
  downloadTopicQrPng: { params: (t) => ({ topicId: t.topicId }), check: (answer) => expect(answer.body.length).toBeGreaterThan(100) },
};

Object.assign(cases, topicCases);
const keyedOperations = apiOperations.filter((o) => o.permission !== null);

/** A request for `operation` on `t` that would succeed with the right key. */
function requestFor(operation: ApiOperation, t: Targets) {
  const c = cases[operation.operationId];
  return { params: c.params?.(t), body: c.body?.(t), query: c.query?.(t) };
}

beforeAll(async () => {
  // Import requests are recorded, not run: the import itself is tested with the permissions ledger.
  setTokenImportEventSender(async () => {});
  a = await createOrgFixture("Org A");
  b = await createOrgFixture("Org B");
  keysA = await createKeys(a);
  keyB = (await createApiKey({ ctx: b.as.owner, input: { name: "B admin" } })).secret;
  const revoked = await createApiKey({ ctx: a.as.owner, input: { name: "revoked" } });
  await revokeApiKey({ ctx: a.as.owner, apiKeyId: revoked.apiKey.id });
  revokedKey = revoked.secret;
  await createSkillGroup({ ctx: a.as.owner, input: { name: "Taken" } });
  await getDb().then((db) => db.insert(labels).values({ orgId: a.org.id, name: "Taken label" }));
  await createCannedReply({ ctx: a.as.owner, input: { shortcut: "Taken", content: "Already here" } });
  await createSegment({ ctx: a.as.owner, input: { name: "Taken segment", definition: { match: "all", conditions: [] } } });
  marketing = await marketingTargets();
  shared = await freshTargets();
});

it("every operation has a case", () => {
  expect(keyedOperations.map((o) => o.operationId).sort()).toEqual(Object.keys(cases).sort());
});

describe.each(keyedOperations.map((o) => [`${o.method} ${o.path}`, o] as const))("%s", (_name, operation) => {
  const c = cases[operation.operationId] ?? {};
  const deniedKeyRoles = KEY_ROLES.filter((role) => !(PERMISSIONS[operation.permission!] as readonly string[]).includes(role));

  describe("401 without a working key", () => {
    const doors = {
      "no Authorization header": { key: null },
      "an unknown key": { key: "mdk_not-a-real-key" },
      "a revoked key": { key: "revoked" },
      "a header that is not Bearer": { key: null, authorization: "Basic dXNlcjpwYXNz" },
    };
    it.each(Object.entries(doors))("%s", async (_door, door) => {
      const key = door.key === "revoked" ? revokedKey : door.key;
      const answer = await callApi(operation, { ...requestFor(operation, shared), key, authorization: "authorization" in door ? door.authorization : undefined });
      expect(answer.status).toBe(401);
      errorMessage(answer, "unauthorized");
    });
  });

  if (deniedKeyRoles.length > 0) {
    it.each(deniedKeyRoles)(`403 for the %s key (needs ${operation.permission})`, async (role) => {
      const answer = await callApi(operation, { ...requestFor(operation, shared), key: keysA[role] });
      expect(answer.status).toBe(403);
      errorMessage(answer, "forbidden");
    });
  } else {
    it(`every key role may (${operation.permission}), so an agent key succeeds`, async () => {
      const answer = await callApi(operation, { ...requestFor(operation, shared), key: keysA.agent });
      expect(answer.status).toBe(operation.response.status);
    });
  }

  if (operation.pathParams) {
    it("404 for another organisation's key on this organisation's ids", async () => {
      const answer = await callApi(operation, { ...requestFor(operation, shared), key: keyB });
      expect(answer.status).toBe(404);
      errorMessage(answer, "not_found");
    });
    it.each(Object.keys(operation.pathParams).flatMap((param) => [[param, "42; drop table"], [param, NUL_TEXT]]))(
      "404, not 500, when %s is %j",
      async (param, value) => {
        const request = requestFor(operation, shared);
        const answer = await callApi(operation, { ...request, params: { ...request.params, [param]: value }, key: keysA.admin });
        expect(answer.status).toBe(404);
        errorMessage(answer, "not_found");
      },
    );
  } else if (operation.method === "GET" && operation.response.body?.kind === "page") {
    it("another organisation's key sees none of this organisation's rows", async () => {
      const answer = await callApi(operation, { key: keyB });
      expect(answer.status).toBe(200);
      const ids = answer.body.data.map((row: { id: string }) => row.id);
      for (const id of [...Object.values(shared), a.as.agent.membershipId]) expect(ids).not.toContain(id);
    });
  }

  if (operation.body) {
    it("400 for a body that is not JSON", async () => {
      const answer = await callApi(operation, { params: c.params?.(shared), rawBody: "{ role: admin", key: keysA.admin });
      expect(answer.status).toBe(400);
      expect(errorMessage(answer, "bad_request")).toBe("The request body is not valid JSON.");
    });
    it("422 with a clear message for an invalid body", async () => {
      const answer = await callApi(operation, { params: c.params?.(shared), body: c.invalid!.body, key: keysA.admin });
      expect(answer.status).toBe(422);
      expect(errorMessage(answer, "validation_failed")).toBe(c.invalid!.message);
      expect(answer.body.error.details.fieldErrors).toBeTypeOf("object");
    });
    // Names are listed before the targets exist; each case rebuilds its body around the real targets.
    it.each(hostileBodies(operation, c.body?.(placeholderTargets)).map((input) => input.name))("4xx, not 500, for a body with %s", async (name) => {
      const input = hostileBodies(operation, c.body?.(shared)).find((candidate) => candidate.name === name)!;
      expectRefused(await callApi(operation, { params: c.params?.(shared), body: input.body, key: keysA.admin }));
    });
  }

  // The routes' query schemas are in the registry (so in the document): paged ones get the paging cases.
  if (operation.query && "limit" in operation.query.shape) {
    it.each([
      [{ limit: "0" }, "limit: Too small: expected number to be >=1"],
      [{ limit: "many" }, "limit: Invalid input: expected number, received NaN"],
      [{ cursor: "page-2" }, "cursor: cursor must be an id from a previous page"],
    ])("422 for the query %o", async (query, message) => {
      const answer = await callApi(operation, { params: c.params?.(shared), query, key: keysA.admin });
      expect(answer.status).toBe(422);
      expect(errorMessage(answer, "validation_failed")).toBe(message);
    });
  }
  if (operation.query) {
    it.each(hostileQueries(operation).map((input) => [input.name, input.query] as const))("4xx, not 500, for a query with %s", async (_name, query) => {
      expectRefused(await callApi(operation, { params: c.params?.(shared), query, key: keysA.admin }));
    });
  }

  if (operation.conflict) {
    it(`409 when ${operation.conflict.toLowerCase()}`, async () => {
      const { asOwnerSession, ...request } = c.conflict!(shared);
      if (asOwnerSession) session.user = { ...a.users.owner, name: "" };
      try {
        const answer = asOwnerSession
          ? await callApi(operation, { ...request, key: null, headers: { "x-org-slug": a.org.slug, origin: OWN_ORIGIN } })
          : await callApi(operation, { ...request, key: keysA.admin });
        expect(answer.status).toBe(409);
        errorMessage(answer, "conflict");
      } finally {
        session.user = null;
      }
    });
  }

  if (operation.method !== "GET") {
    describe("a session cookie writes only from the app's own pages, in JSON", () => {
      const refusals: Record<string, { headers: Record<string, string>; asText?: boolean; message: RegExp }> = {
        "from a foreign Origin": { headers: { origin: FOREIGN_ORIGIN }, message: /^Cross-site request refused/ },
        "as a cross-site form (foreign Origin, text/plain)": { headers: { origin: FOREIGN_ORIGIN, "sec-fetch-site": "cross-site" }, asText: true, message: /^Cross-site request refused/ },
        "with neither Origin nor Sec-Fetch-Site": { headers: {}, message: /^Cross-site request refused/ },
        "from the same origin, but as text/plain": { headers: { origin: OWN_ORIGIN }, asText: true, message: /application\/json, not text\/plain/ },
      };
      it.each(Object.entries(refusals))("403 %s, and nothing is written", async (_name, refusal) => {
        const request = requestFor(operation, shared);
        const before = await auditRowsOfA();
        const answer = await asOwnerSession(() =>
          callApi(operation, {
            params: request.params,
            key: null,
            ...(refusal.asText ? { rawBody: JSON.stringify(request.body ?? {}) } : { body: request.body }),
            headers: { "x-org-slug": a.org.slug, ...(refusal.asText && { "content-type": "text/plain;charset=UTF-8" }), ...refusal.headers },
          }),
        );
        expect(answer.status).toBe(403);
        expect(errorMessage(answer, "forbidden")).toMatch(refusal.message);
        expect(await auditRowsOfA()).toBe(before);
      });
      it(`${operation.response.status} for same-origin JSON with the owner's session`, async () => {
        const t = await freshTargets();
        const answer = await asOwnerSession(() => callApi(operation, { ...requestFor(operation, t), key: null, headers: { "x-org-slug": a.org.slug, origin: OWN_ORIGIN } }));
        expect(answer.status, JSON.stringify(answer.body)).toBe(operation.response.status);
        await c.check?.(answer, t);
      });
    });
  }

  it(`${operation.response.status} on the happy path with an API key and no Origin, in the documented shape`, async () => {
    const t = await freshTargets();
    const answer = await callApi(operation, { ...requestFor(operation, t), key: keysA.admin });
    expect(answer.status, JSON.stringify(answer.body)).toBe(operation.response.status);
    // Whatever the operation, no answer carries a channel's secrets.
    expectNoSecrets(answer, t.secrets);
    const schema = responseSchemaOf(operation);
    const body = operation.response.body;
    if (body?.kind === "file") expect(answer.contentType).toContain(body.contentType);
    else if (schema) expect(schema.safeParse(answer.body).error).toBeUndefined();
    else expect(answer.body).toBeNull();
    await c.check?.(answer, t);
  });
});

describe("owners are out of an API key's reach", () => {
  it("an admin key cannot change an owner's role", async () => {
    const answer = await asAdminCall("updateMember", { memberId: a.as.owner.membershipId! }, { role: "agent" });
    expect(answer.status).toBe(403);
    expect(errorMessage(answer, "forbidden")).toMatch(/owner/);
  });
  it("an admin key cannot invite an owner", async () => {
    const answer = await asAdminCall("inviteMember", undefined, { email: "boss@example.com", role: "owner" });
    expect(answer.status).toBe(403);
  });
  it("an admin key cannot remove an owner", async () => {
    const answer = await callApi(op("removeMember"), { key: keysA.admin, params: { memberId: a.as.owner.membershipId! } });
    expect(answer.status).toBe(403);
  });
});

it("a member id of another organisation cannot be added to a group (404)", async () => {
  const answer = await asAdminCall("addSkillGroupMember", { skillGroupId: shared.skillGroupId }, { membershipId: b.as.agent.membershipId });
  expect(answer.status).toBe(404);
  expect(errorMessage(answer, "not_found")).toBe("Member not found.");
});

/** What the dashboard's pages send as Origin (configuration, never the request's Host), and an attacker's page. */
const OWN_ORIGIN = new URL(appUrl()).origin;
const FOREIGN_ORIGIN = "https://attacker.example";

async function asOwnerSession<T>(call: () => Promise<T>): Promise<T> {
  session.user = { ...a.users.owner, name: "" };
  try {
    return await call();
  } finally {
    session.user = null;
  }
}

async function auditRowsOfA(): Promise<number> {
  const db = await getDb();
  return (await db.select({ id: auditLog.id }).from(auditLog).where(eq(auditLog.orgId, a.org.id))).length;
}

function asAdminCall(operationId: string, params: Record<string, string> | undefined, body: unknown) {
  return callApi(op(operationId), { key: keysA.admin, params, body });
}

/** The agent desk's operations: keys act for the member who created them (here the owner, in the channel's group). */
function routingCases(): Record<string, Case> {
  const on = (id: keyof Targets) => (t: Targets) => ({ conversationId: t[id] as string });
  return {
    claimConversation: {
      params: on("queuedConversationId"),
      conflict: (t) => ({ params: { conversationId: t.openConversationId } }),
      check: (answer) => expect(answer.body).toMatchObject({ status: "open", assigneeMembershipId: a.as.owner.membershipId }),
    },
    assignConversation: {
      params: on("assignConversationId"),
      body: (t) => ({ membershipId: t.deskAgentId }),
      invalid: { body: { membershipId: "someone" }, message: "membershipId: Not a valid id." },
      conflict: (t) => ({ params: { conversationId: t.resolvedConversationId }, body: { membershipId: t.deskAgentId } }),
      check: (answer, t) => expect(answer.body).toMatchObject({ status: "open", assigneeMembershipId: t.deskAgentId }),
    },
    transferConversation: {
      params: on("transferConversationId"),
      body: (t) => ({ membershipId: t.transferAgentId, memo: "Wants a refund" }),
      invalid: { body: { memo: "no target" }, message: "Choose a skill group or an agent to transfer to." },
      conflict: (t) => ({ params: { conversationId: t.resolvedConversationId }, body: { skillGroupId: t.channelGroupId } }),
      check: (answer, t) => expect(answer.body).toMatchObject({ status: "open", assigneeMembershipId: t.transferAgentId }),
    },
    resolveConversation: {
      params: on("resolveConversationId"),
      check: (answer) => expect(answer.body).toMatchObject({ status: "resolved" }),
    },
    reopenConversation: {
      params: on("reopenConversationId"),
      conflict: (t) => ({ params: { conversationId: t.openConversationId } }),
      check: (answer) => expect(answer.body.status).toBe("open"),
    },
    setConversationPending: {
      params: on("pendingConversationId"),
      conflict: (t) => ({ params: { conversationId: t.resolvedConversationId } }),
      check: (answer, t) => expect(answer.body).toMatchObject({ status: "pending", assigneeMembershipId: t.deskAgentId }),
    },
    getPresence: {
      check: (answer) => expect(answer.body).toMatchObject({ membershipId: a.as.owner.membershipId }),
    },
    setPresence: {
      body: () => ({ status: "away" }),
      invalid: { body: { status: "busy" }, message: "status: Choose online, away or offline." },
      check: (answer) => expect(answer.body).toMatchObject({ membershipId: a.as.owner.membershipId, status: "away", changedBy: "manual" }),
    },
    getConversationContact: {
      params: on("openConversationId"),
      check: (answer, t) => expect(answer.body.contact.id).toBe(t.contactId),
    },
    updateContactAttributes: {
      params: (t) => ({ contactId: t.contactId }),
      body: () => ({ attributes: [{ key: "order", value: "A-1042" }] }),
      invalid: { body: { attributes: [{ key: "order", value: "x".repeat(501) }] }, message: "attributes.0.value: An attribute value is text of at most 500 characters." },
      check: (answer) => expect(answer.body).toEqual({ attributes: { order: "A-1042" } }),
    },
    listContactPermissions: {
      params: (t) => ({ contactId: t.contactId }),
      check: (answer) => expect(answer.body).toEqual({ data: [], nextCursor: null }),
    },
  };
}
