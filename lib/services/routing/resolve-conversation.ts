import { and, desc, eq } from "drizzle-orm";
import { channelCsatSettings, conversationActivities, conversationBotStates, conversations } from "@/db/schema";
import type { Tx } from "@/db/client";
import { requirePermission, type OrgContext } from "@/lib/tenancy/context";
import { toDeskConversation } from "./assignment";
import { emitResolutions, type Resolution } from "./emit-resolutions";
import { drainGroupsOfMember } from "./engine";
import type { DeskEvent } from "./events";
import { deskTransaction } from "./locks";
import { getConversationInOrg, recordActivities, requireDeskAccess } from "./queries";
import type { DeskConversation } from "./schemas";

/**
 * Marks a conversation done. The assignee stays on it (sticky routing brings the person back to them), but it
 * no longer counts towards their load, so their queues are drained into the freed room after the commit.
 * Resolving a resolved conversation changes nothing. When the channel asks for a satisfaction survey, the
 * resolution is handed to the survey's workflow after the commit (every path resolves through here).
 */
export async function resolveConversation({ ctx, conversationId }: { ctx: OrgContext; conversationId: string }): Promise<{ conversation: DeskConversation; events: DeskEvent[] }> {
  requirePermission(ctx, "conversations.reply");
  const result = await deskTransaction(async (tx) => {
    const current = await getConversationInOrg(tx, ctx, conversationId, true);
    await requireDeskAccess(tx, ctx, current);
    if (current.status === "resolved") return { row: current, events: [] as DeskEvent[], survey: null };
    const [row] = await tx
      .update(conversations)
      .set({ status: "resolved", resolvedAt: new Date() })
      .where(and(eq(conversations.orgId, ctx.org.id), eq(conversations.id, conversationId)))
      .returning();
    // The bot's part ends with the conversation: the person's next message starts afresh (and the bot, if on, says again that it is automated).
    await tx.delete(conversationBotStates).where(eq(conversationBotStates.conversationId, conversationId));
    const events = await recordActivities(tx, [
      {
        conversation: row!,
        kind: "resolved",
        actorMembershipId: ctx.membershipId,
        actorIsMember: true,
        from: { membershipId: current.assigneeMembershipId, skillGroupId: current.skillGroupId, status: current.status },
        to: { membershipId: row!.assigneeMembershipId, skillGroupId: row!.skillGroupId, status: "resolved" },
      },
    ]);
    return { row: row!, events, survey: await surveyDue(tx, row!) };
  });
  if (result.survey) await emitResolutions([result.survey]);
  const freed = result.events.length > 0 && result.row.assigneeMembershipId ? await drainGroupsOfMember(ctx.org.id, result.row.assigneeMembershipId) : [];
  return { conversation: toDeskConversation(result.row), events: [...result.events, ...freed] };
}

/** The resolution to survey, when the conversation's channel has its satisfaction survey on (one indexed read). */
async function surveyDue(tx: Tx, row: typeof conversations.$inferSelect): Promise<Resolution | null> {
  const [setting] = await tx.select({ enabled: channelCsatSettings.enabled }).from(channelCsatSettings).where(eq(channelCsatSettings.channelId, row.channelId));
  if (!setting?.enabled) return null;
  const [activity] = await tx
    .select({ id: conversationActivities.id })
    .from(conversationActivities)
    .where(and(eq(conversationActivities.conversationId, row.id), eq(conversationActivities.kind, "resolved")))
    .orderBy(desc(conversationActivities.createdAt))
    .limit(1);
  return activity ? { orgId: row.orgId, channelId: row.channelId, conversationId: row.id, resolutionActivityId: activity.id } : null;
}
