/**
 * For every tenant-scoped verb: another organisation's ids answer NotFound (never its data), and a role
 * without the permission is refused with Forbidden. New verbs are added to the tables below.
 */
import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { contacts, conversations } from "@/db/schema";
import { workflowRuns } from "@/db/schema/workflows";
import { ForbiddenError, NotFoundError } from "@/lib/errors";
import type { Role } from "@/lib/permissions";
import { createApiKey, listApiKeys, revokeApiKey } from "@/lib/services/api-keys";
import { listAuditLog } from "@/lib/services/audit";
import { cancelOrganizationDeletion, getOrganizationSettings, scheduleOrganizationDeletion, updateOrganization } from "@/lib/services/organizations";
import { getMember, inviteMember, listInvitations, revokeInvitation, listMembers, removeMember, updateMemberRole } from "@/lib/services/members";
import { getSkillGroup, listSkillGroups, createSkillGroup, deleteSkillGroup, updateSkillGroup, addSkillGroupMember, listSkillGroupMembers, removeSkillGroupMember } from "@/lib/services/skill-groups";
import { deleteChannel, setChannelEnabled, getChannelHealth, checkChannelConnection, exchangeChannelToken, getChannel, listChannels, revealVerifyToken, createChannel, regenerateVerifyToken, updateChannel } from "@/lib/services/channels";
import { cancelCampaign, deleteCampaign, resumeCampaign, sendCampaignNow, getCampaignStats, getSubscribersOverTime, exportCampaignRecipientsCsv, listCampaignRecipients, getCampaignShare, renderCampaignQr, createCampaign, updateCampaign } from "@/lib/services/campaigns";
import { getCampaign, listCampaigns } from "@/lib/services/campaigns";
import { addConversationNote, countConversationViews, deleteConversationNote, getConversation, getConversationSummary, listConversationMessages, listConversationNotes, listConversations, listMentionableMembers } from "@/lib/services/conversations";
import { createLabel, deleteLabel, listLabels, setConversationLabels, updateLabel } from "@/lib/services/labels";
import { countSegment, createSegment, deleteSegment, getSegment, listSegments, previewSegment, updateSegment } from "@/lib/services/segments";
import { createCannedReply, deleteCannedReply, listCannedReplies, searchCannedReplies, updateCannedReply } from "@/lib/services/canned-replies";
import { cancelWorkflowRun, getWorkflowRun, listWorkflowRuns, retryWorkflowRun } from "@/lib/services/workflows";
import type { OrgContext } from "@/lib/tenancy/context";
import { useTestDatabase } from "@/tests/db";
import { useGraphSandbox } from "@/tests/graph-sandbox";
import { createOrgFixture, type OrgFixture } from "@/tests/fixtures";

useTestDatabase();
// Connecting a channel proves its Page through Graph /me: the sandbox holds the Page and its token.
const sandbox = useGraphSandbox();

/** Ids of org A's resources that the verbs below aim at. */
interface Targets {
  memberId: string;
  skillGroupId: string;
  apiKeyId: string;
  invitationId: string;
  channelId: string;
  campaignId: string;
  conversationId: string;
  labelId: string;
  segmentId: string;
  workflowRunId: string;
  cannedReplyId: string;
  noteId: string;
}

let a: OrgFixture;
let b: OrgFixture;
let targets: Targets;

