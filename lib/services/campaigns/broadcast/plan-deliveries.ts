import { sql } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { rowsOf } from "@/db/json-insert";
import type { CampaignRow } from "../queries";
import { audienceSelect } from "./audience";
import { cadencePeriod, localDueAt, MIN_GAP, recipientTimeZone } from "./local-time";

/**
 * Plans a recurring or marketing campaign when its send starts: one delivery per recipient (the audience of
 * audienceSelect, so the count shown before sending is the number planned) in one statement, idempotent
 * (unique (campaign, psid): planning again inserts nothing). Each is due at the start, or at the campaign's local
 * send time in the recipient's zone (localDueAt). Recurring: a token that carried a notification less than its
 * cadence period (and Meta's 48 hours) before that time is `held` — reason 'cadence', or 'gap' when the 48 hours
 * are what binds (a daily topic) — and due at the first allowed local send time after the period. The campaign's
 * `subscribers` (planned) and `held` counters grow in the same statement. Returns how many were planned now.
 */
export async function planDeliveries(tx: Tx, campaign: CampaignRow, now: Date): Promise<{ planned: number; held: number }> {
  if (campaign.kind === "otn") return { planned: 0, held: 0 };
  const audience = await audienceSelect(tx, { orgId: campaign.orgId, channelId: campaign.channelId, kind: campaign.kind, topicId: campaign.topicId, segmentId: campaign.segmentId }, now);
  const start = sql`${now.toISOString()}::timestamptz`;
  const hhmm = campaign.localSendTime;
  const zone = recipientTimeZone(sql`a.user_time_zone`, sql`o.time_zone`);
  // Recurring only: the earliest Meta takes the token's next notification (null: no earlier send).
  const earliest =
    campaign.kind === "recurring" ? sql`a.last_sent_at + greatest(${cadencePeriod(sql`coalesce(a.frequency, tp.cadence::text)`)}, ${MIN_GAP})` : sql`null::timestamptz`;
  const result = await tx.execute(sql`
    with a as (${audience}),
    planned as (
      select a.*, (row_number() over (order by a.psid) - 1)::bigint as n, ${zone} as zone, ${localDueAt(start, sql`${zone}`, hhmm)} as due, ${earliest} as earliest,
             ${campaign.kind === "recurring" ? sql`${cadencePeriod(sql`coalesce(a.frequency, tp.cadence::text)`)} < ${MIN_GAP}` : sql`false`} as gap_binds
        from a
        join organizations o on o.id = ${campaign.orgId}::uuid
        left join recurring_topics tp on tp.id = ${campaign.topicId}::uuid
    ),
    inserted as (
      insert into campaign_deliveries (id, org_id, campaign_id, channel_id, permission_id, contact_id, psid, status, due_at, held_reason)
      -- UUIDv7 as db/ids makes them (ids sort by creation: the delivery log lists in planning order): the start's
      -- milliseconds plus one per 4,096 rows, a 12-bit sequence, random bits.
      select (lpad(to_hex(${now.getTime()}::bigint + (p.n / 4096)), 12, '0') || '7' || lpad(to_hex(p.n % 4096), 3, '0') || '8'
                || substr(md5(random()::text || p.psid), 1, 15))::uuid,
             ${campaign.orgId}::uuid, ${campaign.id}::uuid, ${campaign.channelId}::uuid, p.permission_id, p.contact_id, p.psid,
             case when p.earliest > p.due then 'held'::campaign_delivery_status else 'pending'::campaign_delivery_status end,
             case when p.earliest > p.due then ${localDueAt(sql`p.earliest`, sql`p.zone`, hhmm)} else p.due end,
             case when p.earliest > p.due then (case when p.gap_binds then 'gap' else 'cadence' end) end
        from planned p
      on conflict (campaign_id, psid) do nothing
      returning status
    ),
    counted as (
      update campaigns
         set subscribers = subscribers + (select count(*) from inserted),
             held = held + (select count(*) from inserted where status = 'held')
       where id = ${campaign.id}::uuid
      returning id
    )
    select (select count(*) from inserted)::int as planned, (select count(*) from inserted where status = 'held')::int as held, (select count(*) from counted)::int as c`);
  const row = rowsOf<{ planned: number; held: number }>(result)[0];
  return { planned: Number(row?.planned ?? 0), held: Number(row?.held ?? 0) };
}
