import { and, eq, inArray, isNull, sql } from "drizzle-orm";
import { getDb, type Tx } from "@/db/client";
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
      .returning({ campaignId: otnTokens.campaignId, psid: otnTokens.psid });
    // Subscribers are people: a second "Notify Me" of the same person adds a (spare) token, not a subscriber.
    // The contact upsert above holds the person's row until commit, so two taps of one person count in turn.
    const newPeople = await firstTokensOfPeople(tx, inserted);
    const perCampaign = new Map<string, number>();
    for (const person of newPeople) perCampaign.set(person.campaignId, (perCampaign.get(person.campaignId) ?? 0) + 1);
    for (const [campaignId, count] of perCampaign) {
      await tx.update(campaigns).set({ subscribers: sql`${campaigns.subscribers} + ${count}` }).where(eq(campaigns.id, campaignId));
    }
    return inserted.length;
  });
}

/** Of the (campaign, person) pairs just inserted, those for whom these are the person's only tokens in the campaign. */
async function firstTokensOfPeople(tx: Tx, inserted: { campaignId: string; psid: string }[]): Promise<{ campaignId: string; psid: string }[]> {
  const justInserted = new Map<string, { campaignId: string; psid: string; count: number }>();
  for (const row of inserted) {
    const key = `${row.campaignId}:${row.psid}`;
    const entry = justInserted.get(key) ?? { ...row, count: 0 };
    entry.count++;
    justInserted.set(key, entry);
  }
  if (justInserted.size === 0) return [];
  const people = [...justInserted.values()];
  const held = await tx
    .select({ campaignId: otnTokens.campaignId, psid: otnTokens.psid, n: sql<number>`count(*)::int` })
    .from(otnTokens)
    .where(
      and(
        inArray(otnTokens.campaignId, [...new Set(people.map((p) => p.campaignId))]),
        inArray(otnTokens.psid, [...new Set(people.map((p) => p.psid))]),
      ),
    )
    .groupBy(otnTokens.campaignId, otnTokens.psid);
  const total = new Map(held.map((h) => [`${h.campaignId}:${h.psid}`, Number(h.n)]));
  return people.filter((p) => total.get(`${p.campaignId}:${p.psid}`) === p.count);
}