beforeAll(async () => {
  a = await createOrgFixture("Org A");
  b = await createOrgFixture("Org B");
  const group = await createSkillGroup({ ctx: a.as.owner, input: { name: "Support" } });
  const key = await createApiKey({ ctx: a.as.owner, input: { name: "CRM" } });
  const invite = await inviteMember({ ctx: a.as.owner, input: { email: "new@example.com", role: "agent" } });
  sandbox.page({ pageId: "123456789012", pageAccessToken: "page-token-a", appId: "987654321", appSecret: "app-secret-a" });
  const channel = await createChannel({
    ctx: a.as.owner,
    input: { name: "Shop", pageId: "123456789012", pageAccessToken: "page-token-a", appId: "987654321", appSecret: "app-secret-a", skillGroupId: group.id },
  });
  const campaign = await createCampaign({ ctx: a.as.owner, input: { name: "Sale", channelId: channel.id, requestTitle: "Notify me", content: { type: "text", text: "Hi" } } });
  const db = await getDb();
  const [contact] = await db.insert(contacts).values({ orgId: a.org.id, channelId: channel.id, psid: "psid-a" }).returning();
  const [conversation] = await db.insert(conversations).values({ orgId: a.org.id, channelId: channel.id, contactId: contact.id }).returning();
  // A run as the executor records it: scoped through the org id of its triggering event.
  const [run] = await db
    .insert(workflowRuns)
    .values({ functionId: "messenger-desk-test", orgId: a.org.id, eventId: randomUUID(), event: { name: "test/event", data: { orgId: a.org.id } }, status: "running" })
    .returning();
  const reply = await createCannedReply({ ctx: a.as.owner, input: { shortcut: "hello", content: "Hello {first_name}" } });
  const note = await addConversationNote({ ctx: a.as.owner, conversationId: conversation.id, input: { body: "Internal" } });
  targets = {
    cannedReplyId: reply.id,
    noteId: note.id,
    memberId: a.as.agent.membershipId!,
    skillGroupId: group.id,
    apiKeyId: key.apiKey.id,
    invitationId: invite.invitation.id,
    channelId: channel.id,
    campaignId: campaign.id,
    conversationId: conversation.id,
    labelId: (await createLabel({ ctx: a.as.owner, input: { name: "VIP" } })).id,
    segmentId: (await createSegment({ ctx: a.as.owner, input: { name: "Everyone", definition: { match: "all", conditions: [] } } })).id,
    workflowRunId: run.id,
  };
});

