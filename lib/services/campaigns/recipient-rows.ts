import { and, asc, eq, gt, ilike, inArray, or, sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { contacts, conversations, otnTokens } from "@/db/schema";
import { type Recipient } from "./schemas";

const columns = {
  id: otnTokens.id,
  psid: otnTokens.psid,
  contactId: otnTokens.contactId,
  firstName: contacts.firstName,
  lastName: contacts.lastName,
  status: otnTokens.status,
  optedInAt: otnTokens.optedInAt,
  sentAt: otnTokens.sentAt,
  failureCode: otnTokens.failureCode,
  failureReason: otnTokens.failureReason,
  messageId: otnTokens.messageId,
};

export type Row = { [K in keyof typeof columns]: unknown } & { id: string };

export function toRecipient(r: Row): Recipient {
  const name = [r.firstName, r.lastName].filter(Boolean).join(" ");
  return {
    id: r.id,
    psid: r.psid as string,
    contactId: (r.contactId as string | null) ?? null,
    name: name || null,
    status: r.status as Recipient["status"],
    optedInAt: (r.optedInAt as Date).toISOString(),
    sentAt: (r.sentAt as Date | null)?.toISOString() ?? null,
    failureCode: (r.failureCode as number | null) ?? null,
    failureReason: (r.failureReason as string | null) ?? null,
    messageId: (r.messageId as string | null) ?? null,
  };
}

export async function fetchRecipients(campaignId: string, query: { cursor?: string; limit: number; search?: string; status?: Recipient["status"] }) {
  const db = await getDb();
  const pattern = query.search ? `%${query.search.replace(/[\\%_]/g, (c) => `\\${c}`)}%` : null;
  return db
    .select(columns)
    .from(otnTokens)
    .leftJoin(contacts, eq(contacts.id, otnTokens.contactId))
    .where(
      and(
        eq(otnTokens.campaignId, campaignId),
        query.status ? eq(otnTokens.status, query.status) : undefined,
        query.cursor ? gt(otnTokens.id, query.cursor) : undefined,
        pattern
          ? or(ilike(contacts.firstName, pattern), ilike(contacts.lastName, pattern), ilike(sql`${contacts.firstName} || ' ' || ${contacts.lastName}`, pattern))
          : undefined,
      ),
    )
    .orderBy(asc(otnTokens.id))
    .limit(query.limit + 1);
}

/**
 * Whether each sent token's message was delivered and read, by the rule the funnel counts with
 * (get-campaign-stats.ts): the conversation's delivery or read watermark reached the send time; read implies
 * delivered. Tokens not sent are absent from the map.
 */
export async function fetchReceipts(tokenIds: string[]): Promise<Map<string, { delivered: boolean; read: boolean }>> {
  if (tokenIds.length === 0) return new Map();
  const db = await getDb();
  const sentMs = sql`(extract(epoch from ${otnTokens.sentAt}) * 1000)::bigint`;
  const rows = await db
    .select({
      id: otnTokens.id,
      delivered: sql<boolean>`coalesce(${conversations.deliveredWatermark} >= ${sentMs} or ${conversations.readWatermark} >= ${sentMs}, false)`,
      read: sql<boolean>`coalesce(${conversations.readWatermark} >= ${sentMs}, false)`,
    })
    .from(otnTokens)
    .leftJoin(conversations, eq(conversations.contactId, otnTokens.contactId))
    .where(and(inArray(otnTokens.id, tokenIds), eq(otnTokens.status, "sent")));
  return new Map(rows.map((r) => [r.id, { delivered: Boolean(r.delivered), read: Boolean(r.read) }]));
}
