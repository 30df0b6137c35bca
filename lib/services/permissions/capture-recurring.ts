import { and, desc, eq, gt, isNull, lt, ne, or, sql } from "drizzle-orm";
import { getDb, type Tx } from "@/db/client";
import { contacts, messagePermissions, recurringTopics } from "@/db/schema";
import { sha256Hex } from "@/lib/crypto/hash";
import { seal } from "@/lib/crypto/secrets";
import { notificationMessagesChangeOf, type MessagingEvent, type NotificationMessagesChange } from "@/lib/graph/webhook-events";

/** One recurring-notification webhook event, token still in plain text (sealed here), with where it came from. */
export interface RecurringChange extends NotificationMessagesChange {
  orgId: string;
  channelId: string;
  psid: string;
  /** Meta's event time (ms). */
  timestamp: number;
}

/** The recurring-notification change carried by a webhook event, if any (read before the payload is sealed for storage). */
export function recurringChangeOf(event: MessagingEvent, scope: { orgId: string; channelId: string }): RecurringChange | null {
  const change = notificationMessagesChangeOf(event);
  if (!change || !event.sender?.id) return null;
  return { ...change, ...scope, psid: event.sender.id, timestamp: Number(event.timestamp ?? Date.now()) };
}

/**
 * Applies the recurring-notification events of one webhook body to the permissions ledger, called by webhook
 * ingestion before it answers 200 (Meta shows a token once). In event order:
 * - an opt-in stores the token (sealed), idempotent by token hash: a redelivery stores nothing; the contact is
 *   created when processing has not made it yet; the permission is linked to its recurring topic (`topicId`:
 *   by the opt-in's payload, else the channel's topic with its title) and that topic marked registered;
 * - STOP / RESUME NOTIFICATIONS change the status of a known token, only when newer than the last change
 *   applied; one that arrives before its opt-in (Meta does not keep order) stores the token with that status, so
 *   the late opt-in cannot make a stopped person active again;
 * - a refresh (REFRESHED) moves the expiry, and the token if Meta gave a new one for the same person and topic;
 *   a refresh of a token we never saw is stored like an opt-in.
 * Throws when the database fails, so the webhook answers 503 and Meta retries.
 */
export async function captureRecurringChanges(changes: RecurringChange[]): Promise<void> {
  if (changes.length === 0) return;
  const db = await getDb();
  await db.transaction(async (tx) => {
    for (const change of [...changes].sort((a, b) => a.timestamp - b.timestamp)) {
      if (change.change === "optin") await storeOptin(tx, change);
      else if (change.change === "refresh") await refresh(tx, change);
      else await stopOrResume(tx, change);
    }
  });
}

/**
 * Stores the token of an opt-in, or of a STOP / RESUME that arrived before its opt-in (`settled`: the status that
 * event set, and when). An opt-in delivered after its STOP then finds the token stored and changes nothing. A
 * settled change whose opt-in is being stored at this very moment (two webhook POSTs at once) waits for it on the
 * token's unique index and then applies its status to that row, when newer: doing nothing there would lose the STOP.
 */
async function storeOptin(tx: Tx, change: RecurringChange, settled?: { status: "stopped" | "active"; at: Date }): Promise<void> {
  const topicId = await topicOfOptin(tx, change);
  const [contact] = await tx
    .insert(contacts)
    .values({ orgId: change.orgId, channelId: change.channelId, psid: change.psid })
    .onConflictDoUpdate({ target: [contacts.channelId, contacts.psid], set: { updatedAt: sql`${contacts.updatedAt}` } })
    .returning({ id: contacts.id });
  const insert = tx.insert(messagePermissions).values({
    orgId: change.orgId,
    channelId: change.channelId,
    contactId: contact?.id ?? null,
    psid: change.psid,
    kind: "recurring",
    topic: change.topic,
    topicId,
    frequency: change.frequency,
    userTimeZone: change.timeZone,
    tokenSealed: seal(change.token),
    tokenHash: sha256Hex(change.token),
    status: change.expiresAt !== null && change.expiresAt <= Date.now() ? "expired" : (settled?.status ?? "active"),
    stoppedAt: settled?.status === "stopped" ? settled.at : null,
    statusChangedAt: settled?.at ?? null,
    source: "optin",
    sourceRef: { payload: change.payload, eventTime: change.timestamp },
    optedInAt: new Date(change.timestamp),
    expiresAt: change.expiresAt === null ? null : new Date(change.expiresAt),
  });
  if (!settled) await insert.onConflictDoNothing({ target: messagePermissions.tokenHash });
  else await insert.onConflictDoUpdate({ target: messagePermissions.tokenHash, ...statusChange(settled.status, settled.at) });
}

