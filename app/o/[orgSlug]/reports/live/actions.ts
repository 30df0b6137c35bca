"use server";

import { listConversations } from "@/lib/services/conversations";
import { getLiveOverview } from "@/lib/services/reports";
import { assignConversation, publishDeskEvents } from "@/lib/services/routing";
import { orgAction } from "@/lib/tenancy/action";

/** Refetched by the live overview on every desk event (and polled slowly while the stream is down). */
export async function getLiveOverviewAction(orgSlug: string) {
  return orgAction(orgSlug, "reports.service", (ctx) => getLiveOverview({ ctx }));
}

/** What one agent carries now (open and pending), for the supervisor to hand some of it on. */
export async function listAgentConversationsAction(orgSlug: string, membershipId: string) {
  return orgAction(orgSlug, "reports.service", async (ctx) => {
    // The inbox's own read (same tenancy and scope); at most the cap (≤ 100) of each status is ever open.
    const pages = await Promise.all(
      (["open", "pending"] as const).map((status) => listConversations({ ctx, input: { view: "all", assigneeMembershipId: membershipId, status, limit: 100 } })),
    );
    return pages
      .flatMap((page) => page.data)
      .map((c) => ({ id: c.id, contactName: c.contactName ?? c.psid, channelName: c.channelName, status: c.status, skillGroupId: c.skillGroupId, lastMessageAt: c.lastMessageAt }));
  });
}

/** Gives the conversation to another agent of its skill group through routing's assign verb, then tells open dashboards. */
export async function reassignConversationAction(orgSlug: string, conversationId: string, membershipId: string) {
  return orgAction(orgSlug, "conversations.assign", async (ctx) => {
    const { conversation, events } = await assignConversation({ ctx, conversationId, input: { membershipId } });
    await publishDeskEvents(events);
    return conversation;
  });
}
