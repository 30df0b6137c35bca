import { and, asc, eq, inArray, sql } from "drizzle-orm";
import { getDb, type Tx } from "@/db/client";
import { contacts, conversations, messages, webhookEvents } from "@/db/schema";
import type { EventKind, MessagingEvent } from "@/lib/webhook/events";

/** What processing hands on to other modules (campaigns) after the events are stored. */
export interface ProcessedSignal {
  kind: "referral" | "optin";
  orgId: string;
  channelId: string;
  contactId: string;
  psid: string;
  webhookEventId: string;
  ref?: string;
  /** For opt-ins: the type (one_time_notif_req, notification_messages) and the request payload. */
  optinType?: string;
  optinPayload?: string;
  timestamp: number;
}

export interface StoreResult {
  /** Events taken up (including kinds that only get marked processed). */
  fetched: number;
  processed: number;
  /** Contacts whose Messenger profile has never been fetched (or is stale). */
  contactsNeedingProfile: string[];
  signals: ProcessedSignal[];
}

const PROFILE_MAX_AGE_MS = 7 * 86_400_000;

/**
 * Turns stored webhook events into contacts, conversations and messages, in event-time order: the events
 * named by id, or (without ids) the channel's oldest `limit` events still waiting.
 * Idempotent: events already processed are skipped, messages are unique by mid, watermarks only move forward.
 */
export async function storeWebhookEvents(scope: { orgId: string; channelId: string }, eventIds?: string[], limit = 500): Promise<StoreResult> {
  const db = await getDb();
  return db.transaction(async (tx) => {
    const events = await tx
      .select()
      .from(webhookEvents)
      .where(
        and(
          eventIds ? inArray(webhookEvents.id, eventIds) : undefined,
          // The event names its organisation and channel; rows of any other are not this run's to touch.
          eq(webhookEvents.orgId, scope.orgId),
          eq(webhookEvents.channelId, scope.channelId),
          eq(webhookEvents.status, "received"),
        ),
      )
      .orderBy(asc(webhookEvents.timestamp), asc(webhookEvents.id))
      .limit(limit)
      .for("update", { skipLocked: true });
    const result: StoreResult = { fetched: events.length, processed: 0, contactsNeedingProfile: [], signals: [] };
    const needing = new Set<string>();
    for (const row of events) {
      const event = row.payload as MessagingEvent;
      const kind = row.kind as EventKind;
      if (kind === "other" || !row.senderId) {
        await markProcessed(tx, row.id);
        continue;
      }
      const { contact, conversationId } = await upsertThread(tx, row.orgId, row.channelId, row.senderId);
      if (!contact.profileFetchedAt || Date.now() - contact.profileFetchedAt.getTime() > PROFILE_MAX_AGE_MS) needing.add(contact.id);
      const at = new Date(row.timestamp);
      const base = { orgId: row.orgId, channelId: row.channelId, conversationId, timestamp: row.timestamp };
      const inbound = kind === "message" || kind === "postback" || kind === "referral" || kind === "optin" || kind === "reaction";

      switch (kind) {
        case "message": {
          const m = event.message as { mid?: string; text?: string; attachments?: unknown; quick_reply?: { payload?: string } };
          await insertMessage(tx, { ...base, mid: m.mid ?? null, direction: "inbound", kind: m.attachments ? "attachments" : "text", text: m.text ?? null, attachments: m.attachments ?? null, quickReplyPayload: m.quick_reply?.payload ?? null, source: "webhook" });
          break;
        }
        case "echo": {
          const m = event.message as { mid?: string; text?: string; attachments?: unknown };
          // A message we sent ourselves is already stored under its mid; only the Page's other senders add rows.
          await insertMessage(tx, { ...base, mid: m.mid ?? null, direction: "outbound", kind: m.attachments ? "attachments" : "text", text: m.text ?? null, attachments: m.attachments ?? null, source: "echo" });
          break;
        }
        case "postback": {
          const p = event.postback!;
          await insertMessage(tx, { ...base, mid: p.mid ?? null, direction: "inbound", kind: "postback", text: p.title ?? null, postback: { title: p.title, payload: p.payload }, referral: p.referral ?? null, source: "webhook" });
          if (p.referral?.ref) result.signals.push(signal("referral", row, contact.id, { ref: p.referral.ref }));
          break;
        }
        case "referral": {
          await insertMessage(tx, { ...base, mid: null, direction: "inbound", kind: "referral", referral: event.referral ?? null, source: "webhook" });
          if (event.referral?.ref) result.signals.push(signal("referral", row, contact.id, { ref: event.referral.ref }));
          break;
        }
        case "optin": {
          const o = event.optin!;
          await insertMessage(tx, { ...base, mid: null, direction: "inbound", kind: "optin", text: null, postback: { type: o.type, payload: o.payload }, source: "webhook" });
          result.signals.push(signal("optin", row, contact.id, { optinType: o.type, optinPayload: o.payload }));
          break;
        }
        case "reaction": {
          await insertMessage(tx, { ...base, mid: null, direction: "inbound", kind: "reaction", reaction: event.reaction ?? null, source: "webhook" });
          break;
        }
        case "delivery":
          await tx
            .update(conversations)
            .set({ deliveredWatermark: sql`greatest(coalesce(${conversations.deliveredWatermark}, 0), ${event.delivery?.watermark ?? 0})` })
            .where(eq(conversations.id, conversationId));
          break;
        case "read":
          await tx
            .update(conversations)
            .set({ readWatermark: sql`greatest(coalesce(${conversations.readWatermark}, 0), ${event.read?.watermark ?? 0})` })
            .where(eq(conversations.id, conversationId));
          break;
      }
      // Any message, postback, referral or opt-in from the user (re)opens the 24 h window.
      if (inbound && kind !== "reaction") {
        await tx
          .update(contacts)
          .set({ lastInboundAt: sql`greatest(coalesce(${contacts.lastInboundAt}, to_timestamp(0)), ${at.toISOString()}::timestamptz)` })
          .where(eq(contacts.id, contact.id));
      }
      await markProcessed(tx, row.id);
      result.processed++;
    }
    result.contactsNeedingProfile = [...needing];
    return result;
  });
}

