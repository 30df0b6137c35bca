import { and, eq, isNull } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { recurringTopics } from "@/db/schema";
import { ConflictError, NotFoundError, ValidationError } from "@/lib/errors";
import { kindAvailability } from "./availability";

/**
 * A recurring campaign's topic: one of the channel's topics (another channel's, another organisation's or a deleted
 * one is not found), registered with Meta (an unregistered topic's opt-ins and sends are refused by Meta).
 */
export async function assertSendableTopic(db: DbOrTx, orgId: string, channelId: string, topicId: string, options: { registered?: boolean } = {}): Promise<void> {
  const [topic] = await db
    .select({ registration: recurringTopics.registration })
    .from(recurringTopics)
    .where(and(eq(recurringTopics.id, topicId), eq(recurringTopics.orgId, orgId), eq(recurringTopics.channelId, channelId), isNull(recurringTopics.deletedAt)));
  if (!topic) throw new NotFoundError("broadcast.errors.topicNotFound");
  if (options.registered !== false && topic.registration !== "registered") throw ValidationError.forField("topicId", "broadcast.errors.topicNotRegistered");
}

/** Refuses a kind the channel may not send now, with Meta's reason (a `permissions.reason.*` key). */
export function assertKindAvailable(channel: { messagingRegion: string | null; businessCountry: string | null; adAccountId: string | null }, kind: "recurring" | "marketing", now = new Date()): void {
  const availability = kindAvailability(channel, kind, now);
  if (!availability.available) throw new ConflictError(availability.reason);
}
