import { and, asc, eq, inArray, sql, type SQL } from "drizzle-orm";
import { getDb, type Tx } from "@/db/client";
import { insertFromJson, rowsOf } from "@/db/json-insert";
import { channels, contacts, conversationActivities, conversations, messages, webhookEvents } from "@/db/schema";
import { eventKind, handoverOf, notificationMessagesChangeKind, type EventKind, type MessagingEvent } from "@/lib/graph/webhook-events";
import { publishRealtime } from "@/lib/realtime";
import { openOnInbound, routeConversations, toRealtimeEvents, type DeskEvent, type RouteOutcome } from "@/lib/services/routing";
import { UNKNOWN_APP_OWNER } from "@/lib/services/conversations";
import { claimForBot, type BotTurn } from "@/lib/services/bot";
import { takeSurveyAnswers } from "@/lib/services/csat";
import { previewOf } from "./preview";

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

export interface ProcessResult {
  /** Events taken up (including kinds that only get marked processed). */
  fetched: number;
  processed: number;
  /** Contacts whose Messenger profile has never been fetched (or is stale). */
  contactsNeedingProfile: string[];
  signals: ProcessedSignal[];
  /**
   * Where the desk routed the conversations this batch opened (new, or reopened by a message from the person):
   * assigned, or queued with the reply the skill group's settings ask for (sending it is the caller's).
   */
  routing: RouteOutcome[];
  /** The desk's changes (opened, reopened, assigned...), for the live-event bus once committed. */
  events: DeskEvent[];
  /** What the person wrote to conversations the bot holds (not queued): the bot answers them after the commit (runBotTurns). */
  bot: BotTurn[];
  /** Conversations whose satisfaction survey was answered: its stored prompt or thanks is sent after the commit (sendSurveyReplies). */
  csat: string[];
}

const PROFILE_MAX_AGE_MS = 7 * 86_400_000;

type NewMessage = typeof messages.$inferInsert;
/** What processing needs of a contact. */
type Contact = { id: string; psid: string; profileFetchedAt: Date | null };

/**
 * Turns stored webhook events into contacts, conversations and messages, in event-time order: the events
 * named by id, or (without ids) the channel's oldest `limit` events still waiting.
 * Idempotent: events already processed are skipped, messages are unique by mid, watermarks only move forward.
 *
 * Set-based: a batch costs a fixed handful of statements (contacts, conversations, messages, the
 * conversations' last message, the 24 h window, watermarks, status), not several per event, so processing
 * keeps up with ingestion (it had managed 210 events/s at six statements per event).
 */