function signal(kind: ProcessedSignal["kind"], row: typeof webhookEvents.$inferSelect, contactId: string, extra: Partial<ProcessedSignal>): ProcessedSignal {
  return { kind, orgId: row.orgId, channelId: row.channelId, contactId, psid: row.senderId, webhookEventId: row.id, timestamp: row.timestamp, ...extra };
}

async function markProcessed(tx: Tx, id: string) {
  await tx.update(webhookEvents).set({ status: "processed", processedAt: new Date() }).where(eq(webhookEvents.id, id));
}

async function upsertThread(tx: Tx, orgId: string, channelId: string, psid: string) {
  const [contact] = await tx
    .insert(contacts)
    .values({ orgId, channelId, psid })
    .onConflictDoUpdate({ target: [contacts.channelId, contacts.psid], set: { updatedAt: sql`${contacts.updatedAt}` } })
    .returning();
  const [conversation] = await tx
    .insert(conversations)
    .values({ orgId, channelId, contactId: contact.id })
    .onConflictDoUpdate({ target: conversations.contactId, set: { updatedAt: sql`${conversations.updatedAt}` } })
    .returning({ id: conversations.id });
  return { contact, conversationId: conversation.id };
}

type NewMessage = typeof messages.$inferInsert;

/** Inserts a message once (by mid) and moves the conversation's "last message" forward in event time. */
export async function insertMessage(tx: Tx, message: NewMessage): Promise<boolean> {
  const inserted = await tx.insert(messages).values(message).onConflictDoNothing().returning({ id: messages.id });
  if (inserted.length === 0) return false;
  const at = new Date(message.timestamp);
  const preview = (message.text ?? (message.kind === "attachments" ? "[attachment]" : `[${message.kind}]`)).slice(0, 140);
  await tx
    .update(conversations)
    .set({ lastMessageAt: at, lastMessagePreview: preview })
    .where(and(eq(conversations.id, message.conversationId), sql`(${conversations.lastMessageAt} is null or ${conversations.lastMessageAt} <= ${at.toISOString()}::timestamptz)`));
  return true;
}
