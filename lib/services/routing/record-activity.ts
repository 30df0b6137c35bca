import { and, eq, sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { agentPresence } from "@/db/schema";
import { ForbiddenError } from "@/lib/errors";
import type { OrgContext } from "@/lib/tenancy/context";
import type { DeskEvent } from "./events";
import { changePresence, toPresence } from "./set-presence";
import { IDLE_AFTER_MS, type Presence } from "./schemas";

/**
 * The activity heartbeat (a page view, a reply): stamps the member's last activity and brings them online
 * when they never chose a presence or were only marked away for being idle. A presence the member set by
 * hand (away, offline) is theirs: activity never overrides it.
 */
export async function recordActivity({ ctx, now = new Date() }: { ctx: OrgContext; now?: Date }): Promise<{ presence: Presence; events: DeskEvent[] }> {
  const me = ctx.membershipId;
  if (!me) throw new ForbiddenError("routing.errors.membersOnly");
  const db = await getDb();
  const [row] = await db.select().from(agentPresence).where(and(eq(agentPresence.orgId, ctx.org.id), eq(agentPresence.membershipId, me)));
  if (!row || (row.status === "away" && row.changedBy === "activity")) return changePresence(ctx.org.id, me, "online", "activity", now);
  const [updated] = await db
    .update(agentPresence)
    .set({ lastActivityAt: now })
    .where(eq(agentPresence.membershipId, me))
    .returning();
  return {
    presence: toPresence({ membership_id: updated!.membershipId, status: updated!.status, changed_by: updated!.changedBy, last_activity_at: updated!.lastActivityAt }),
    events: [],
  };
}

/**
 * The idle sweep (a scheduled system job): online members with no activity for `idleAfterMs` become away
 * (by activity), so routing stops giving them conversations until they are back. Keeps what they have.
 */
export async function markIdleAgentsAway({ now = new Date(), idleAfterMs = IDLE_AFTER_MS }: { now?: Date; idleAfterMs?: number } = {}): Promise<{ events: DeskEvent[] }> {
  const db = await getDb();
  const cutoff = new Date(now.getTime() - idleAfterMs);
  const rows = await db
    .update(agentPresence)
    .set({ status: "away", changedBy: "activity", statusChangedAt: now })
    .where(and(eq(agentPresence.status, "online"), sql`coalesce(${agentPresence.lastActivityAt}, ${agentPresence.statusChangedAt}) < ${cutoff.toISOString()}::timestamptz`))
    .returning({ orgId: agentPresence.orgId, membershipId: agentPresence.membershipId });
  return { events: rows.map((r) => ({ type: "presence.changed", orgId: r.orgId, membershipId: r.membershipId, status: "away" })) };
}