export async function processStoredWebhookEvents(scope: { orgId: string; channelId: string }, eventIds?: string[], limit = 500): Promise<ProcessResult> {
  const db = await getDb();
  const stored = await db.transaction(async (tx) => {
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
    const result: ProcessResult = { fetched: events.length, processed: 0, contactsNeedingProfile: [], signals: [], routing: [], events: [], bot: [], csat: [] };
    if (events.length === 0) return { result, toRoute: [] as string[] };

    // Echoes carry the id of the app that sent them: ours (the channel's app) or another (the Page inbox, a tool).
    const channel = await channelOf(tx, scope.channelId);
    const appId = channel?.appId ?? null;
    const threads = await findOrCreateThreads(tx, { ...scope, skillGroupId: channel?.skillGroupId ?? null }, events.filter((row) => row.kind !== "other" && row.senderId).map((row) => row.senderId));
    // Conversations the person wrote to (a message or a tapped button; not echoes, receipts, reactions or opt-ins).
    const written = new Set<string>();
    const botInbound: BotTurn[] = [];
    const needing = new Set<string>();
    const newMessages: NewMessage[] = [];
    const lastInbound = new Map<string, number>();
    const watermarks = new Map<string, { delivered: number | null; read: number | null }>();
    const echoedReplies: { id: string; mid: string; conversationId: string }[] = [];
    // Conversation Routing: owners from messaging_handovers (in event order), and from standby (another app has it).
    const handovers: { conversationId: string; owner: string | null; at: number; memo: string; changesOwner: boolean }[] = [];
    const standbyOwners = new Map<string, { owner: string; at: number }>();
    for (const row of events) {
      const event = row.payload as MessagingEvent;
      let kind = row.kind as EventKind;
      // A standby event is the event itself, of a thread another app controls: stored as seen in standby.
      const standby = kind === "standby";
      if (standby) kind = eventKind(event);
      const thread = kind === "other" || !row.senderId ? undefined : threads.get(row.senderId);
      if (!thread) continue;
      const { contact, conversationId } = thread;
      if (!contact.profileFetchedAt || Date.now() - contact.profileFetchedAt.getTime() > PROFILE_MAX_AGE_MS) needing.add(contact.id);
      const base = { orgId: row.orgId, channelId: row.channelId, conversationId, timestamp: row.timestamp };
      const inbound = kind === "message" || kind === "postback" || kind === "referral" || kind === "optin" || kind === "reaction";

      switch (kind) {
        case "message": {
          const m = event.message as { mid?: string; text?: string; attachments?: unknown; quick_reply?: { payload?: string } };
          newMessages.push({ ...base, mid: m.mid ?? null, direction: "inbound", kind: m.attachments ? "attachments" : "text", text: m.text ?? null, attachments: m.attachments ?? null, quickReplyPayload: m.quick_reply?.payload ?? null, source: standby ? "standby" : "webhook" });
          if (standby) standbyOwners.set(conversationId, { owner: standbyOwners.get(conversationId)?.owner ?? UNKNOWN_APP_OWNER, at: row.timestamp });
          break;
        }
        case "echo": {
          const m = event.message as { mid?: string; text?: string; attachments?: unknown; app_id?: number | string; metadata?: string };
          // Meta sends app_id as a number; ids are compared as the strings the channel stores.
          const ours = appId !== null && m.app_id !== undefined && String(m.app_id) === appId;
          // The controlling app's own message, seen in standby: it names the app that has the thread.
          if (standby && !ours && m.app_id !== undefined) standbyOwners.set(conversationId, { owner: String(m.app_id), at: row.timestamp });
          // A reply sent from the dashboard is already stored: its echo only confirms it (and gives its mid).
          const replyId = ours && m.mid ? replyIdOf(m.metadata) : null;
          if (replyId) {
            echoedReplies.push({ id: replyId, mid: m.mid!, conversationId });
            break;
          }
          newMessages.push({ ...base, mid: m.mid ?? null, direction: "outbound", kind: m.attachments ? "attachments" : "text", text: m.text ?? null, attachments: m.attachments ?? null, source: ours ? "app" : "echo" });
          break;
        }
        case "postback": {
          const p = event.postback!;
          newMessages.push({ ...base, mid: p.mid ?? null, direction: "inbound", kind: "postback", text: p.title ?? null, postback: { title: p.title, payload: p.payload }, referral: p.referral ?? null, source: standby ? "standby" : "webhook" });
          if (standby) {
            standbyOwners.set(conversationId, { owner: standbyOwners.get(conversationId)?.owner ?? UNKNOWN_APP_OWNER, at: row.timestamp });
            break;
          }
          if (p.referral?.ref) result.signals.push(signal("referral", row, contact.id, { ref: p.referral.ref }));
          break;
        }
        case "referral": {
          newMessages.push({ ...base, mid: null, direction: "inbound", kind: "referral", referral: event.referral ?? null, source: "webhook" });
          // Seen in standby, a referral or opt-in is the controlling app's to act on, not the campaigns'.
          if (event.referral?.ref && !standby) result.signals.push(signal("referral", row, contact.id, { ref: event.referral.ref }));
          break;
        }
        case "optin": {
          const o = event.optin!;
          // A recurring-notification event says which change it was (opt-in, stop, resume, refresh) and its topic.
          const recurring = o.type === "notification_messages" ? { change: notificationMessagesChangeKind(o), title: o.title ?? null } : {};
          newMessages.push({ ...base, mid: null, direction: "inbound", kind: "optin", text: null, postback: { type: o.type, payload: o.payload, ...recurring }, source: "webhook" });
          if (!standby) result.signals.push(signal("optin", row, contact.id, { optinType: o.type, optinPayload: o.payload }));
          break;
        }
        case "reaction": {
          newMessages.push({ ...base, mid: null, direction: "inbound", kind: "reaction", reaction: event.reaction ?? null, source: "webhook" });
          break;
        }
        case "handover": {
          const handover = handoverOf(event);
          if (!handover) break;
          // Our own app is the channel's: as owner it is null (the composer unlocks).
          const owner = handover.newOwnerAppId === null || handover.newOwnerAppId === appId ? null : handover.newOwnerAppId;
          const changesOwner = handover.type !== "request";
          handovers.push({ conversationId, owner, at: row.timestamp, changesOwner, memo: changesOwner ? (owner ?? appId ?? "") : `request:${handover.newOwnerAppId ?? ""}` });
          break;
        }
        case "delivery":
        case "read": {
          const mark = watermarks.get(conversationId) ?? { delivered: null, read: null };
          const watermark = Number((kind === "delivery" ? event.delivery?.watermark : event.read?.watermark) ?? 0);
          if (kind === "delivery") mark.delivered = Math.max(mark.delivered ?? 0, watermark);
          else mark.read = Math.max(mark.read ?? 0, watermark);
          watermarks.set(conversationId, mark);
          break;
        }
      }
      // What the person writes while another app has the thread is that app's to answer: not routed here.
      if ((kind === "message" || kind === "postback") && !standby) {
        written.add(conversationId);
        const m = kind === "message" ? (event.message as { mid?: string; text?: string; quick_reply?: { payload?: string } }) : null;
        const p = kind === "postback" ? event.postback! : null;
        botInbound.push({ conversationId, key: (m ? m.mid : p?.mid) ?? row.id, text: m ? (m.text ?? null) : (p?.title ?? null), quickReplyPayload: m?.quick_reply?.payload ?? null, postbackPayload: p?.payload ?? null, timestamp: row.timestamp });
      }
      // Any message, postback, referral or One-Time Notification opt-in from the user (re)opens the 24 h window;
      // recurring-notification opt-ins, stops and resumes do not (platform-facts).
      const recurringOptin = kind === "optin" && event.optin?.type === "notification_messages";
      if (inbound && kind !== "reaction" && !recurringOptin) lastInbound.set(contact.id, Math.max(lastInbound.get(contact.id) ?? 0, row.timestamp));
      result.processed++;
    }

    const confirmed = await confirmEchoedReplies(tx, scope.channelId, echoedReplies);
    // An echo whose reply is not stored here (deleted since) is kept like any other echo of ours.
    for (const echo of echoedReplies) {
      if (confirmed.has(echo.id)) continue;
      const row = events.find((e) => (e.payload as MessagingEvent).message?.mid === echo.mid)!;
      const m = (row.payload as MessagingEvent).message as { text?: string; attachments?: unknown };
      newMessages.push({ orgId: row.orgId, channelId: row.channelId, conversationId: echo.conversationId, timestamp: row.timestamp, mid: echo.mid, direction: "outbound", kind: m.attachments ? "attachments" : "text", text: m.text ?? null, attachments: m.attachments ?? null, source: "app" });
    }
    // The messages are inserted here, but the conversations they move forward are written last (below): from
    // their first update to the commit this transaction holds those rows, and an agent's reply to one of them
    // waits for it.
    const inserted = await insertMessageRows(tx, newMessages);
    if (lastInbound.size > 0) {
      const values = JSON.stringify([...lastInbound].map(([id, at]) => ({ id, at: new Date(at).toISOString() })));
      await tx.execute(sql`
        update contacts c set last_inbound_at = v.at
          from json_to_recordset(${values}::json) as v(id uuid, at timestamptz)
         where c.id = v.id and (c.last_inbound_at is null or c.last_inbound_at < v.at)`);
    }
    const ownerChanged = await recordThreadOwners(tx, scope.orgId, handovers, standbyOwners);
    await tx.update(webhookEvents).set({ status: "processed", processedAt: new Date() }).where(inArray(webhookEvents.id, events.map((row) => row.id)));
    result.contactsNeedingProfile = [...needing];
    // Answers to a satisfaction survey are recorded, not opened nor given to the bot: the rest goes on.
    const survey = await takeSurveyAnswers(tx, scope, botInbound);
    result.csat = survey.replies;
    const unanswered = botInbound.filter((turn) => !survey.answered.has(turn.key));
    const stillWritten = new Set(unanswered.map((turn) => turn.conversationId));
    // Conversations the bot holds are answered by it, not queued; the others (new, or resolved ones the person
    // wrote to again) enter their skill group's queue.
    const bot = await claimForBot(tx, scope, unanswered);
    result.bot = bot.turns;
    // Last, the conversations themselves (their rows stay locked until the commit): last message, first
    // response, delivery and read watermarks, and (re)opening.
    const touched = await advanceConversations(tx, inserted);
    if (watermarks.size > 0) {
      const values = JSON.stringify([...watermarks].map(([id, mark]) => ({ id, ...mark })));
      await tx.execute(sql`
        update conversations c
           set delivered_watermark = case when v.delivered is null then c.delivered_watermark else greatest(coalesce(c.delivered_watermark, 0), v.delivered) end,
               read_watermark = case when v.read is null then c.read_watermark else greatest(coalesce(c.read_watermark, 0), v.read) end
          from json_to_recordset(${values}::json) as v(id uuid, delivered bigint, read bigint)
         where c.id = v.id`);
    }
    const opened = await openOnInbound(tx, scope.orgId, [...written].filter((id) => stillWritten.has(id) && !bot.taken.has(id)));
    result.events.push(...opened.events);
    // Open dashboards hear of it once this transaction commits: one event per conversation, not per message.
    const at = Date.now();
    await publishRealtime(tx, [
      ...[...touched].map((conversationId) => ({ type: "message.created" as const, orgId: scope.orgId, channelId: scope.channelId, conversationId, at })),
      ...[...new Set([...watermarks.keys(), ...echoedReplies.filter((e) => confirmed.has(e.id)).map((e) => e.conversationId)])].map((conversationId) => ({ type: "message.status" as const, orgId: scope.orgId, channelId: scope.channelId, conversationId, at })),
      ...[...ownerChanged].map((conversationId) => ({ type: "conversation.updated" as const, orgId: scope.orgId, channelId: scope.channelId, conversationId, at })),
    ]);
    return { result, toRoute: opened.toRoute };
  });
  // After the commit: routing takes the skill groups' locks, which the batch's transaction must not hold.
  const { result, toRoute } = stored;
  if (toRoute.length > 0) {
    const routed = await routeConversations({ orgId: scope.orgId, conversationIds: toRoute });
    result.routing = routed.outcomes;
    result.events.push(...routed.events);
  }
  // Opened, reopened and assigned conversations: committed by now, so announced outside a transaction.
  if (result.events.length > 0) await publishRealtime(db, toRealtimeEvents(result.events));
  return result;
}