/** Verbs that name a resource by id: as another org's owner they must answer NotFound. */
const byIdVerbs: Record<string, { deniedTo: Role[]; run: (ctx: OrgContext, t: Targets) => Promise<unknown> }> = {
  "member.get": { deniedTo: [], run: (ctx, t) => getMember({ ctx, membershipId: t.memberId }) },
  "member.updateRole": { deniedTo: ["marketer", "agent"], run: (ctx, t) => updateMemberRole({ ctx, membershipId: t.memberId, input: { role: "marketer" } }) },
  "member.remove": { deniedTo: ["marketer", "agent"], run: (ctx, t) => removeMember({ ctx, membershipId: t.memberId }) },
  "invitation.revoke": { deniedTo: ["marketer", "agent"], run: (ctx, t) => revokeInvitation({ ctx, invitationId: t.invitationId }) },
  "skillGroup.get": { deniedTo: [], run: (ctx, t) => getSkillGroup({ ctx, skillGroupId: t.skillGroupId }) },
  "skillGroup.update": { deniedTo: ["marketer", "agent"], run: (ctx, t) => updateSkillGroup({ ctx, skillGroupId: t.skillGroupId, input: { name: "Renamed" } }) },
  "skillGroup.delete": { deniedTo: ["marketer", "agent"], run: (ctx, t) => deleteSkillGroup({ ctx, skillGroupId: t.skillGroupId }) },
  "skillGroup.listMembers": { deniedTo: [], run: (ctx, t) => listSkillGroupMembers({ ctx, skillGroupId: t.skillGroupId }) },
  "skillGroup.addMember": { deniedTo: ["marketer", "agent"], run: (ctx, t) => addSkillGroupMember({ ctx, skillGroupId: t.skillGroupId, input: { membershipId: t.memberId } }) },
  "skillGroup.removeMember": { deniedTo: ["marketer", "agent"], run: (ctx, t) => removeSkillGroupMember({ ctx, skillGroupId: t.skillGroupId, membershipId: t.memberId }) },
  "channel.get": { deniedTo: [], run: (ctx, t) => getChannel({ ctx, channelId: t.channelId }) },
  "channel.health": { deniedTo: [], run: (ctx, t) => getChannelHealth({ ctx, channelId: t.channelId }) },
  "channel.update": { deniedTo: ["marketer", "agent"], run: (ctx, t) => updateChannel({ ctx, channelId: t.channelId, input: { name: "Renamed" } }) },
  "channel.revealVerifyToken": { deniedTo: ["marketer", "agent"], run: (ctx, t) => revealVerifyToken({ ctx, channelId: t.channelId }) },
  "channel.regenerateVerifyToken": { deniedTo: ["marketer", "agent"], run: (ctx, t) => regenerateVerifyToken({ ctx, channelId: t.channelId }) },
  "channel.disable": { deniedTo: ["marketer", "agent"], run: (ctx, t) => setChannelEnabled({ ctx, channelId: t.channelId, enabled: false }) },
  "channel.checkConnection": { deniedTo: ["marketer", "agent"], run: (ctx, t) => checkChannelConnection({ ctx, channelId: t.channelId }) },
  "channel.exchangeToken": { deniedTo: ["marketer", "agent"], run: (ctx, t) => exchangeChannelToken({ ctx, channelId: t.channelId, shortLivedToken: "short" }) },
  "channel.delete": { deniedTo: ["marketer", "agent"], run: (ctx, t) => deleteChannel({ ctx, channelId: t.channelId }) },
  "campaign.get": { deniedTo: ["agent"], run: (ctx, t) => getCampaign({ ctx, campaignId: t.campaignId }) },
  "campaign.stats": { deniedTo: ["agent"], run: (ctx, t) => getCampaignStats({ ctx, campaignId: t.campaignId }) },
  "campaign.subscribersOverTime": { deniedTo: ["agent"], run: (ctx, t) => getSubscribersOverTime({ ctx, campaignId: t.campaignId }) },
  "campaign.recipients": { deniedTo: ["agent"], run: (ctx, t) => listCampaignRecipients({ ctx, campaignId: t.campaignId }) },
  "campaign.recipientsCsv": { deniedTo: ["agent"], run: (ctx, t) => exportCampaignRecipientsCsv({ ctx, campaignId: t.campaignId }) },
  "campaign.share": { deniedTo: ["agent"], run: (ctx, t) => getCampaignShare({ ctx, campaignId: t.campaignId }) },
  "campaign.qr": { deniedTo: ["agent"], run: (ctx, t) => renderCampaignQr({ ctx, campaignId: t.campaignId, format: "svg" }) },
  "campaign.update": { deniedTo: ["agent"], run: (ctx, t) => updateCampaign({ ctx, campaignId: t.campaignId, input: { name: "Renamed" } }) },
  "campaign.sendNow": { deniedTo: ["agent"], run: (ctx, t) => sendCampaignNow({ ctx, campaignId: t.campaignId }) },
  "campaign.resume": { deniedTo: ["agent"], run: (ctx, t) => resumeCampaign({ ctx, campaignId: t.campaignId }) },
  "campaign.cancel": { deniedTo: ["agent"], run: (ctx, t) => cancelCampaign({ ctx, campaignId: t.campaignId }) },
  "campaign.delete": { deniedTo: ["agent"], run: (ctx, t) => deleteCampaign({ ctx, campaignId: t.campaignId }) },
  "apiKey.revoke": { deniedTo: ["marketer", "agent"], run: (ctx, t) => revokeApiKey({ ctx, apiKeyId: t.apiKeyId }) },
  "conversation.get": { deniedTo: [], run: (ctx, t) => getConversation({ ctx, conversationId: t.conversationId }) },
  "workflowRun.get": { deniedTo: ["marketer", "agent"], run: (ctx, t) => getWorkflowRun({ ctx, runId: t.workflowRunId }) },
  "workflowRun.retry": { deniedTo: ["marketer", "agent"], run: (ctx, t) => retryWorkflowRun({ ctx, runId: t.workflowRunId }) },
  "workflowRun.cancel": { deniedTo: ["marketer", "agent"], run: (ctx, t) => cancelWorkflowRun({ ctx, runId: t.workflowRunId }) },
  "conversation.summary": { deniedTo: [], run: (ctx, t) => getConversationSummary({ ctx, conversationId: t.conversationId }) },
  "conversation.messages": { deniedTo: [], run: (ctx, t) => listConversationMessages({ ctx, conversationId: t.conversationId }) },
  "conversation.setLabels": { deniedTo: [], run: (ctx, t) => setConversationLabels({ ctx, conversationId: t.conversationId, input: { labelIds: [] } }) },
  "label.update": { deniedTo: ["marketer", "agent"], run: (ctx, t) => updateLabel({ ctx, labelId: t.labelId, input: { color: "red" } }) },
  "label.delete": { deniedTo: ["marketer", "agent"], run: (ctx, t) => deleteLabel({ ctx, labelId: t.labelId }) },
  "segment.get": { deniedTo: ["agent"], run: (ctx, t) => getSegment({ ctx, segmentId: t.segmentId }) },
  "segment.count": { deniedTo: ["agent"], run: (ctx, t) => countSegment({ ctx, segmentId: t.segmentId }) },
  "segment.update": { deniedTo: ["agent"], run: (ctx, t) => updateSegment({ ctx, segmentId: t.segmentId, input: { name: "Renamed" } }) },
  "segment.delete": { deniedTo: ["agent"], run: (ctx, t) => deleteSegment({ ctx, segmentId: t.segmentId }) },
  "conversation.listAfter": { deniedTo: [], run: (ctx, t) => listConversations({ ctx, input: { cursor: t.conversationId } }) },
  "conversation.addNote": { deniedTo: [], run: (ctx, t) => addConversationNote({ ctx, conversationId: t.conversationId, input: { body: "hi" } }) },
  "conversation.listNotes": { deniedTo: [], run: (ctx, t) => listConversationNotes({ ctx, conversationId: t.conversationId }) },
  "conversation.deleteNote": { deniedTo: [], run: (ctx, t) => deleteConversationNote({ ctx, conversationId: t.conversationId, noteId: t.noteId }) },
  "conversation.mentionable": { deniedTo: [], run: (ctx, t) => listMentionableMembers({ ctx, conversationId: t.conversationId }) },
  "cannedReply.search": { deniedTo: [], run: (ctx, t) => searchCannedReplies({ ctx, conversationId: t.conversationId, q: "" }) },
  "cannedReply.update": { deniedTo: ["marketer", "agent"], run: (ctx, t) => updateCannedReply({ ctx, cannedReplyId: t.cannedReplyId, input: { content: "Taken over" } }) },
  "cannedReply.delete": { deniedTo: ["marketer", "agent"], run: (ctx, t) => deleteCannedReply({ ctx, cannedReplyId: t.cannedReplyId }) },
};

