import { and, eq, sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { messagePermissions, recurringTopics } from "@/db/schema";
import { recordAudit } from "@/lib/audit";
import { ConflictError } from "@/lib/errors";
import { requirePermission, type OrgContext } from "@/lib/tenancy/context";
import { parseInput } from "@/lib/validation";
import { assertRecurringAvailable, auditView, getTopicInOrg, subscriberCounts, titleTaken, toTopic } from "./queries";
import { topicUpdateSchema, type Topic } from "./schemas";

/**
 * Changes a topic's title, cadence or image. The title is Meta's name for the topic: once anyone subscribed
 * (any permission of the topic, whatever its status) it cannot change, and a renamed topic needs registering
 * again.
 */
export async function updateTopic({ ctx, topicId, input }: { ctx: OrgContext; topicId: string; input: unknown }): Promise<Topic> {
  requirePermission(ctx, "campaigns.manage");
  const data = parseInput(topicUpdateSchema, input);
  const db = await getDb();
  const { row, channel } = await db
    .transaction(async (tx) => {
      const { topic: before, channel } = await getTopicInOrg(tx, ctx.org.id, topicId, { forUpdate: true });
      assertRecurringAvailable(channel);
      const renamed = data.title !== undefined && data.title !== before.title;
      if (renamed) {
        const [subscribed] = await tx.select({ n: sql<number>`1` }).from(messagePermissions).where(eq(messagePermissions.topicId, topicId)).limit(1);
        if (subscribed) throw new ConflictError("topics.errors.titleFrozen");
      }
      const [after] = await tx
        .update(recurringTopics)
        .set({
          ...(renamed ? { title: data.title, registration: "unregistered" as const, registrationPsid: null, registrationRequestedAt: null, registeredAt: null } : {}),
          ...(data.cadence !== undefined ? { cadence: data.cadence } : {}),
          ...(data.imageUrl !== undefined ? { imageUrl: data.imageUrl } : {}),
        })
        .where(and(eq(recurringTopics.orgId, ctx.org.id), eq(recurringTopics.id, topicId)))
        .returning();
      await recordAudit(tx, ctx, { action: "topic.updated", resourceId: topicId, before: auditView(before), after: auditView(after) });
      return { row: after, channel };
    })
    .catch((error) => titleTaken(error, data.title ?? ""));
  return toTopic(row, channel, (await subscriberCounts(db, [row.id])).get(row.id));
}
