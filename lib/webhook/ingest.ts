import { sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { insertFromJson, rowsOf } from "@/db/json-insert";
import { captureOneTimeNotifTokens, oneTimeNotifOptinOf, type OneTimeNotifOptin } from "@/lib/campaigns/subscription/capture-tokens";
import { channelErrors, webhookEvents } from "@/db/schema";
import { getChannelRouting, getChannelRoutings } from "./channel-routing";
import { contactPsid, dedupeKey, eventKind, storablePayload, type MessagingEvent } from "./events";
import { signatureMatches } from "./signature";
import { logError } from "@/lib/log-error";

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
 * Receives one webhook POST for the Page in the callback URL. Verifies the signature over the raw bytes
 * with that channel's app secret, keeps only entries of Pages connected with the same app (the signature
 * proves the app, not the tenant), and stores every messaging event in one batched insert that skips
 * redeliveries. Answers 200 only once everything is stored; a database failure answers 503 so Meta retries.
 */
export async function ingestWebhook(input: { pageId: string; rawBody: Uint8Array; signature: string | null }): Promise<IngestResult> {
  let routing;
  try {
    routing = await getChannelRouting(input.pageId);
  } catch (error) {
    logError("webhook: channel lookup failed", error);
    return reply(503, "Temporarily unavailable");
  }
  if (!routing) return reply(404, "Unknown Page");

  if (!signatureMatches(input.rawBody, input.signature, routing.appSecret)) {
    await recordChannelError(routing.orgId, routing.channelId, "signature", input.signature ? "X-Hub-Signature-256 does not match the app secret" : "X-Hub-Signature-256 header missing");
    return reply(401, "Invalid signature");
  }

  let body: { object?: unknown; entry?: unknown };
  try {
    body = JSON.parse(Buffer.from(input.rawBody).toString("utf8"));
  } catch {
    await recordChannelError(routing.orgId, routing.channelId, "unparseable", "Body is not valid JSON");
    return reply(400, "Body is not valid JSON");
  }
  if (body?.object !== "page" || !Array.isArray(body.entry)) {
    await recordChannelError(routing.orgId, routing.channelId, "unparseable", `Unexpected object ${JSON.stringify(body?.object ?? null).slice(0, 40)}`);
    return reply(400, 'Expected object "page" with entries');
  }

  // The app secret that verified the signature decides which Pages this POST may speak for.
  const entries = body.entry as { id?: unknown; messaging?: unknown }[];
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
  for (const entry of entries) {
    const pageId = String(entry?.id ?? "");
    const target = routings.get(pageId);
    if (!target || target.appSecret !== routing.appSecret || target.appId !== routing.appId) {
      console.warn(`webhook: dropped an entry for Page ${pageId.slice(0, 25)} that is not connected with the signing app`);
      continue;
    }
    if (!target.active) continue;
    for (const event of Array.isArray(entry.messaging) ? (entry.messaging as MessagingEvent[]) : []) {
      const kind = eventKind(event);
      const optin = kind === "optin" ? oneTimeNotifOptinOf(event, { orgId: target.orgId, channelId: target.channelId }) : null;
      if (optin) optins.push(optin);
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
  }
  if (rows.length === 0) return reply(200, "EVENT_RECEIVED");

  try {
    const db = await getDb();
    const stored = rowsOf<{ id: string; org_id: string; channel_id: string; kind: string }>(
      await db.execute(sql`${insertFromJson(webhookEvents, rows)} on conflict (channel_id, dedupe_key) do nothing returning id, org_id, channel_id, kind`),
    ).map((row) => ({ id: row.id, orgId: row.org_id, channelId: row.channel_id, kind: row.kind }));
    // Every opt-in of the body, redeliveries included (idempotent by token hash): a token must be in the
    // send ledger before Meta hears 200, and a failure here answers 503 so Meta delivers it again.
    if (optins.length > 0) await captureOneTimeNotifTokens(optins);
    return reply(200, "EVENT_RECEIVED", stored);
  } catch (error) {
    logError("webhook: storing events failed", error);
    return reply(503, "Temporarily unavailable");
  }
}

/** Records a problem for the health panel. Never throws: a failing error log must not change the answer to Meta. */
export async function recordChannelError(
  orgId: string,
  channelId: string,
  kind: (typeof channelErrors.$inferInsert)["kind"],
  reason: string,
  graphCode?: number,
): Promise<void> {
  try {
    const db = await getDb();
    await db.insert(channelErrors).values({ orgId, channelId, kind, reason: reason.slice(0, 500), graphCode });
  } catch (error) {
    logError("webhook: could not record a channel error", error);
  }
}

