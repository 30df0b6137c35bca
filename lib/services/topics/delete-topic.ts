import { and, eq, inArray, isNull } from "drizzle-orm";
import { getDb } from "@/db/client";
import { campaigns, recurringTopics } from "@/db/schema";
import { recordAudit } from "@/lib/audit";
import { ConflictError } from "@/lib/errors";
import { requirePermission, type OrgContext } from "@/lib/tenancy/context";
import { auditView, getTopicInOrg } from "./queries";

/** Campaigns that will still send (or resume sending) to their topic. */
const UNSENT = ["draft", "scheduled", "sending", "paused"] as const;

/**
 * Soft-deletes a topic: its permissions and the campaigns sent to it keep pointing at it, and its title is free
 * for a new topic. Refused while a recurring campaign not yet sent uses it.
 */
export async function deleteTopic({ ctx, topicId }: { ctx: OrgContext; topicId: string }): Promise<void> {
  requirePermission(ctx, "campaigns.manage");
  const db = await getDb();
  await db.transaction(async (tx) => {
    const { topic } = await getTopicInOrg(tx, ctx.org.id, topicId, { forUpdate: true });
    const [user] = await tx
      .select({ id: campaigns.id })
      .from(campaigns)
      .where(and(eq(campaigns.orgId, ctx.org.id), eq(campaigns.topicId, topicId), inArray(campaigns.status, [...UNSENT]), isNull(campaigns.deletedAt)))
      .limit(1);
    if (user) throw new ConflictError("topics.errors.inUse");
    await tx
      .update(recurringTopics)
      .set({ deletedAt: new Date() })
      .where(and(eq(recurringTopics.orgId, ctx.org.id), eq(recurringTopics.id, topicId)));
    await recordAudit(tx, ctx, { action: "topic.deleted", resourceId: topicId, before: auditView(topic) });
  });
}