/** What a STOP or RESUME sets on a stored token, and when it may (newer than the last change; RESUME not past expiry). */
function statusChange(status: "stopped" | "active", at: Date) {
  const newer = or(isNull(messagePermissions.statusChangedAt), lt(messagePermissions.statusChangedAt, at));
  return status === "stopped"
    ? {
        set: { status: sql`case when ${messagePermissions.status} = 'expired' then 'expired'::message_permission_status else 'stopped'::message_permission_status end`, stoppedAt: at, statusChangedAt: at },
        setWhere: newer,
      }
    : {
        set: { status: "active" as const, stoppedAt: null, statusChangedAt: at },
        setWhere: and(newer, ne(messagePermissions.status, "expired"), or(isNull(messagePermissions.expiresAt), gt(messagePermissions.expiresAt, new Date()))),
      };
}

/**
 * The recurring topic an opt-in is for: the topic whose payload the opt-in carries (only our requests carry
 * one, and it is unguessable), else the channel's live topic with the opt-in's title regardless of case (an
 * m.me/rn link, or a request sent before the topic existed here). Any opt-in to a topic proves Meta knows its
 * title, so the topic is marked registered (once: the first opt-in's time stays).
 */
async function topicOfOptin(tx: Tx, change: RecurringChange): Promise<string | null> {
  const sameChannel = and(eq(recurringTopics.orgId, change.orgId), eq(recurringTopics.channelId, change.channelId));
  let [topic] = change.payload
    ? await tx.select({ id: recurringTopics.id }).from(recurringTopics).where(and(sameChannel, eq(recurringTopics.payload, change.payload)))
    : [];
  if (!topic && change.topic) {
    [topic] = await tx
      .select({ id: recurringTopics.id })
      .from(recurringTopics)
      .where(and(sameChannel, isNull(recurringTopics.deletedAt), sql`lower(${recurringTopics.title}) = lower(${change.topic})`));
  }
  if (!topic) return null;
  await tx
    .update(recurringTopics)
    .set({ registration: "registered", registeredAt: new Date(change.timestamp) })
    .where(and(eq(recurringTopics.id, topic.id), ne(recurringTopics.registration, "registered")));
  return topic.id;
}

async function refresh(tx: Tx, change: RecurringChange): Promise<void> {
  const expiresAt = change.expiresAt === null ? null : new Date(change.expiresAt);
  const revived = { expiresAt, status: sql`case when ${messagePermissions.status} = 'expired' then 'active'::message_permission_status else ${messagePermissions.status} end` };
  const same = await tx
    .update(messagePermissions)
    .set(revived)
    .where(eq(messagePermissions.tokenHash, sha256Hex(change.token)))
    .returning({ id: messagePermissions.id });
  if (same.length > 0) return;
  // A new token for the same person and topic replaces the old one (the row keeps its history).
  const [previous] = await tx
    .select({ id: messagePermissions.id })
    .from(messagePermissions)
    .where(
      and(
        eq(messagePermissions.channelId, change.channelId),
        eq(messagePermissions.psid, change.psid),
        eq(messagePermissions.kind, "recurring"),
        change.topic === null ? isNull(messagePermissions.topic) : eq(messagePermissions.topic, change.topic),
      ),
    )
    .orderBy(desc(messagePermissions.optedInAt))
    .limit(1);
  if (!previous) return storeOptin(tx, change);
  await tx
    .update(messagePermissions)
    .set({ ...revived, tokenSealed: seal(change.token), tokenHash: sha256Hex(change.token) })
    .where(eq(messagePermissions.id, previous.id));
}

async function stopOrResume(tx: Tx, change: RecurringChange): Promise<void> {
  const at = new Date(change.timestamp);
  const status = change.change === "stop" ? "stopped" : "active";
  const token = eq(messagePermissions.tokenHash, sha256Hex(change.token));
  const { set, setWhere } = statusChange(status, at);
  const changed = await tx.update(messagePermissions).set(set).where(and(token, setWhere)).returning({ id: messagePermissions.id });
  if (changed.length > 0) return;
  // Nothing changed: the token is unknown, or its opt-in is being stored right now by another POST, or this change
  // is older than the last one. Meta does not keep order, and a STOP (or RESUME) carries the token: stored with the
  // status it set (the late opt-in then stores nothing), or applied to the row that appears meanwhile, when newer.
  // One upsert decides all three; a look first and an insert after would lose the STOP to an opt-in committed between.
  await storeOptin(tx, change, { status, at });
}
