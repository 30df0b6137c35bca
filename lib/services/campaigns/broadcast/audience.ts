import { sql, type SQL } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { rowsOf } from "@/db/json-insert";
import { segmentAudience } from "@/lib/services/segments";

/** Who a recurring or marketing campaign reaches. */
export interface BroadcastAudience {
  orgId: string;
  channelId: string;
  kind: "recurring" | "marketing";
  topicId: string | null;
  segmentId: string | null;
}

/**
 * The recipients of a recurring or marketing campaign as a select (one row per person), shared by the count shown
 * before sending and the planning at the start, so the two agree: the Page's active permissions that have not
 * expired at `now` — of the topic for recurring; of any kind for marketing (a recurring opt-in's token is also a
 * Marketing Messages subscription token) — each person's newest (the latest consent, the last to expire), and
 * only people in the segment when there is one. Columns: permission_id, psid, contact_id, user_time_zone,
 * last_sent_at, frequency.
 */
export async function audienceSelect(db: DbOrTx, audience: BroadcastAudience, now: Date): Promise<SQL> {
  const inSegment = await segmentAudience(db, audience.orgId, audience.segmentId, sql`p.contact_id`);
  const ofKind = audience.kind === "recurring" ? sql`p.kind = 'recurring' and p.topic_id = ${audience.topicId}::uuid` : sql`true`;
  return sql`
    select distinct on (p.psid) p.id as permission_id, p.psid, p.contact_id, p.user_time_zone, p.last_sent_at, p.frequency
      from message_permissions p
     where p.channel_id = ${audience.channelId}::uuid and p.org_id = ${audience.orgId}::uuid
       and p.status = 'active' and (p.expires_at is null or p.expires_at > ${now.toISOString()}::timestamptz)
       and ${ofKind}
       and ${inSegment ?? sql`true`}
     order by p.psid, p.opted_in_at desc, p.id desc`;
}

/** How many people the campaign would be sent to now: exactly what planning would insert. */
export async function countAudience(db: DbOrTx, audience: BroadcastAudience, now: Date): Promise<number> {
  const result = await db.execute(sql`select count(*)::int as n from (${await audienceSelect(db, audience, now)}) a`);
  return Number(rowsOf<{ n: number }>(result)[0]?.n ?? 0);
}
