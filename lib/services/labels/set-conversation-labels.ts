import { and, asc, eq, inArray, notInArray, sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { channels, conversationLabels, conversations, labels } from "@/db/schema";
import { NotFoundError } from "@/lib/errors";
import { publishRealtime } from "@/lib/realtime";
import { conversationChannelScope } from "@/lib/tenancy/conversation-scope";
import { requirePermission, type OrgContext } from "@/lib/tenancy/context";
import { parseInput } from "@/lib/validation";
import { conversationLabelsInputSchema, type LabelChip, type LabelColor } from "./schemas";

/**
 * Replaces the labels on a conversation. The conversation must be one the actor may see (otherwise it is not
 * found, as another organisation's), and every label one of the organisation's (a foreign or deleted label id
 * answers not found, nothing changes). Open dashboards hear `conversation.updated` once it commits.
 */
export async function setConversationLabels({ ctx, conversationId, input }: { ctx: OrgContext; conversationId: string; input: unknown }): Promise<LabelChip[]> {
  requirePermission(ctx, "conversations.reply");
  const labelIds = [...new Set(parseInput(conversationLabelsInputSchema, input).labelIds)];
  const db = await getDb();
  return db.transaction(async (tx) => {
    const [conversation] = await tx
      .select({ id: conversations.id, channelId: conversations.channelId, assigneeMembershipId: conversations.assigneeMembershipId })
      .from(conversations)
      .innerJoin(channels, eq(channels.id, conversations.channelId))
      .where(and(eq(conversations.orgId, ctx.org.id), eq(conversations.id, conversationId), conversationChannelScope(tx, ctx)))
      .for("update", { of: conversations });
    if (!conversation) throw new NotFoundError("conversations.errors.notFound");
    const known = labelIds.length
      ? await tx
          .select({ id: labels.id })
          .from(labels)
          .where(and(eq(labels.orgId, ctx.org.id), inArray(labels.id, labelIds)))
      : [];
    if (known.length !== labelIds.length) throw new NotFoundError("labels.errors.notFound");
    const current = await tx.select({ labelId: conversationLabels.labelId }).from(conversationLabels).where(eq(conversationLabels.conversationId, conversationId));
    const added = labelIds.filter((id) => !current.some((c) => c.labelId === id));
    const removed = current.filter((c) => !labelIds.includes(c.labelId));
    if (removed.length > 0) {
      await tx
        .delete(conversationLabels)
        .where(and(eq(conversationLabels.conversationId, conversationId), labelIds.length ? notInArray(conversationLabels.labelId, labelIds) : sql`true`));
    }
    if (added.length > 0) {
      await tx
        .insert(conversationLabels)
        .values(added.map((labelId) => ({ conversationId, labelId, orgId: ctx.org.id, addedByMembershipId: ctx.membershipId })))
        .onConflictDoNothing();
    }
    if (added.length > 0 || removed.length > 0) {
      await publishRealtime(tx, {
        type: "conversation.updated",
        orgId: ctx.org.id,
        conversationId,
        channelId: conversation.channelId,
        assigneeMembershipId: conversation.assigneeMembershipId,
        previousAssigneeMembershipId: conversation.assigneeMembershipId,
        at: Date.now(),
      });
    }
    const rows = await tx
      .select({ id: labels.id, name: labels.name, color: labels.color })
      .from(conversationLabels)
      .innerJoin(labels, eq(labels.id, conversationLabels.labelId))
      .where(eq(conversationLabels.conversationId, conversationId))
      .orderBy(asc(sql`lower(${labels.name})`));
    return rows.map((r) => ({ ...r, color: r.color as LabelColor }));
  });
}