/** Verbs scoped by the context alone: another org sees none of org A's rows; denied roles are refused. */
const scopedVerbs: Record<string, { deniedTo: Role[]; run: (ctx: OrgContext) => Promise<unknown>; ids?: (result: unknown) => string[] }> = {
  "member.list": { deniedTo: [], run: (ctx) => listMembers({ ctx }), ids: (r) => (r as { data: { id: string }[] }).data.map((m) => m.id) },
  "member.invite": { deniedTo: ["marketer", "agent"], run: (ctx) => inviteMember({ ctx, input: { email: `x${Math.random()}@example.com`, role: "agent" } }) },
  "invitation.list": { deniedTo: ["marketer", "agent"], run: (ctx) => listInvitations({ ctx }), ids: (r) => (r as { id: string }[]).map((i) => i.id) },
  "skillGroup.list": { deniedTo: [], run: (ctx) => listSkillGroups({ ctx }), ids: (r) => (r as { data: { id: string }[] }).data.map((g) => g.id) },
  "skillGroup.create": { deniedTo: ["marketer", "agent"], run: (ctx) => createSkillGroup({ ctx, input: { name: `G ${Math.random()}` } }) },
  "channel.list": { deniedTo: [], run: (ctx) => listChannels({ ctx }), ids: (r) => (r as { data: { id: string }[] }).data.map((c) => c.id) },
  "channel.create": {
    deniedTo: ["marketer", "agent"],
    run: (ctx) => createChannel({ ctx, input: { name: "X", pageId: String(Date.now()), pageAccessToken: "tok-12345678", appId: "11111111", appSecret: "secret-123", skillGroupId: "00000000-0000-7000-8000-000000000000" } }),
  },
  "campaign.list": { deniedTo: ["agent"], run: (ctx) => listCampaigns({ ctx }), ids: (r) => (r as { data: { id: string }[] }).data.map((c) => c.id) },
  "campaign.create": {
    deniedTo: ["agent"],
    run: (ctx) => createCampaign({ ctx, input: { name: "X", channelId: "00000000-0000-7000-8000-000000000000", requestTitle: "T", content: { type: "text", text: "x" } } }),
  },
  "apiKey.list": { deniedTo: ["marketer", "agent"], run: (ctx) => listApiKeys({ ctx }), ids: (r) => (r as { id: string }[]).map((k) => k.id) },
  "apiKey.create": { deniedTo: ["marketer", "agent"], run: (ctx) => createApiKey({ ctx, input: { name: "k" } }) },
  "cannedReply.list": { deniedTo: [], run: (ctx) => listCannedReplies({ ctx }), ids: (r) => (r as { id: string }[]).map((c) => c.id) },
  "cannedReply.create": { deniedTo: ["marketer", "agent"], run: (ctx) => createCannedReply({ ctx, input: { shortcut: `x${Date.now()}`, content: "x" } }) },
  "conversation.list": { deniedTo: [], run: (ctx) => listConversations({ ctx }), ids: (r) => (r as { data: { id: string }[] }).data.map((c) => c.id) },
  "conversation.countViews": { deniedTo: [], run: (ctx) => countConversationViews({ ctx }) },
  "label.list": { deniedTo: [], run: (ctx) => listLabels({ ctx }), ids: (r) => (r as { id: string }[]).map((l) => l.id) },
  "label.create": { deniedTo: ["marketer", "agent"], run: (ctx) => createLabel({ ctx, input: { name: `L ${Math.random()}` } }) },
  "segment.list": { deniedTo: ["agent"], run: (ctx) => listSegments({ ctx }), ids: (r) => (r as { id: string }[]).map((s) => s.id) },
  "segment.create": { deniedTo: ["agent"], run: (ctx) => createSegment({ ctx, input: { name: `S ${Math.random()}`, definition: { match: "all", conditions: [] } } }) },
  "segment.preview": { deniedTo: ["agent"], run: (ctx) => previewSegment({ ctx, input: { definition: { match: "all", conditions: [] } } }) },
  "workflowRun.list": { deniedTo: ["marketer", "agent"], run: (ctx) => listWorkflowRuns({ ctx }), ids: (r) => (r as { data: { id: string }[] }).data.map((x) => x.id) },
  "auditLog.list": { deniedTo: ["marketer", "agent"], run: (ctx) => listAuditLog({ ctx }), ids: (r) => (r as { data: { resourceId: string }[] }).data.map((e) => e.resourceId) },
  "organization.settings": { deniedTo: [], run: (ctx) => getOrganizationSettings({ ctx }), ids: (r) => [(r as { id: string }).id] },
  "organization.update": { deniedTo: ["marketer", "agent"], run: (ctx) => updateOrganization({ ctx, input: { name: "Taken over" } }) },
  "organization.scheduleDeletion": { deniedTo: ["admin", "marketer", "agent"], run: (ctx) => scheduleOrganizationDeletion({ ctx, input: { confirmation: ctx.org.slug } }) },
  "organization.cancelDeletion": { deniedTo: ["admin", "marketer", "agent"], run: (ctx) => cancelOrganizationDeletion({ ctx }) },
};