/**
 * Conversation Routing: sets each conversation's thread owner from messaging_handovers (pass, take; a request
 * changes nothing but is recorded), each with a thread_control activity, and from standby events (another
 * app has the thread; its echoes name it) where our record still says we do. An event older than the
 * owner's last change (Meta does not keep order) changes nothing. Returns the conversations that changed.
 */
async function recordThreadOwners(
  tx: Tx,
  orgId: string,
  handovers: { conversationId: string; owner: string | null; at: number; memo: string; changesOwner: boolean }[],
  standbyOwners: Map<string, { owner: string; at: number }>,
): Promise<Set<string>> {
  const changed = new Set<string>();
  for (const h of handovers) {
    if (h.changesOwner) {
      const updated = await tx
        .update(conversations)
        .set({ threadOwnerAppId: h.owner, threadOwnerChangedAt: new Date(h.at) })
        .where(and(eq(conversations.id, h.conversationId), sql`(${conversations.threadOwnerChangedAt} is null or ${conversations.threadOwnerChangedAt} <= ${new Date(h.at).toISOString()}::timestamptz)`))
        .returning({ id: conversations.id });
      if (updated.length === 0) continue;
    }
    await tx.insert(conversationActivities).values({ orgId, conversationId: h.conversationId, kind: "thread_control", actorType: "system", memo: h.memo, createdAt: new Date(h.at) });
    changed.add(h.conversationId);
  }
  for (const [conversationId, { owner, at }] of standbyOwners) {
    const updated = await tx
      .update(conversations)
      .set({ threadOwnerAppId: owner, threadOwnerChangedAt: new Date(at) })
      .where(
        and(
          eq(conversations.id, conversationId),
          sql`(${conversations.threadOwnerAppId} is null or ${conversations.threadOwnerAppId} = ${UNKNOWN_APP_OWNER})`,
          sql`(${conversations.threadOwnerChangedAt} is null or ${conversations.threadOwnerChangedAt} < ${new Date(at).toISOString()}::timestamptz)`,
        ),
      )
      .returning({ id: conversations.id });
    if (updated.length > 0) changed.add(conversationId);
  }
  return changed;
}

