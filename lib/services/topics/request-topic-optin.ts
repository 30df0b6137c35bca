import { and, eq, gt, inArray, lte, sql, type SQL } from "drizzle-orm";
import { getDb } from "@/db/client";
import { contacts, topicRequests } from "@/db/schema";
import { recordAudit } from "@/lib/audit";
import { ConflictError, ValidationError } from "@/lib/errors";
import { contactInSegment, getSegmentInOrg, segmentDefinitionSchema } from "@/lib/services/segments";
import { requirePermission, type OrgContext } from "@/lib/tenancy/context";
import { parseInput } from "@/lib/validation";
import { MESSAGING_WINDOW_HOURS, TOPIC_REQUEST_COOLDOWN_DAYS, TOPIC_REQUEST_OUTCOMES, type TopicRequestOutcome } from "./constants";
import { optinRequestSender } from "./optin-request-sender";
import { assertRecurringAvailable, getTopicInOrg, type TopicRow } from "./queries";
import { topicRequestInputSchema, type TopicRequestInput, type TopicRequestResult } from "./schemas";

const HOUR = 3_600_000;

/**
 * Asks people of the topic's channel to subscribe to it (the notification_messages request), within Meta's
 * rules, and counts what happened to every person: already_subscribed (an active permission for the topic),
 * outside_window (no message, postback or referral from them within 24 hours), asked_recently (we asked within
 * 7 days: topic_requests), else the request goes out — sent, or Meta's refusal mapped to its outcome. A request
 * is remembered before it is sent (so two concurrent calls ask a person once) and forgotten again when Meta
 * refused it for a reason other than asking too often or a duplicate opt-in. After a refused Page token (190)
 * the channel is flagged for reconnection and the people not yet asked count as failed; after a region refusal
 * they count as unavailable.
 */
export async function requestTopicOptin({ ctx, topicId, input }: { ctx: OrgContext; topicId: string; input: unknown }): Promise<TopicRequestResult> {
  requirePermission(ctx, "campaigns.manage");
  const audience = parseInput(topicRequestInputSchema, input);
  const db = await getDb();
  const { topic, channel } = await getTopicInOrg(db, ctx.org.id, topicId);
  assertRecurringAvailable(channel);
  if (topic.registration !== "registered") throw new ConflictError("topics.errors.notRegistered");

  const now = Date.now();
  const people = await db
    .select({
      psid: contacts.psid,
      lastInboundAt: contacts.lastInboundAt,
      askedAt: topicRequests.lastRequestedAt,
      subscribed: sql<boolean>`exists (select 1 from message_permissions mp where mp.channel_id = ${topic.channelId} and mp.psid = ${contacts.psid} and mp.kind = 'recurring' and mp.status = 'active' and (mp.topic_id = ${topic.id} or lower(mp.topic) = lower(${topic.title})))`,
    })
    .from(contacts)
    .leftJoin(topicRequests, and(eq(topicRequests.topicId, topic.id), eq(topicRequests.psid, contacts.psid)))
    .where(and(eq(contacts.orgId, ctx.org.id), eq(contacts.channelId, topic.channelId), await audienceWhere(ctx, audience, now)));
  if ("contactIds" in audience && people.length < new Set(audience.contactIds).size) throw ValidationError.forField("contactIds", "topics.errors.contactsNotOnPage");

  const counts = Object.fromEntries(TOPIC_REQUEST_OUTCOMES.map((o) => [o, 0])) as Record<TopicRequestOutcome, number>;
  const toAsk: string[] = [];
  for (const person of people) {
    if (person.subscribed) counts.already_subscribed++;
    else if (!person.lastInboundAt || person.lastInboundAt.getTime() <= now - MESSAGING_WINDOW_HOURS * HOUR) counts.outside_window++;
    else if (person.askedAt && person.askedAt.getTime() > now - TOPIC_REQUEST_COOLDOWN_DAYS * 24 * HOUR) counts.asked_recently++;
    else toAsk.push(person.psid);
  }

  let reconnectNeeded = false;
  let stoppedAs: TopicRequestOutcome | null = null;
  const send = toAsk.length > 0 ? await optinRequestSender(topic) : null;
  for (const psid of toAsk) {
    if (stoppedAs) {
      counts[stoppedAs]++;
      continue;
    }
    const claim = await claimRequest(topic, psid);
    if (!claim) {
      counts.asked_recently++;
      continue;
    }
    const answer = await send!(psid);
    if (answer.ok) {
      counts.sent++;
      continue;
    }
    if (answer.refusal !== "asked_recently" && answer.refusal !== "already_subscribed") await claim.release();
    if (answer.refusal === "reconnect") {
      reconnectNeeded = true;
      stoppedAs = "failed";
      counts.failed++;
    } else if (answer.refusal === "unavailable") {
      stoppedAs = "unavailable";
      counts.unavailable++;
    } else counts[answer.refusal]++;
  }

  const total = people.length;
  await db.transaction((tx) => recordAudit(tx, ctx, { action: "topic.optins_requested", resourceId: topic.id, after: { audience: audienceOf(audience), total, counts } }));
  return { total, counts, reconnectNeeded };
}

async function audienceWhere(ctx: OrgContext, audience: TopicRequestInput, now: number): Promise<SQL | undefined> {
  if ("contactIds" in audience) return inArray(contacts.id, audience.contactIds);
  if ("segmentId" in audience) {
    const segment = await getSegmentInOrg(await getDb(), ctx.org.id, audience.segmentId);
    return contactInSegment(ctx.org.id, segmentDefinitionSchema.parse(segment.definition), sql`${contacts.id}`);
  }
  // Everyone: the people of the Page inside the window (the rest could not be asked anyway).
  return gt(contacts.lastInboundAt, new Date(now - MESSAGING_WINDOW_HOURS * HOUR));
}

function audienceOf(audience: TopicRequestInput) {
  if ("contactIds" in audience) return { contacts: audience.contactIds.length };
  if ("segmentId" in audience) return { segmentId: audience.segmentId };
  return { everyone: true };
}

/**
 * Remembers that the person is being asked now, unless someone asked them within the cooldown (null then).
 * `release` puts the memory back as it was, for a request Meta did not take.
 */
async function claimRequest(topic: TopicRow, psid: string): Promise<{ release: () => Promise<void> } | null> {
  const db = await getDb();
  const now = new Date();
  const cutoff = new Date(now.getTime() - TOPIC_REQUEST_COOLDOWN_DAYS * 24 * HOUR);
  const [before] = await db
    .select({ lastRequestedAt: topicRequests.lastRequestedAt, requestCount: topicRequests.requestCount })
    .from(topicRequests)
    .where(and(eq(topicRequests.topicId, topic.id), eq(topicRequests.psid, psid)));
  const [claimed] = await db
    .insert(topicRequests)
    .values({ topicId: topic.id, channelId: topic.channelId, psid, lastRequestedAt: now })
    .onConflictDoUpdate({
      target: [topicRequests.topicId, topicRequests.psid],
      set: { lastRequestedAt: now, requestCount: sql`${topicRequests.requestCount} + 1` },
      setWhere: lte(topicRequests.lastRequestedAt, cutoff),
    })
    .returning({ id: topicRequests.id });
  if (!claimed) return null;
  return {
    release: async () => {
      const mine = and(eq(topicRequests.id, claimed.id), eq(topicRequests.lastRequestedAt, now));
      if (before) await db.update(topicRequests).set(before).where(mine);
      else await db.delete(topicRequests).where(mine);
    },
  };
}
