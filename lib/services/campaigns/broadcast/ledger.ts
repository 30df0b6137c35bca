import { and, eq, inArray, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { rowsOf } from "@/db/json-insert";
import { campaignDeliveries } from "@/db/schema";
import { localDueAt, recipientTimeZone } from "./local-time";

/**
 * The delivery ledger's transitions (campaign_deliveries), each one statement. One sender works on a campaign at a
 * time (the workflow's concurrency is keyed by Page); the claim id guards every outcome write all the same.
 */
export interface ClaimedDelivery {
  id: string;
  psid: string;
  permissionId: string;
  tokenSealed: string;
  /** The permission now: a person who stopped, or a token that expired, since planning is skipped without a call. */
  permissionStatus: "active" | "stopped" | "expired";
  expiresAt: Date | null;
  lastSentAt: Date | null;
  /** The token's cadence (recurring): daily | weekly | monthly. */
  frequency: string | null;
  /** Found in `sending` from an earlier, interrupted claim: its send may already have gone through. */
  recovered: boolean;
}

export interface DeliveryOutcome {
  id: string;
  status: "sent" | "failed" | "held" | "skipped";
  failureCode?: number | null;
  failureReason?: string | null;
  messageId?: string | null;
  sentAt?: Date | null;
  /** held: why, and the earliest instant it may go (re-dated to the campaign's local send time). */
  heldReason?: string | null;
  earliest?: Date | null;
  /** What the outcome teaches about the permission itself. */
  permission?: "stopped" | "expired" | null;
}

const claimedColumns = sql`c.id, c.psid, c.permission_id, p.token_sealed, p.status as permission_status, p.expires_at, p.last_sent_at, p.frequency`;
type ClaimedRow = { id: string; psid: string; permission_id: string; token_sealed: string; permission_status: ClaimedDelivery["permissionStatus"]; expires_at: string | Date | null; last_sent_at: string | Date | null; frequency: string | null };
const toClaimed = (recovered: boolean) => (r: ClaimedRow): ClaimedDelivery => ({
  id: r.id,
  psid: r.psid,
  permissionId: r.permission_id,
  tokenSealed: r.token_sealed,
  permissionStatus: r.permission_status,
  expiresAt: r.expires_at ? new Date(r.expires_at) : null,
  lastSentAt: r.last_sent_at ? new Date(r.last_sent_at) : null,
  frequency: r.frequency,
  recovered,
});

/** Takes over deliveries an interrupted sender left in `sending` (what happens to them is the sender's rule). */
export async function recoverInterrupted(db: Db, campaignId: string, claimId: string, limit: number): Promise<ClaimedDelivery[]> {
  const result = await db.execute(sql`
    with c as (
      update campaign_deliveries d set claim_id = ${claimId}::uuid, claimed_at = now()
       where d.id in (select id from campaign_deliveries where campaign_id = ${campaignId}::uuid and status = 'sending' order by id limit ${limit} for update skip locked)
      returning d.id, d.psid, d.permission_id
    )
    select ${claimedColumns} from c join message_permissions p on p.id = c.permission_id`);
  return rowsOf<ClaimedRow>(result).map(toClaimed(true));
}

/**
 * pending | held → sending for the next `limit` deliveries due at `now`, earliest first, under this claim. Held
 * rows leave the campaign's `held` counter in the same statement.
 */
export async function claimDue(db: Db, campaignId: string, claimId: string, limit: number, now: Date): Promise<ClaimedDelivery[]> {
  if (limit <= 0) return [];
  const result = await db.execute(sql`
    with picked as (
      select id, status from campaign_deliveries
       where campaign_id = ${campaignId}::uuid and status in ('pending', 'held') and due_at <= ${now.toISOString()}::timestamptz
       order by due_at, id
       limit ${limit}
         for update skip locked
    ),
    c as (
      update campaign_deliveries d set status = 'sending', claim_id = ${claimId}::uuid, claimed_at = now()
        from picked where d.id = picked.id
      returning d.id, d.psid, d.permission_id, picked.status as was
    ),
    counted as (
      update campaigns set held = held - (select count(*) from c where was = 'held')
       where id = ${campaignId}::uuid and exists (select 1 from c where was = 'held')
      returning id
    )
    select ${claimedColumns} from c join message_permissions p on p.id = c.permission_id order by c.id`);
  return rowsOf<ClaimedRow>(result).map(toClaimed(false));
}

/**
 * Writes outcomes, what they teach about each permission (sent: its last send; stopped; expired) and the campaign's
 * counters in one statement, only for rows this claim still holds. A held outcome is re-dated to the first local
 * send time at or after its `earliest` (the campaign's rule, localDueAt) and released from the claim. Counters:
 * sent, failed, held, and `expired` for skipped recipients (their permission ended). Returns the campaign's status.
 */
export async function recordDeliveryOutcomes(
  db: Db,
  campaign: { id: string; orgId: string; localSendTime: string | null },
  claimId: string,
  outcomes: DeliveryOutcome[],
  currentRate: number,
): Promise<string | null> {
  const values = JSON.stringify(
    outcomes.map((o) => ({
      id: o.id,
      status: o.status,
      failure_code: o.failureCode ?? null,
      failure_reason: o.failureReason ?? null,
      message_id: o.messageId ?? null,
      sent_at: o.sentAt?.toISOString() ?? null,
      held_reason: o.heldReason ?? null,
      earliest: o.earliest?.toISOString() ?? null,
      permission: o.permission ?? null,
    })),
  );
  const zone = recipientTimeZone(sql`p.user_time_zone`, sql`o.time_zone`);
  const result = await db.execute(sql`
    with v as (
      select * from json_to_recordset(${values}::json)
        as v(id uuid, status campaign_delivery_status, failure_code int, failure_reason text, message_id text, sent_at timestamptz,
             held_reason text, earliest timestamptz, permission text)
    ),
    done as (
      update campaign_deliveries d
         set status = v.status, failure_code = v.failure_code, failure_reason = v.failure_reason, message_id = v.message_id,
             sent_at = v.sent_at, held_reason = v.held_reason,
             due_at = case when v.status = 'held' then ${localDueAt(sql`v.earliest`, zone, campaign.localSendTime)} else d.due_at end,
             claim_id = case when v.status = 'held' then null else d.claim_id end
        from v, message_permissions p, organizations o
       where d.id = v.id and d.claim_id = ${claimId}::uuid and d.status = 'sending'
         and p.id = d.permission_id and o.id = ${campaign.orgId}::uuid
      returning d.status, d.permission_id, d.sent_at, v.permission
    ),
    perm as (
      update message_permissions p
         set last_sent_at = case when done.status = 'sent' then greatest(coalesce(p.last_sent_at, done.sent_at), done.sent_at) else p.last_sent_at end,
             status = case when done.permission = 'stopped' and p.status = 'active' then 'stopped'::message_permission_status
                           when done.permission = 'expired' then 'expired'::message_permission_status else p.status end,
             stopped_at = case when done.permission = 'stopped' and p.status = 'active' then now() else p.stopped_at end
        from done
       where p.id = done.permission_id and (done.status = 'sent' or done.permission is not null)
      returning p.id
    )
    update campaigns
       set sent = sent + (select count(*) from done where status = 'sent'),
           failed = failed + (select count(*) from done where status = 'failed'),
           expired = expired + (select count(*) from done where status = 'skipped'),
           held = held + (select count(*) from done where status = 'held'),
           current_rate = ${currentRate}
     where id = ${campaign.id}::uuid
    returning status, (select count(*) from perm) as touched`);
  return rowsOf<{ status: string }>(result)[0]?.status ?? null;
}

/** Puts claimed deliveries that were never sent back to pending (a pause or a cancel stopped the batch). */
export async function releaseUnsent(db: Db, claimId: string, ids: string[]): Promise<void> {
  for (let i = 0; i < ids.length; i += 1000) {
    await db
      .update(campaignDeliveries)
      .set({ status: "pending", claimId: null, claimedAt: null })
      .where(and(eq(campaignDeliveries.claimId, claimId), eq(campaignDeliveries.status, "sending"), inArray(campaignDeliveries.id, ids.slice(i, i + 1000))));
  }
}

/** Deliveries not settled (pending, held or sending) and when the next one is due. */
export async function unsettled(db: Db, campaignId: string): Promise<{ count: number; sending: number; nextDueAt: Date | null }> {
  const result = await db.execute(sql`
    select count(*)::int as n, count(*) filter (where status = 'sending')::int as sending,
           min(due_at) filter (where status in ('pending', 'held')) as next
      from campaign_deliveries where campaign_id = ${campaignId}::uuid and status in ('pending', 'held', 'sending')`);
  const row = rowsOf<{ n: number; sending: number; next: string | Date | null }>(result)[0];
  return { count: Number(row?.n ?? 0), sending: Number(row?.sending ?? 0), nextDueAt: row?.next ? new Date(row.next) : null };
}
