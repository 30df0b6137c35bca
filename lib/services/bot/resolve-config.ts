import { and, eq, or, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { rowsOf } from "@/db/json-insert";
import { botConfigs } from "@/db/schema";

export type BotConfigRow = typeof botConfigs.$inferSelect;

/**
 * The bot configuration that serves a conversation: the channel's row wins over its skill group's; none
 * (or mode off) means no bot. The org id is the conversation's, so another organisation's row never applies.
 */
export async function resolveBotConfig(db: DbOrTx, scope: { orgId: string; channelId: string; skillGroupId: string | null }): Promise<BotConfigRow | null> {
  const rows = await db
    .select()
    .from(botConfigs)
    .where(and(eq(botConfigs.orgId, scope.orgId), scope.skillGroupId ? or(eq(botConfigs.channelId, scope.channelId), eq(botConfigs.skillGroupId, scope.skillGroupId)) : eq(botConfigs.channelId, scope.channelId)));
  const chosen = rows.find((r) => r.channelId === scope.channelId) ?? rows.find((r) => r.skillGroupId === scope.skillGroupId) ?? null;
  return chosen && chosen.mode !== "off" ? chosen : null;
}

/** Whether the organisation has any bot switched on: webhook processing skips all bot work when not. */
export async function orgHasBot(db: DbOrTx, orgId: string): Promise<boolean> {
  const rows = rowsOf<{ one: number }>(await db.execute(sql`select 1 as one from bot_configs where org_id = ${orgId}::uuid and mode <> 'off' limit 1`));
  return rows.length > 0;
}

/** Conversations waiting in a skill group's queue (human_first compares it with `humanFirstQueueLength`). */
export async function queueLengthOf(db: DbOrTx, skillGroupId: string): Promise<number> {
  const rows = rowsOf<{ n: number }>(
    await db.execute(sql`select count(*)::int as n from conversations where skill_group_id = ${skillGroupId}::uuid and status = 'open' and assignee_membership_id is null and queued_at is not null`),
  );
  return Number(rows[0]?.n ?? 0);
}