describe("another organisation's ids answer NotFound", () => {
  for (const [name, verb] of Object.entries(byIdVerbs)) {
    it(name, async () => {
      await expect(verb.run(b.as.owner, targets)).rejects.toBeInstanceOf(NotFoundError);
    });
  }
});

describe("another organisation sees none of the rows", () => {
  for (const [name, verb] of Object.entries(scopedVerbs)) {
    if (!verb.ids) continue;
    it(name, async () => {
      const seen = verb.ids!(await verb.run(b.as.owner));
      for (const id of Object.values(targets)) expect(seen).not.toContain(id);
    });
  }
});

describe("a role without the permission is refused", () => {
  for (const [name, verb] of [...Object.entries(byIdVerbs), ...Object.entries(scopedVerbs)]) {
    for (const role of verb.deniedTo) {
      it(`${name} as ${role}`, async () => {
        const run = verb.run as (ctx: OrgContext, t: Targets) => Promise<unknown>;
        await expect(run(a.as[role], targets)).rejects.toBeInstanceOf(ForbiddenError);
      });
    }
  }
  it("every verb is refused to someone or documented as open to all roles", () => {
    const openToAll = [...Object.entries(byIdVerbs), ...Object.entries(scopedVerbs)].filter(([, v]) => v.deniedTo.length === 0).map(([n]) => n);
    expect(openToAll.sort()).toEqual([
      "cannedReply.list",
      "cannedReply.search",
      "channel.get",
      "channel.health",
      "channel.list",
      "conversation.addNote",
      "conversation.countViews",
      "conversation.deleteNote",
      "conversation.get",
      "conversation.list",
      "conversation.listAfter",
      "conversation.listNotes",
      "conversation.mentionable",
      "conversation.messages",
      "conversation.setLabels",
      "conversation.summary",
      "label.list",
      "member.get",
      "member.list",
      "organization.settings",
      "skillGroup.get",
      "skillGroup.list",
      "skillGroup.listMembers",
    ]);
  });
});
