import { and, eq, inArray, isNull, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { channels, messagePermissions, recurringTopics } from "@/db/schema";
import { ConflictError, isUniqueViolation, NotFoundError } from "@/lib/errors";
import { englishMessage } from "@/lib/i18n/translate";
import { messagingAvailability } from "@/lib/services/permissions";
import type { Topic } from "./schemas";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export type TopicRow = typeof recurringTopics.$inferSelect;
export type TopicChannel = Pick<typeof channels.$inferSelect, "id" | "name" | "pageId" | "pageUsername" | "messagingRegion" | "businessCountry" | "status" | "deletedAt">;

const channelColumns = {
  id: channels.id,
  name: channels.name,
  pageId: channels.pageId,
  pageUsername: channels.pageUsername,
  messagingRegion: channels.messagingRegion,
  businessCountry: channels.businessCountry,
  status: channels.status,
  deletedAt: channels.deletedAt,
};

/** Fetch-or-throw within the tenant: another organisation's topic, or a deleted one, is as unknown as a missing one. */
export async function getTopicInOrg(db: DbOrTx, orgId: string, topicId: string, options: { forUpdate?: boolean } = {}): Promise<{ topic: TopicRow; channel: TopicChannel }> {
  if (!UUID.test(topicId)) throw new NotFoundError("topics.errors.notFound");
  const query = db
    .select({ topic: recurringTopics, channel: channelColumns })
    .from(recurringTopics)
    .innerJoin(channels, eq(channels.id, recurringTopics.channelId))
    .where(and(eq(recurringTopics.orgId, orgId), eq(recurringTopics.id, topicId), isNull(recurringTopics.deletedAt)));
  const [row] = options.forUpdate ? await query.for("update", { of: recurringTopics }) : await query;
  if (!row) throw new NotFoundError("topics.errors.notFound");
  return row;
}

/** The organisation's live channel, or NotFound (a deleted channel takes no new topics). */
export async function getChannelInOrg(db: DbOrTx, orgId: string, channelId: string): Promise<TopicChannel> {
  const [row] = await db
    .select(channelColumns)
    .from(channels)
    .where(and(eq(channels.orgId, orgId), eq(channels.id, channelId), isNull(channels.deletedAt)));
  if (!row) throw new NotFoundError("channels.errors.notFound");
  return row;
}

/** Refuses (409, with the reason) a channel whose region no longer allows recurring notifications. */
export function assertRecurringAvailable(channel: TopicChannel): void {
  const availability = messagingAvailability(channel).recurring;
  if (!availability.available) throw new ConflictError(availability.reason);
}

export type SubscriberCounts = Topic["subscribers"];
const NO_SUBSCRIBERS: SubscriberCounts = { active: 0, stopped: 0, expired: 0 };

/** Each topic's permissions to message by status (one grouped read for a whole list). */
export async function subscriberCounts(db: DbOrTx, topicIds: string[]): Promise<Map<string, SubscriberCounts>> {
  const counts = new Map<string, SubscriberCounts>();
  if (topicIds.length === 0) return counts;
  const rows = await db
    .select({ topicId: messagePermissions.topicId, status: messagePermissions.status, n: sql<number>`count(*)::int` })
    .from(messagePermissions)
    .where(inArray(messagePermissions.topicId, topicIds))
    .groupBy(messagePermissions.topicId, messagePermissions.status);
  for (const row of rows) {
    const entry = counts.get(row.topicId!) ?? { ...NO_SUBSCRIBERS };
    entry[row.status] = Number(row.n);
    counts.set(row.topicId!, entry);
  }
  return counts;
}

export function toTopic(row: TopicRow, channel: TopicChannel, subscribers: SubscriberCounts = NO_SUBSCRIBERS): Topic {
  const availability = messagingAvailability(channel).recurring;
  return {
    id: row.id,
    channelId: row.channelId,
    channelName: channel.name,
    title: row.title,
    cadence: row.cadence,
    imageUrl: row.imageUrl,
    registration: row.registration,
    registrationRequestedAt: row.registrationRequestedAt?.toISOString() ?? null,
    registeredAt: row.registeredAt?.toISOString() ?? null,
    subscribers,
    available: availability.available,
    unavailableReason: availability.available ? null : englishMessage(availability.reason),
    createdBy: row.createdBy,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

export function titleTaken(error: unknown, title: string): never {
  if (isUniqueViolation(error, "recurring_topics_channel_title_key")) throw new ConflictError("topics.errors.titleTaken", { title });
  throw error;
}

/** What the audit log keeps of a topic. */
export function auditView(row: TopicRow) {
  return { channelId: row.channelId, title: row.title, cadence: row.cadence, imageUrl: row.imageUrl, registration: row.registration };
}
