import { and, eq, sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { contacts, recurringTopics } from "@/db/schema";
import { recordAudit } from "@/lib/audit";
import { ConflictError, NotFoundError } from "@/lib/errors";
import { requirePermission, type OrgContext } from "@/lib/tenancy/context";
import { parseInput } from "@/lib/validation";
import { MESSAGING_WINDOW_HOURS } from "./constants";
import { optinRequestSender } from "./optin-request-sender";
import { assertRecurringAvailable, getTopicInOrg, subscriberCounts, toTopic } from "./queries";
import { topicRegistrationInputSchema, type Topic } from "./schemas";

const REFUSALS = {
  asked_recently: "topics.errors.registrationAskedRecently",
  already_subscribed: "topics.errors.registrationAlreadySubscribed",
  outside_window: "topics.errors.registrationOutsideWindow",
  reconnect: "topics.errors.reconnectNeeded",
  failed: "topics.errors.metaRefused",
} as const;

/**
 * The guide's registration step: Meta only takes opt-in requests for a title someone already opted in to, so
 * the first request goes to the Page admin's own Messenger account (a contact of the topic's channel who wrote
 * to the Page within 24 hours — otherwise refused with that rule, and nothing is sent). The topic is then
 * pending until an opt-in to it arrives (lib/services/permissions/capture-recurring.ts marks it registered).
 */
export async function registerTopic({ ctx, topicId, input }: { ctx: OrgContext; topicId: string; input: unknown }): Promise<Topic> {
  requirePermission(ctx, "campaigns.manage");
  const { contactId } = parseInput(topicRegistrationInputSchema, input);
  const db = await getDb();
  const { topic, channel } = await getTopicInOrg(db, ctx.org.id, topicId);
  assertRecurringAvailable(channel);
  if (topic.registration === "registered") throw new ConflictError("topics.errors.alreadyRegistered");
  const [admin] = await db
    .select({ psid: contacts.psid, lastInboundAt: contacts.lastInboundAt })
    .from(contacts)
    .where(and(eq(contacts.orgId, ctx.org.id), eq(contacts.channelId, topic.channelId), eq(contacts.id, contactId)));
  if (!admin) throw new NotFoundError("topics.errors.contactNotFound");
  if (!admin.lastInboundAt || admin.lastInboundAt.getTime() <= Date.now() - MESSAGING_WINDOW_HOURS * 3_600_000) throw new ConflictError("topics.errors.registrationOutsideWindow");

  const send = await optinRequestSender(topic);
  const answer = await send(admin.psid);
  if (!answer.ok) {
    if (answer.refusal === "unavailable") throw new ConflictError("permissions.reason.recurringRegion");
    throw new ConflictError(REFUSALS[answer.refusal], { reason: answer.reason });
  }
  const row = await db.transaction(async (tx) => {
    const [after] = await tx
      .update(recurringTopics)
      // An opt-in may have registered the topic while the request was in flight: registered stays registered.
      .set({ registration: sql`case when ${recurringTopics.registration} = 'registered' then 'registered'::topic_registration else 'pending'::topic_registration end`, registrationPsid: admin.psid, registrationRequestedAt: new Date() })
      .where(and(eq(recurringTopics.id, topicId), eq(recurringTopics.orgId, ctx.org.id)))
      .returning();
    await recordAudit(tx, ctx, { action: "topic.registration_requested", resourceId: topicId, after: { contactId } });
    return after;
  });
  return toTopic(row, channel, (await subscriberCounts(db, [row.id])).get(row.id));
}
