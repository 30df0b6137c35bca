import { and, eq } from "drizzle-orm";
import { conversations } from "@/db/schema";
import { ConflictError } from "@/lib/errors";
import { requirePermission, type OrgContext } from "@/lib/tenancy/context";
import { toDeskConversation } from "./assignment";
import type { DeskEvent } from "./events";
import { deskTransaction } from "./locks";
import { getConversationInOrg, recordActivities, requireDeskAccess } from "./queries";
import type { DeskConversation } from "./schemas";

/**
 * Marks an open conversation pending: the agent waits on the person. It stays the assignee's (and counts in
 * their load); the person's next message makes it open again (openOnInbound). Pending again changes nothing;
 * a resolved conversation must be reopened first. Recorded as a status_changed activity.
 */
export async function setConversationPending({ ctx, conversationId }: { ctx: OrgContext; conversationId: string }): Promise<{ conversation: DeskConversation; events: DeskEvent[] }> {
  requirePermission(ctx, "conversations.reply");
  return deskTransaction(async (tx) => {
    const current = await getConversationInOrg(tx, ctx, conversationId, true);
    await requireDeskAccess(tx, ctx, current);
    if (current.status === "pending") return { conversation: toDeskConversation(current), events: [] as DeskEvent[] };
    if (current.status === "resolved") throw new ConflictError("routing.errors.resolved");
    const [row] = await tx
      .update(conversations)
      .set({ status: "pending", updatedAt: new Date() })
      .where(and(eq(conversations.orgId, ctx.org.id), eq(conversations.id, conversationId)))
      .returning();
    const events = await recordActivities(tx, [
      {
        conversation: row!,
        kind: "status_changed",
        actorMembershipId: ctx.membershipId,
        actorIsMember: ctx.actor.type !== "system",
        from: { membershipId: current.assigneeMembershipId, skillGroupId: current.skillGroupId, status: current.status },
        to: { membershipId: row!.assigneeMembershipId, skillGroupId: row!.skillGroupId, status: "pending" },
      },
    ]);
    return { conversation: toDeskConversation(row!), events };
  });
}