const REPLY_METADATA = /^md:([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/;

/** The stored reply an echo of ours confirms, from the metadata sendReply put on it. */
function replyIdOf(metadata: unknown): string | null {
  return typeof metadata === "string" ? (REPLY_METADATA.exec(metadata)?.[1] ?? null) : null;
}

/**
 * Marks replies as sent with Meta's mid, from their echoes (the bot's replies hold a provisional "bot:" mid until then): the echo proves Meta sent it, even when our own
 * call timed out and recorded a failure. Returns the ids matched in this channel.
 */
async function confirmEchoedReplies(tx: Tx, channelId: string, echoes: { id: string; mid: string }[]): Promise<Set<string>> {
  if (echoes.length === 0) return new Set();
  const values = JSON.stringify(echoes.map((e) => ({ id: e.id, mid: e.mid })));
  const rows = rowsOf<{ id: string }>(
    await tx.execute(sql`
      update messages m set mid = v.mid, send_status = 'sent', failure_code = null, failure_reason = null
        from json_to_recordset(${values}::json) as v(id uuid, mid text)
       where m.id = v.id and m.channel_id = ${channelId}::uuid and m.send_status is not null and (m.mid is null or m.mid = v.mid or m.mid like 'bot:%')
      returning m.id`),
  );
  return new Set(rows.map((r) => r.id));
}

/**
 * The app id the channel was connected with (echoes carrying it are the product's own sends), and the skill
 * group its new conversations go to.
 */
async function channelOf(tx: Tx, channelId: string): Promise<{ appId: string; skillGroupId: string | null } | undefined> {
  const [row] = await tx.select({ appId: channels.appId, skillGroupId: channels.skillGroupId }).from(channels).where(eq(channels.id, channelId));
  return row;
}

function signal(kind: ProcessedSignal["kind"], row: typeof webhookEvents.$inferSelect, contactId: string, extra: Partial<ProcessedSignal>): ProcessedSignal {
  return { kind, orgId: row.orgId, channelId: row.channelId, contactId, psid: row.senderId, webhookEventId: row.id, timestamp: row.timestamp, ...extra };
}

/**
 * The contact and conversation of each PSID, created when new. Insert-or-read rather than an upsert: an
 * upsert writes a new version of every existing row (a batch mostly names known people), which was most of
 * PostgreSQL's share of processing. In one statement the read does not see the rows the insert adds, so the
 * two halves never overlap; a row another transaction adds meanwhile (an opt-in captured by the webhook)
 * is read again afterwards.
 */
async function findOrCreateThreads(tx: Tx, scope: { orgId: string; channelId: string; skillGroupId: string | null }, psids: string[]): Promise<Map<string, { contact: Contact; conversationId: string }>> {
  const threads = new Map<string, { contact: Contact; conversationId: string }>();
  // Sorted and distinct: a fixed order keeps row locks deadlock-free.
  const distinct = [...new Set(psids)].sort();
  if (distinct.length === 0) return threads;
  const psidList = JSON.stringify(distinct);
  const contactRows = await insertOrRead<{ id: string; psid: string; profile_fetched_at: Date | string | null }>(
    tx,
    sql`with wanted as (select value as psid from json_array_elements_text(${psidList}::json)),
      added as (
        ${insertFromJson(contacts, distinct.map((psid) => ({ orgId: scope.orgId, channelId: scope.channelId, psid })))}
        on conflict (channel_id, psid) do nothing
        returning id, psid, profile_fetched_at
      )
      select * from added
      union all
      select c.id, c.psid, c.profile_fetched_at from contacts c join wanted w on w.psid = c.psid where c.channel_id = ${scope.channelId}::uuid`,
    sql`select c.id, c.psid, c.profile_fetched_at from contacts c join json_array_elements_text(${psidList}::json) w on w.value = c.psid where c.channel_id = ${scope.channelId}::uuid`,
    distinct.length,
  );
  const found = contactRows.map((row) => ({ id: row.id, psid: row.psid, profileFetchedAt: row.profile_fetched_at === null ? null : new Date(row.profile_fetched_at) }));
  const contactIds = found.map((contact) => contact.id).sort();
  const idList = JSON.stringify(contactIds);
  const conversationRows = await insertOrRead<{ id: string; contact_id: string }>(
    tx,
    sql`with added as (
        ${insertFromJson(conversations, contactIds.map((contactId) => ({ orgId: scope.orgId, channelId: scope.channelId, contactId, skillGroupId: scope.skillGroupId })))}
        on conflict (contact_id) do nothing
        returning id, contact_id
      )
      select * from added
      union all
      select id, contact_id from conversations where contact_id in (select value::uuid from json_array_elements_text(${idList}::json))`,
    sql`select id, contact_id from conversations where contact_id in (select value::uuid from json_array_elements_text(${idList}::json))`,
    contactIds.length,
  );
  const conversationOf = new Map(conversationRows.map((c) => [c.contact_id, c.id]));
  for (const contact of found) threads.set(contact.psid, { contact, conversationId: conversationOf.get(contact.id)! });
  return threads;
}

/** Runs an insert-or-read statement; when a concurrent insert hid some rows from it, reads them all again. */
async function insertOrRead<T>(tx: Tx, statement: SQL, reread: SQL, expected: number): Promise<T[]> {
  const rows = rowsOf<T>(await tx.execute(statement));
  return rows.length >= expected ? rows : rowsOf<T>(await tx.execute(reread));
}

type InsertedMessage = { id: string; conversationId: string; timestamp: number; kind: string; text: string | null; attachments: unknown; outbound: boolean };

/**
 * Inserts messages once each (by mid; a redelivered mid inserts nothing) and moves each conversation's
 * "last message" forward in event time. Returns the ids inserted and the conversations they went to.
 */
export async function insertMessages(tx: Tx, list: NewMessage[]): Promise<{ ids: string[]; conversationIds: Set<string> }> {
  const inserted = await insertMessageRows(tx, list);
  return { ids: inserted.map((m) => m.id), conversationIds: await advanceConversations(tx, inserted) };
}

/** Inserts messages once each (by mid); returns those inserted. Their conversations are advanceConversations's. */
async function insertMessageRows(tx: Tx, list: NewMessage[]): Promise<InsertedMessage[]> {
  if (list.length === 0) return [];
  return rowsOf<{ id: string; conversation_id: string; timestamp: number | string; kind: string; text: string | null; attachments: unknown; direction: string }>(
    await tx.execute(sql`${insertFromJson(messages, list)} on conflict do nothing returning id, conversation_id, timestamp, kind, text, attachments, direction`),
  ).map((m) => ({ id: m.id, conversationId: m.conversation_id, timestamp: Number(m.timestamp), kind: m.kind, text: m.text, attachments: m.attachments, outbound: m.direction === "outbound" }));
}

/**
 * Moves each conversation's "last message" forward in event time to the newest of the inserted messages,
 * and sets the desk's first response where one of them is the Page's first reply since the conversation
 * last (re)opened. Returns the conversations the messages went to.
 */
async function advanceConversations(tx: Tx, inserted: InsertedMessage[]): Promise<Set<string>> {
  const latest = new Map<string, InsertedMessage>();
  for (const m of inserted) {
    const current = latest.get(m.conversationId);
    if (!current || m.timestamp >= current.timestamp) latest.set(m.conversationId, m);
  }
  if (latest.size > 0) {
    const values = JSON.stringify(
      [...latest.values()].map((m) => {
        const preview = previewOf(m);
        return { id: m.conversationId, at: new Date(m.timestamp).toISOString(), preview: preview.text?.slice(0, 140) ?? null, kind: preview.kind };
      }),
    );
    await tx.execute(sql`
      update conversations c set last_message_at = v.at, last_message_preview = v.preview, last_message_kind = v.kind
        from json_to_recordset(${values}::json) as v(id uuid, at timestamptz, preview text, kind text)
       where c.id = v.id and (c.last_message_at is null or c.last_message_at <= v.at)`);
  }
  const firstReplies = new Map<string, number>();
  for (const m of inserted) if (m.outbound) firstReplies.set(m.conversationId, Math.min(firstReplies.get(m.conversationId) ?? Infinity, m.timestamp));
  if (firstReplies.size > 0) {
    // The desk's first response: the Page's first reply since the conversation last (re)opened.
    const values = JSON.stringify([...firstReplies].map(([id, at]) => ({ id, at: new Date(at).toISOString() })));
    await tx.execute(sql`
      update conversations c set first_response_at = v.at
        from json_to_recordset(${values}::json) as v(id uuid, at timestamptz)
       where c.id = v.id and c.status <> 'resolved' and c.first_response_at is null`);
  }
  return new Set(latest.keys());
}

/** Inserts one message once (by mid) and moves its conversation's "last message" forward in event time. */
export async function insertMessage(tx: Tx, message: NewMessage): Promise<boolean> {
  return (await insertMessages(tx, [message])).ids.length > 0;
}
