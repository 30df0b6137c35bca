import { randomBytes } from "node:crypto";
import { and, eq, isNull, sql } from "drizzle-orm";
import { getDb, type Tx } from "@/db/client";
import { messagePermissions, recurringTopics } from "@/db/schema";
import { recordAudit } from "@/lib/audit";
import { requirePermission, type OrgContext } from "@/lib/tenancy/context";
import { parseInput } from "@/lib/validation";
import { assertRecurringAvailable, auditView, getChannelInOrg, subscriberCounts, titleTaken, toTopic, type TopicRow } from "./queries";
import { topicInputSchema, type Topic } from "./schemas";

/**
 * A new topic on one of the organisation's channels, unregistered until its first opt-in. Refused (409, with
 * the reason) where the channel's region no longer allows recurring notifications, and when another live topic
 * of the channel has the title (regardless of case).
 */
export async function createTopic({ ctx, input }: { ctx: OrgContext; input: unknown }): Promise<Topic> {
  requirePermission(ctx, "campaigns.manage");
  const data = parseInput(topicInputSchema, input);
  const db = await getDb();
  return db
    .transaction(async (tx) => {
      const channel = await getChannelInOrg(tx, ctx.org.id, data.channelId);
      assertRecurringAvailable(channel);
      const [created] = await tx
        .insert(recurringTopics)
        .values({
          orgId: ctx.org.id,
          channelId: channel.id,
          title: data.title,
          cadence: data.cadence,
          imageUrl: data.imageUrl ?? null,
          // Unguessable: the opt-in webhook names its topic by this payload, which only our requests carry.
          payload: `topic_${randomBytes(12).toString("base64url")}`,
          createdBy: ctx.actor.label,
        })
        .returning();
      // Opt-ins to this title that arrived before the topic existed here (an m.me/rn link shared elsewhere) are
      // its subscribers, and prove Meta already knows the title.
      const linked = await tx
        .update(messagePermissions)
        .set({ topicId: created.id })
        .where(and(eq(messagePermissions.channelId, channel.id), eq(messagePermissions.kind, "recurring"), isNull(messagePermissions.topicId), sql`lower(${messagePermissions.topic}) = lower(${data.title})`))
        .returning({ optedInAt: messagePermissions.optedInAt });
      const row = linked.length === 0 ? created : await markRegistered(tx, created.id, new Date(Math.min(...linked.map((l) => l.optedInAt.getTime()))));
      await recordAudit(tx, ctx, { action: "topic.created", resourceId: created.id, after: auditView(row) });
      return toTopic(row, channel, (await subscriberCounts(tx, [row.id])).get(row.id));
    })
    .catch((error) => titleTaken(error, data.title));
}

async function markRegistered(tx: Tx, topicId: string, at: Date): Promise<TopicRow> {
  const [row] = await tx.update(recurringTopics).set({ registration: "registered", registeredAt: at }).where(eq(recurringTopics.id, topicId)).returning();
  return row;
}
