import { and, asc, eq, inArray, sql, type SQL } from "drizzle-orm";
import type { Db } from "@/db/client";
import { rowsOf } from "@/db/json-insert";
import { campaigns, otnTokens } from "@/db/schema";
import { segmentAudience } from "@/lib/services/segments";

/**
 * The send ledger's transitions, each one statement. Only one sender works on a campaign at a time (the
 * workflow's concurrency is keyed by Page); the claim id guards every outcome write all the same.
 */
export interface ClaimedToken {
  id: string;
  tokenSealed: string;
  optedInAt: Date;
  /** Found in `sending` from an earlier, interrupted claim: its send may already have gone through. */
  recovered: boolean;
}

export interface Outcome {
  id: string;
  status: "sent" | "failed" | "expired";
  failureCode?: number | null;
  failureReason?: string | null;
  messageId?: string | null;
  sentAt?: Date | null;
}

const claimedColumns = { id: otnTokens.id, tokenSealed: otnTokens.tokenSealed, optedInAt: otnTokens.optedInAt };

/** Takes over rows an interrupted sender left in `sending` (they are re-sent; see sendCampaignBatch). */
export async function recoverInterrupted(db: Db, campaignId: string, claimId: string, limit: number): Promise<ClaimedToken[]> {
  const rows = await db
    .update(otnTokens)
    .set({ claimId, claimedAt: new Date() })
    .where(
      inArray(
        otnTokens.id,
        db
          .select({ id: otnTokens.id })
          .from(otnTokens)
          .where(and(eq(otnTokens.campaignId, campaignId), eq(otnTokens.status, "sending")))
          .orderBy(asc(otnTokens.id))
          .limit(limit)
          .for("update", { skipLocked: true }),
      ),
    )
    .returning(claimedColumns);
  return rows.map((r) => ({ ...r, recovered: true }));
}

/**
 * pending → sending for the next `limit` people in token id order, under this claim: one token per person
 * (the newest of their pending ones: the latest consent, the last to expire), none for a person whose token
 * is already sending or settled. In the same statement the person's other pending tokens become `spare`,
 * so a person who tapped "Notify Me" twice gets the campaign once and keeps the other token unused.
 * With an audience (a segment's condition over `t.contact_id`, see audienceOf) only people in it are claimed;
 * the others' tokens stay pending here and become spare when the campaign runs dry (spareOutsideAudience).
 */
export async function claimPending(db: Db, campaignId: string, claimId: string, limit: number, audience: SQL | null = null): Promise<ClaimedToken[]> {
  if (limit <= 0) return [];
  const result = await db.execute(sql`
    with picked as (
      select t.id, t.psid
        from otn_tokens t
       where t.campaign_id = ${campaignId}::uuid and t.status = 'pending'
         -- "offset 0" keeps each check a per-row lookup by (campaign, psid) whatever the statistics say. Turned
         -- into anti joins, they were planned with psid outside the index condition whenever the statistics did
         -- not yet know the campaign's tokens (a new campaign, under 10 % of the table, or a restored database):
         -- every claim then read all the campaign's tokens once per token, 37 s for 20,000, past the step timeout.
         and not exists (
               select 1 from otn_tokens n
                where n.campaign_id = t.campaign_id and n.psid = t.psid and n.status = 'pending'
                  and (n.opted_in_at, n.id) > (t.opted_in_at, t.id)
               offset 0)
         and not exists (
               select 1 from otn_tokens u
                where u.campaign_id = t.campaign_id and u.psid = t.psid and u.status in ('sending', 'sent', 'failed', 'expired')
               offset 0)
         and ${audience ?? sql`true`}
       order by t.id
       limit ${limit}
         for update skip locked
    ),
    claimed as (
      update otn_tokens t
         set status = 'sending', claim_id = ${claimId}::uuid, claimed_at = now()
        from picked
       where t.id = picked.id
      returning t.id, t.token_sealed, t.opted_in_at
    ),
    spared as (
      update otn_tokens s
         set status = 'spare'
        from picked
       where s.campaign_id = ${campaignId}::uuid and s.psid = picked.psid and s.status = 'pending' and s.id <> picked.id
      returning s.id
    )
    -- (a data-modifying WITH runs whether or not the final select reads it)
    select id, token_sealed, opted_in_at from claimed`);
  return rowsOf<{ id: string; token_sealed: string; opted_in_at: string | Date }>(result).map((r) => ({
    id: r.id,
    tokenSealed: r.token_sealed,
    optedInAt: new Date(r.opted_in_at),
    recovered: false,
  }));
}

/**
 * pending → spare for tokens whose person the campaign already reached (or tried to): a second "Notify Me"
 * that arrived after the person's first token was claimed. Run once the claims run dry, so a campaign can
 * finish with them left unused.
 */
