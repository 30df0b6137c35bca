import { sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { rowsOf } from "@/db/json-insert";

/** How long a resolution's own event has before the sweep hands it over again (the workflow engine's backlog). */
export const UNASKED_AFTER_MS = 2 * 60_000;
/** How far back the sweep looks: older resolutions are left unasked (the person has moved on). */
export const UNASKED_WITHIN_MS = 30 * 60_000;

export interface UnaskedResolution {
  orgId: string;
  channelId: string;
  conversationId: string;
  resolutionActivityId: string;
}

/**
 * Resolutions on channels with the survey on that have no survey row after UNASKED_AFTER_MS: their event was lost
 * (the process stopped between the commit and the hand-over, or the engine refused it). The sweep hands them over
 * again under the same event id, so a late original and its copy run once, and asking is idempotent by the
 * resolution anyway. Only resolutions after the channel's survey settings last changed: turning the survey on
 * never asks people whose conversations ended before. Instance-wide (a cron), at most `limit` a sweep.
 */
export async function findUnaskedResolutions({ now = new Date(), limit = 500 }: { now?: Date; limit?: number } = {}): Promise<UnaskedResolution[]> {
  const db = await getDb();
  const from = new Date(now.getTime() - UNASKED_WITHIN_MS);
  const to = new Date(now.getTime() - UNASKED_AFTER_MS);
  const rows = rowsOf<{ org_id: string; channel_id: string; conversation_id: string; id: string }>(
    await db.execute(sql`
      select a.org_id, s.channel_id, a.conversation_id, a.id
        from (select distinct org_id from channel_csat_settings where enabled) o
        join lateral (
              select a.id, a.org_id, a.conversation_id, a.created_at
                from conversation_activities a
               where a.org_id = o.org_id and a.created_at >= ${from.toISOString()}::timestamptz and a.created_at < ${to.toISOString()}::timestamptz and a.kind = 'resolved'
             ) a on true
        join conversations c on c.id = a.conversation_id
        join channel_csat_settings s on s.channel_id = c.channel_id and s.enabled and a.created_at >= s.updated_at
       where not exists (select 1 from csat_surveys q where q.resolution_activity_id = a.id)
       order by a.created_at
       limit ${limit}`),
  );
  return rows.map((r) => ({ orgId: r.org_id, channelId: r.channel_id, conversationId: r.conversation_id, resolutionActivityId: r.id }));
}
