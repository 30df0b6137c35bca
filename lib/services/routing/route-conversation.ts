import { sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { rowsOf } from "@/db/json-insert";
import { drainGroups, routeQueued } from "./engine";
import type { DeskEvent } from "./events";
import type { RouteOutcome } from "./schemas";

/**
 * The routing engine's entry for the system (webhook processing, workflows): routes conversations that just
 * entered their group's queue (new or reopened). Within working hours and with auto-assign on, an online
 * agent of the group under the cap gets it (sticky to the person's last agent first, else least busy or
 * round robin); otherwise it stays queued, and the outcome carries its place in the queue and the reply the
 * group's settings ask for. The org id comes from the caller's verified event, not from a person.
 */
export async function routeConversations({ orgId, conversationIds, now }: { orgId: string; conversationIds: string[]; now?: Date }): Promise<{ outcomes: RouteOutcome[]; events: DeskEvent[] }> {
  return routeQueued(orgId, conversationIds, now);
}

/** One conversation: {@link routeConversations}. */
export async function routeConversation({ orgId, conversationId, now }: { orgId: string; conversationId: string; now?: Date }): Promise<{ outcome: RouteOutcome | null; events: DeskEvent[] }> {
  const { outcomes, events } = await routeQueued(orgId, [conversationId], now);
  return { outcome: outcomes[0] ?? null, events };
}

/**
 * Assigns a group's queued conversations, oldest first, while an online agent has room. Called after anything
 * that makes room (an agent online, a resolve, a transfer away, a higher cap) and safe to call any time
 * (a periodic sweep may, to recover a drain lost to a crash after a commit).
 */
export async function drainQueue({ orgId, skillGroupId, now }: { orgId: string; skillGroupId: string; now?: Date }): Promise<{ events: DeskEvent[] }> {
  return { events: await drainGroups(orgId, [skillGroupId], now) };
}

/**
 * The periodic sweep (a scheduled system job, every organisation): drains every skill group that has a
 * conversation waiting, so nothing stays queued while an online agent has room, even when the drain that
 * should have followed a change was lost (a crash after a commit) or working hours just began.
 */
export async function drainAllQueues({ now }: { now?: Date } = {}): Promise<{ groups: number; events: DeskEvent[] }> {
  const db = await getDb();
  const rows = rowsOf<{ org_id: string; skill_group_id: string }>(
    await db.execute(sql`
      select distinct org_id, skill_group_id from conversations
       where status = 'open' and assignee_membership_id is null and queued_at is not null and skill_group_id is not null`),
  );
  const events: DeskEvent[] = [];
  for (const row of rows) events.push(...(await drainGroups(row.org_id, [row.skill_group_id], now)));
  return { groups: rows.length, events };
}
