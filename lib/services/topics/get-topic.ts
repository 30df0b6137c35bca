import { getDb } from "@/db/client";
import { requirePermission, type OrgContext } from "@/lib/tenancy/context";
import { getTopicInOrg, subscriberCounts, toTopic } from "./queries";
import type { Topic } from "./schemas";

/** One topic with its registration state and its subscribers by status. */
export async function getTopic({ ctx, topicId }: { ctx: OrgContext; topicId: string }): Promise<Topic> {
  requirePermission(ctx, "campaigns.read");
  const db = await getDb();
  const { topic, channel } = await getTopicInOrg(db, ctx.org.id, topicId);
  return toTopic(topic, channel, (await subscriberCounts(db, [topic.id])).get(topic.id));
}
