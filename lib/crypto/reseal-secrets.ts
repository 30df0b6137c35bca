import { and, asc, eq, getTableColumns, getTableName, gt, is, isNotNull, notLike, sql, type SQL } from "drizzle-orm";
import { PgTable, type PgColumn } from "drizzle-orm/pg-core";
import type { Db } from "@/db/client";
import { rowsOf } from "@/db/json-insert";
import * as schema from "@/db/schema";
import { currentKeyVersion, needsResealing, open, seal } from "./secrets";

/**
 * The last step of rotating ENCRYPTION_KEY (docs/deployment.md): every secret still sealed with an older key
 * is opened and sealed again with the current one, so that the old key can leave the list.
 *
 * The sealed columns are found in the schema (every column named `…Sealed`), so a new one is covered without
 * a list to keep; opt-in tokens inside stored webhook events (`optin.*_sealed`) are the one place elsewhere.
 * A row is rewritten only while it still holds the value that was read: a secret the app replaced meanwhile
 * (a token refreshed, a channel reconnected) is already on the current key and stays as the app wrote it.
 */
const BATCH = 500;

export interface ResealCount {
  where: string;
  resealed: number;
  /** Rows the app changed between the read and the write (left as the app wrote them). */
  changedMeanwhile: number;
}

interface IdTable {
  table: PgTable;
  id: PgColumn;
  tableName: string;
}

function sealedColumns(): { owner: IdTable; key: string; column: PgColumn }[] {
  const found = [];
  for (const value of Object.values(schema)) {
    if (!is(value, PgTable)) continue;
    const columns = getTableColumns(value) as Record<string, PgColumn>;
    if (!columns.id) continue;
    const owner = { table: value, id: columns.id, tableName: getTableName(value) };
    for (const [key, column] of Object.entries(columns)) if (key.endsWith("Sealed")) found.push({ owner, key, column });
  }
  return found;
}

async function resealColumn(db: Db, owner: IdTable, key: string, column: PgColumn): Promise<ResealCount> {
  const count = { where: `${owner.tableName}.${key}`, resealed: 0, changedMeanwhile: 0 };
  const current = `v${currentKeyVersion()}.%`;
  let after: string | null = null;
  for (;;) {
    const conditions: SQL[] = [isNotNull(column), notLike(column, current)];
    if (after) conditions.push(gt(owner.id, after));
    const rows = (await db
      .select({ id: owner.id, sealed: column })
      .from(owner.table)
      .where(and(...conditions))
      .orderBy(asc(owner.id))
      .limit(BATCH)) as { id: string; sealed: string }[];
    if (rows.length === 0) return count;
    after = rows[rows.length - 1].id;
    await db.transaction(async (tx) => {
      for (const row of rows) {
        const updated = await tx
          .update(owner.table)
          .set({ [key]: seal(open(row.sealed)) })
          .where(and(eq(owner.id, row.id), eq(column, row.sealed)))
          .returning({ id: owner.id });
        if (updated.length) count.resealed++;
        else count.changedMeanwhile++;
      }
    });
  }
}

/** The opt-in tokens kept, sealed, in stored webhook events (lib/graph/webhook-events.ts `storablePayload`). */
async function resealWebhookPayloads(db: Db): Promise<ResealCount> {
  const { webhookEvents } = schema;
  const count = { where: "webhook_events.payload optin.*_sealed", resealed: 0, changedMeanwhile: 0 };
  let after: string | null = null;
  for (;;) {
    const rows: { id: string; payload: { optin: Record<string, unknown> } }[] = rowsOf(
      await db.execute(sql`
        select ${webhookEvents.id} as id, ${webhookEvents.payload} as payload from ${webhookEvents}
         where ${webhookEvents.payload} -> 'optin' is not null and ${webhookEvents.payload}::text like '%\\_sealed%'
           ${after ? sql`and ${webhookEvents.id} > ${after}` : sql``}
         order by ${webhookEvents.id} limit ${BATCH}`),
    );
    if (rows.length === 0) return count;
    after = rows[rows.length - 1].id;
    await db.transaction(async (tx) => {
      for (const row of rows) {
        const optin = { ...row.payload.optin };
        const stale = Object.keys(optin).filter((k) => k.endsWith("_sealed") && typeof optin[k] === "string" && needsResealing(optin[k] as string));
        if (stale.length === 0) continue;
        for (const k of stale) optin[k] = seal(open(optin[k] as string));
        const updated = await tx
          .update(webhookEvents)
          .set({ payload: { ...row.payload, optin } })
          .where(and(eq(webhookEvents.id, row.id), sql`${webhookEvents.payload} = ${JSON.stringify(row.payload)}::jsonb`))
          .returning({ id: webhookEvents.id });
        if (updated.length) count.resealed++;
        else count.changedMeanwhile++;
      }
    });
  }
}

/** Re-seals every secret not on the current key; throws (naming the version) when an old key is missing. */
export async function resealSecrets(db: Db): Promise<ResealCount[]> {
  const counts: ResealCount[] = [];
  for (const { owner, key, column } of sealedColumns()) counts.push(await resealColumn(db, owner, key, column));
  counts.push(await resealWebhookPayloads(db));
  return counts;
}