export async function spareLateTokens(db: Db, campaignId: string): Promise<number> {
  const result = await db.execute(sql`
    update otn_tokens t set status = 'spare'
     where t.campaign_id = ${campaignId}::uuid and t.status = 'pending'
       and exists (
             select 1 from otn_tokens u
              where u.campaign_id = t.campaign_id and u.psid = t.psid and u.status in ('sending', 'sent', 'failed', 'expired')
             offset 0) -- a per-row lookup whatever the statistics say (see claimPending)
    returning t.id`);
  return rowsOf(result).length;
}

/**
 * pending → spare for the tokens of people outside the campaign's audience, once the claims run dry: they
 * were not sent to (nor failed), the tokens stay usable, and the campaign can finish.
 */
export async function spareOutsideAudience(db: Db, campaignId: string, audience: SQL | null): Promise<number> {
  if (!audience) return 0;
  const result = await db.execute(sql`
    update otn_tokens t set status = 'spare'
     where t.campaign_id = ${campaignId}::uuid and t.status = 'pending' and not (${audience})
    returning t.id`);
  return rowsOf(result).length;
}

/**
 * How many people the campaign's send would reach now: one per person with an unused (pending) token who was
 * not already reached, and who is in the audience. It counts exactly what claimPending would claim, so the
 * number shown before sending is the number sent to (tokens older than a year expire instead).
 */
export async function pendingRecipientCount(db: Db, campaignId: string, audience: SQL | null): Promise<number> {
  const result = await db.execute(sql`
    select count(distinct t.psid)::int as n
      from otn_tokens t
     where t.campaign_id = ${campaignId}::uuid and t.status = 'pending'
       and not exists (
             select 1 from otn_tokens u
              where u.campaign_id = t.campaign_id and u.psid = t.psid and u.status in ('sending', 'sent', 'failed', 'expired')
             offset 0) -- a per-row lookup by (campaign, psid) whatever the statistics say
       and ${audience ?? sql`true`}`);
  return Number(rowsOf<{ n: number }>(result)[0]?.n ?? 0);
}

/** A campaign's audience as a condition over the claiming statements' token row `t`; null: everyone subscribed. */
export function audienceOf(db: Db, campaign: { orgId: string; segmentId: string | null }): Promise<SQL | null> {
  return segmentAudience(db, campaign.orgId, campaign.segmentId, sql`t.contact_id`);
}

/**
 * Writes outcomes and the campaign's counters in one statement (so they always agree), only for rows this
 * claim still holds. Returns the campaign's status, which tells the sender whether to go on.
 */
export async function recordOutcomes(db: Db, campaignId: string, claimId: string, outcomes: Outcome[], currentRate: number): Promise<string | null> {
  if (outcomes.length === 0) {
    const [row] = await db.update(campaigns).set({ currentRate }).where(eq(campaigns.id, campaignId)).returning({ status: campaigns.status });
    return row?.status ?? null;
  }
  // One JSON parameter rather than six bound values per row: cheaper to build here and to parse there.
  const values = JSON.stringify(
    outcomes.map((o) => ({
      id: o.id,
      status: o.status,
      failure_code: o.failureCode ?? null,
      failure_reason: o.failureReason ?? null,
      message_id: o.messageId ?? null,
      sent_at: o.sentAt?.toISOString() ?? null,
    })),
  );
  const result = await db.execute(sql`
    with v as (
      select * from json_to_recordset(${values}::json)
        as v(id uuid, status otn_token_status, failure_code int, failure_reason text, message_id text, sent_at timestamptz)
    ),
    done as (
      update otn_tokens t
         set status = v.status, failure_code = v.failure_code, failure_reason = v.failure_reason, message_id = v.message_id, sent_at = v.sent_at
        from v
       where t.id = v.id and t.claim_id = ${claimId}::uuid and t.status = 'sending'
      returning t.status
    )
    update campaigns
       set sent = sent + (select count(*) from done where status = 'sent'),
           failed = failed + (select count(*) from done where status = 'failed'),
           expired = expired + (select count(*) from done where status = 'expired'),
           current_rate = ${currentRate}
     where id = ${campaignId}::uuid
    returning status`);
  return rowsOf<{ status: string }>(result)[0]?.status ?? null;
}

/** Puts claimed tokens that were never sent back to pending (a pause or a cancel stopped the batch). */
export async function releaseUnsent(db: Db, claimId: string, ids: string[]): Promise<void> {
  for (let i = 0; i < ids.length; i += 1000) {
    await db
      .update(otnTokens)
      .set({ status: "pending", claimId: null, claimedAt: null })
      .where(and(eq(otnTokens.claimId, claimId), eq(otnTokens.status, "sending"), inArray(otnTokens.id, ids.slice(i, i + 1000))));
  }
}

/** Tokens not yet settled (pending or sending): zero means the campaign is done. */
export async function unsettledCount(db: Db, campaignId: string): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(otnTokens)
    .where(and(eq(otnTokens.campaignId, campaignId), inArray(otnTokens.status, ["pending", "sending"])));
  return row?.n ?? 0;
}
