import { sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { insertFromJson, rowsOf } from "@/db/json-insert";
import { captureOneTimeNotifTokens, oneTimeNotifOptinOf, type OneTimeNotifOptin } from "@/lib/services/campaigns";
import { webhookEvents } from "@/db/schema";
import { countChannelError } from "@/lib/services/channel-health";
import { captureRecurringChanges, recurringChangeOf, type RecurringChange } from "@/lib/services/permissions";
import { getChannelRouting, getChannelRoutings, isPageId, type ChannelRouting } from "@/lib/services/channels";
import { platformApp } from "@/lib/meta/platform-app";
import { contactPsid, dedupeKey, eventKind, standbyDedupeKey, storablePayload, type MessagingEvent } from "@/lib/graph/webhook-events";
import { malformedEventReason } from "./malformed-event";
import { signatureMatches } from "./signature";
import { logError } from "@/lib/log-error";
import { componentLogger } from "@/lib/observability/logger";
import { metrics } from "@/lib/observability/metrics";

const log = componentLogger("webhook");

export interface StoredEvent {
  id: string;
  orgId: string;
  channelId: string;
  kind: string;
}

export interface IngestResult {
  status: number;
  body: string;
  /** Events stored by this request (redeliveries excluded), to hand to processing. */
  stored: StoredEvent[];
}

const reply = (status: number, body: string, stored: StoredEvent[] = []): IngestResult => ({ status, body, stored });

/**
 * The app a POST claims to come from, and what follows from it: the secret that must have signed the body,
 * which Pages' entries the body may carry, and the channel a failure is counted against (none on the
 * app-level URL: a POST there names no Page, so nothing can be attributed before the signature proves Meta).
 */
interface Signer {
  appId: string;
  appSecret: string | null;
  /** The channel of the per-Page URL; null on the platform app's app-level URL. */
  channel: { orgId: string; channelId: string } | null;
  /** Whether an entry for this connected Page may be stored from a body this app signed. */
  accepts(target: ChannelRouting): boolean;
  /** Words for the log when an entry is dropped. */
  refusal: string;
}

/**
 * Receives one webhook POST at the per-Page URL `/facebook/webhook/{pageId}`: verified with that channel's app
 * secret (the organisation's own app, or the platform app for a Facebook Login channel), and keeps only entries
 * of Pages connected with the same app (the signature proves the app, not the tenant).
 */
export async function ingestWebhook(input: { pageId: string; rawBody: Uint8Array; signature: string | null }): Promise<IngestResult> {
  if (!isPageId(input.pageId)) return reply(404, "Unknown Page");
  let routing;
  try {
    routing = await getChannelRouting(input.pageId);
  } catch (error) {
    logError("webhook: channel lookup failed", error);
    return reply(503, "Temporarily unavailable");
  }
  if (!routing) return reply(404, "Unknown Page");
  const { appId, appSecret } = routing;
  return ingestSigned(
    {
      appId,
      appSecret,
      channel: { orgId: routing.orgId, channelId: routing.channelId },
      accepts: (target) => target.appSecret === appSecret && target.appId === appId,
      refusal: "that is not connected with the signing app",
    },
    input,
  );
}

/**
 * Receives one webhook POST at the platform app's app-level URL `/facebook/webhook` (every Page connected
 * through Facebook Login): verified with the platform app's secret, and keeps only entries of Pages whose
 * channel was connected through Facebook Login with that app. A Page connected by hand, even with the same
 * app id, answers only at its own URL. Without a configured platform app the URL does not exist (404).
 */
export async function ingestPlatformWebhook(input: { rawBody: Uint8Array; signature: string | null }): Promise<IngestResult> {
  const app = platformApp();
  if (!app) return reply(404, "Not found");
  return ingestSigned(
    {
      appId: app.appId,
      appSecret: app.appSecret,
      channel: null,
      accepts: (target) => target.connection === "facebook_login" && target.appId === app.appId,
      refusal: "that is not connected through Facebook Login with the platform app",
    },
    input,
  );
}

/**
 * The part both URLs share, once the signer is known. Verifies the signature over the raw bytes, routes each
 * entry to its Page's channel, and stores every messaging event in one batched insert that skips
 * redeliveries. Answers 200 only once everything is stored; a database failure answers 503 so Meta retries.
 * A malformed event in a signed batch is dropped and counted, never a 503: Meta would redeliver it for an
 * hour and then unsubscribe the app. A body that is not Meta's shape at all answers 400.
 */
async function ingestSigned(signer: Signer, input: { rawBody: Uint8Array; signature: string | null }): Promise<IngestResult> {
  // Problems of the request as a whole: counted for the per-Page URL's channel; on the app-level URL there is
  // no channel to count them for (and before the signature, no proof they came from Meta at all).
  const countForChannel = async (kind: "signature" | "unparseable", reason: string) => {
    if (signer.channel) await countChannelError(signer.channel.orgId, signer.channel.channelId, kind, reason);
    else log.warn("app-level callback refused a delivery", { reason });
  };

  if (!signatureMatches(input.rawBody, input.signature, signer.appSecret)) {
    // Anyone can POST here, so a failure adds to this minute's count instead of writing a row of its own.
    await countForChannel("signature", input.signature ? "X-Hub-Signature-256 does not match the app secret" : "X-Hub-Signature-256 header missing");
    return reply(401, "Invalid signature");
  }

  let body: { object?: unknown; entry?: unknown };
  try {
    body = JSON.parse(Buffer.from(input.rawBody).toString("utf8"));
  } catch {
    await countForChannel("unparseable", "Body is not valid JSON");
    return reply(400, "Body is not valid JSON");
  }
  if (body?.object !== "page" || !Array.isArray(body.entry)) {
    const object = typeof body?.object === "string" ? body.object.slice(0, 40) : typeof body?.object;
    await countForChannel("unparseable", `Unexpected object ${JSON.stringify(object)}`);
    return reply(400, 'Expected object "page" with entries');
  }
  const entries = body.entry as { id?: unknown; messaging?: unknown; standby?: unknown }[];
  if (!entries.every(isEntry)) {
    await countForChannel("unparseable", "Entries are not objects with a Page id and a messaging list");
    return reply(400, "Expected entries with a Page id");
  }

  // The app secret that verified the signature decides which Pages this POST may speak for.
  let routings;
  try {
    routings = await getChannelRoutings(entries.map((e) => String(e?.id ?? "")));
  } catch (error) {
    logError("webhook: channel lookup failed", error);
    return reply(503, "Temporarily unavailable");
  }
  const rows: (typeof webhookEvents.$inferInsert)[] = [];
  // OTN tokens are read here in plain text, before storablePayload seals them, for the campaign ledger.
  const optins: OneTimeNotifOptin[] = [];
  // Likewise recurring-notification opt-ins, stops, resumes and refreshes, for the permissions ledger.
  const recurring: RecurringChange[] = [];
  const dropped = new DroppedEvents();
  for (const entry of entries) {
    const pageId = String(entry?.id ?? "");
    const target = routings.get(pageId);
    if (!target || !signer.accepts(target)) {
      log.warn(`dropped an entry ${signer.refusal}`, { pageId: pageId.slice(0, 25) });
      continue;
    }
    if (!target.active) continue;
    for (const event of Array.isArray(entry.messaging) ? (entry.messaging as MessagingEvent[]) : []) {
      const malformed = malformedEventReason(event);
      if (malformed) {
        dropped.add(target, `Dropped a malformed event: ${malformed}`);
        continue;
      }
      const kind = eventKind(event);
      const optin = kind === "optin" ? oneTimeNotifOptinOf(event, { orgId: target.orgId, channelId: target.channelId }) : null;
      if (optin) optins.push(optin);
      const recurringChange = kind === "optin" ? recurringChangeOf(event, { orgId: target.orgId, channelId: target.channelId }) : null;
      if (recurringChange) recurring.push(recurringChange);
      rows.push({
        orgId: target.orgId,
        channelId: target.channelId,
        dedupeKey: dedupeKey(pageId, event, kind),
        kind,
        senderId: contactPsid(event, kind),
        timestamp: Number(event.timestamp ?? 0),
        payload: storablePayload(event),
      });
    }
    // Conversation Routing: what happens in threads another app controls (the person's messages, that app's
    // echoes) arrives as standby. Stored as such: shown in the conversation, never routed or answered here.
    for (const event of Array.isArray(entry.standby) ? (entry.standby as MessagingEvent[]) : []) {
      const malformed = malformedEventReason(event);
      if (malformed) {
        dropped.add(target, `Dropped a malformed standby event: ${malformed}`);
        continue;
      }
      rows.push({
        orgId: target.orgId,
        channelId: target.channelId,
        dedupeKey: standbyDedupeKey(pageId, event),
        kind: "standby",
        senderId: contactPsid(event, eventKind(event)),
        timestamp: Number(event.timestamp ?? 0),
        payload: storablePayload(event),
      });
    }
  }
  if (rows.length === 0) {
    countEvents({ dropped: dropped.total });
    await dropped.record();
    return reply(200, "EVENT_RECEIVED");
  }

  try {
    const droppedBefore = dropped.total;
    const stored = await storeEvents(rows, dropped);
    const refused = dropped.total - droppedBefore;
    countEvents({ stored: stored.length, redelivered: rows.length - stored.length - refused, dropped: dropped.total });
    await dropped.record();
    // Every opt-in of the body, redeliveries included (idempotent by token hash): a token must be in the
    // send ledger before Meta hears 200, and a failure here answers 503 so Meta delivers it again.
    if (optins.length > 0) await captureOneTimeNotifTokens(optins);
    if (recurring.length > 0) await captureRecurringChanges(recurring);
    return reply(200, "EVENT_RECEIVED", stored);
  } catch (error) {
    logError("webhook: storing events failed", error);
    return reply(503, "Temporarily unavailable");
  }
}

/** messenger_webhook_events_total: what became of the events of one signed delivery. */
function countEvents(counts: { stored?: number; redelivered?: number; dropped?: number }): void {
  for (const [outcome, count] of Object.entries(counts)) if (count) metrics().webhookEvents.inc({ outcome }, count);
}

function isEntry(entry: unknown): entry is { id: string | number; messaging?: unknown; standby?: unknown } {
  if (typeof entry !== "object" || entry === null || Array.isArray(entry)) return false;
  const { id, messaging, standby } = entry as { id?: unknown; messaging?: unknown; standby?: unknown };
  return (typeof id === "string" || typeof id === "number") && (messaging === undefined || Array.isArray(messaging)) && (standby === undefined || Array.isArray(standby));
}

type StoredRow = { id: string; org_id: string; channel_id: string; kind: string };
const toStored = (row: StoredRow): StoredEvent => ({ id: row.id, orgId: row.org_id, channelId: row.channel_id, kind: row.kind });

/**
 * One batched insert that skips redeliveries. Should PostgreSQL still refuse a value (a data exception,
 * SQLSTATE class 22, which the checks above did not foresee), the rows go in one by one and only the refused
 * ones are dropped: an event the database will never take must not hold the others back.
 */
async function storeEvents(rows: (typeof webhookEvents.$inferInsert)[], dropped: DroppedEvents): Promise<StoredEvent[]> {
  const db = await getDb();
  const insert = (batch: typeof rows) => sql`${insertFromJson(webhookEvents, batch)} on conflict (channel_id, dedupe_key) do nothing returning id, org_id, channel_id, kind`;
  try {
    return rowsOf<StoredRow>(await db.execute(insert(rows))).map(toStored);
  } catch (error) {
    if (!isDataException(error)) throw error;
  }
  const stored: StoredEvent[] = [];
  for (const row of rows) {
    try {
      stored.push(...rowsOf<StoredRow>(await db.execute(insert([row]))).map(toStored));
    } catch (error) {
      if (!isDataException(error)) throw error;
      dropped.add({ orgId: row.orgId, channelId: row.channelId }, `Dropped an event the database refused (${sqlState(error)})`);
    }
  }
  return stored;
}

function sqlState(error: unknown): string | undefined {
  for (let e = error as { code?: unknown; cause?: unknown } | undefined; e; e = e.cause as typeof e) {
    if (typeof e.code === "string" && /^[0-9A-Z]{5}$/.test(e.code)) return e.code;
  }
  return undefined;
}

function isDataException(error: unknown): boolean {
  return sqlState(error)?.startsWith("22") ?? false;
}

/** Dropped events of one request, counted per channel and reason and recorded once each. */
class DroppedEvents {
  private readonly counts = new Map<string, { orgId: string; channelId: string; reason: string; times: number }>();

  /** Events dropped so far. */
  total = 0;

  add(channel: { orgId: string; channelId: string }, reason: string): void {
    this.total++;
    const key = `${channel.channelId}\n${reason}`;
    const seen = this.counts.get(key);
    if (seen) seen.times++;
    else this.counts.set(key, { ...channel, reason, times: 1 });
  }

  async record(): Promise<void> {
    for (const { orgId, channelId, reason, times } of this.counts.values()) {
      log.warn(reason, { times, channelId });
      await countChannelError(orgId, channelId, "unparseable", reason, times);
    }
  }
}
