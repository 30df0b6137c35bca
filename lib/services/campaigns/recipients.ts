import { and, asc, eq, gt, ilike, or, sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { contacts, otnTokens } from "@/db/schema";
import type { Page } from "@/lib/pagination";
import { requirePermission, type OrgContext } from "@/lib/tenancy/context";
import { parseInput } from "@/lib/validation";
import { getCampaignInOrg } from "./queries";
import { recipientQuerySchema, type Recipient, type RecipientQuery } from "./schemas";

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

type Row = { [K in keyof typeof columns]: unknown } & { id: string };

function toRecipient(r: Row): Recipient {
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

async function fetchRecipients(campaignId: string, query: { cursor?: string; limit: number; search?: string; status?: Recipient["status"] }) {
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

/** The recipient log: every subscriber with the outcome of the send, in subscription order, searchable by name. */
export async function listCampaignRecipients({ ctx, campaignId, input = {} }: { ctx: OrgContext; campaignId: string; input?: RecipientQuery }): Promise<Page<Recipient>> {
  requirePermission(ctx, "campaigns.read");
  const query = parseInput(recipientQuerySchema, input);
  const { campaign } = await getCampaignInOrg(await getDb(), ctx, campaignId);
  const rows = await fetchRecipients(campaign.id, query);
  const data = rows.slice(0, query.limit).map((r) => toRecipient(r as Row));
  return { data, nextCursor: rows.length > query.limit ? data[data.length - 1].id : null };
}

const CSV_HEADER = ["psid", "name", "status", "opted_in_at", "sent_at", "failure_code", "failure_reason", "message_id"];

function csvCell(value: unknown): string {
  const text = value === null || value === undefined ? "" : String(value);
  // Quote what CSV needs quoted, and defuse spreadsheet formulas in names people chose.
  const safe = /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** The recipient log as CSV (same filters as the list, every page), for download. */
export async function exportCampaignRecipientsCsv({ ctx, campaignId, input = {} }: { ctx: OrgContext; campaignId: string; input?: Omit<RecipientQuery, "cursor" | "limit"> }): Promise<string> {
  requirePermission(ctx, "campaigns.read");
  const query = parseInput(recipientQuerySchema, { ...input, limit: 100 });
  const { campaign } = await getCampaignInOrg(await getDb(), ctx, campaignId);
  const lines = [CSV_HEADER.join(",")];
  let cursor: string | undefined;
  for (;;) {
    const rows = await fetchRecipients(campaign.id, { ...query, cursor, limit: 5000 });
    for (const row of rows.slice(0, 5000)) {
      const r = toRecipient(row as Row);
      lines.push([r.psid, r.name, r.status, r.optedInAt, r.sentAt, r.failureCode, r.failureReason, r.messageId].map(csvCell).join(","));
    }
    if (rows.length <= 5000) break;
    cursor = rows[4999].id;
  }
  return `${lines.join("\r\n")}\r\n`;
}
