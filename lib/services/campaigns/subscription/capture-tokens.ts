import { and, eq, inArray, isNull, sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { campaigns, contacts, otnTokens } from "@/db/schema";
import { sha256Hex } from "@/lib/crypto/hash";
import { seal } from "@/lib/crypto/secrets";
import type { MessagingEvent } from "@/lib/graph/webhook-events";
import { campaignIdFromPayload } from "../messages";

/** One "Notify Me" tap as the webhook delivered it, token still in plain text (it is sealed here). */
export interface OneTimeNotifOptin {
  orgId: string;
  channelId: string;
  psid: string;
  token: string;
  payload: string | undefined;
  /** Meta's event time (ms). */
  timestamp: number;
}

/** The OTN opt-in carried by a webhook event, if it is one (read before the payload is sealed for storage). */
export function oneTimeNotifOptinOf(event: MessagingEvent, scope: { orgId: string; channelId: string }): OneTimeNotifOptin | null {
  const optin = event.optin;
  if (!optin || optin.type !== "one_time_notif_req" || typeof optin.one_time_notif_token !== "string" || !event.sender?.id) return null;
  return { ...scope, psid: event.sender.id, token: optin.one_time_notif_token, payload: optin.payload, timestamp: Number(event.timestamp ?? Date.now()) };
}

/**
 * Stores the tokens of "Notify Me" taps in the send ledger, called by webhook ingestion before it answers
 * 200 (Meta never shows a token again, and no API lists them). Idempotent: tokens are unique by hash, so
 * a redelivered webhook stores nothing and counts nothing. The contact is created here when processing
 * has not made it yet. Opt-ins for unknown or deleted campaigns are ignored. Throws when the database
 * fails, so the webhook answers 503 and Meta retries.
 */
export async function captureOneTimeNotifTokens(optins: OneTimeNotifOptin[]): Promise<number> {
  const wanted = optins.map((o) => ({ ...o, campaignId: campaignIdFromPayload(o.payload) })).filter((o) => o.campaignId !== null);
  if (wanted.length === 0) return 0;
  const db = await getDb();
  return db.transaction(async (tx) => {
    const known = await tx
      .select({ id: campaigns.id, channelId: campaigns.channelId, orgId: campaigns.orgId })
      .from(campaigns)
      .where(and(inArray(campaigns.id, [...new Set(wanted.map((o) => o.campaignId!))]), isNull(campaigns.deletedAt)));
    // The campaign must belong to the channel the opt-in came through: a payload cannot reach another tenant.
    const valid = wanted.filter((o) => known.some((c) => c.id === o.campaignId && c.channelId === o.channelId && c.orgId === o.orgId));
    if (valid.length === 0) return 0;

    const people = new Map<string, OneTimeNotifOptin>();
    for (const o of valid) people.set(`${o.channelId}:${o.psid}`, o);
    const contactRows = await tx
      .insert(contacts)
      .values([...people.values()].map((o) => ({ orgId: o.orgId, channelId: o.channelId, psid: o.psid })))
      .onConflictDoUpdate({ target: [contacts.channelId, contacts.psid], set: { updatedAt: sql`${contacts.updatedAt}` } })
      .returning({ id: contacts.id, channelId: contacts.channelId, psid: contacts.psid });
    const contactId = new Map(contactRows.map((c) => [`${c.channelId}:${c.psid}`, c.id]));

    const inserted = await tx
      .insert(otnTokens)
      .values(
        valid.map((o) => ({
          orgId: o.orgId,
          campaignId: o.campaignId!,
          channelId: o.channelId,
          contactId: contactId.get(`${o.channelId}:${o.psid}`) ?? null,
          psid: o.psid,
          tokenSealed: seal(o.token),
          tokenHash: sha256Hex(o.token),
          optedInAt: new Date(o.timestamp),
        })),
      )
      .onConflictDoNothing({ target: otnTokens.tokenHash })
      .returning({ campaignId: otnTokens.campaignId });
    const perCampaign = new Map<string, number>();
    for (const row of inserted) perCampaign.set(row.campaignId, (perCampaign.get(row.campaignId) ?? 0) + 1);
    for (const [campaignId, count] of perCampaign) {
      await tx.update(campaigns).set({ subscribers: sql`${campaigns.subscribers} + ${count}` }).where(eq(campaigns.id, campaignId));
    }
    return inserted.length;
  });
}
