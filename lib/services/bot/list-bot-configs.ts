import { and, asc, eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { botConfigs, channels, skillGroups } from "@/db/schema";
import { requirePermission, type OrgContext } from "@/lib/tenancy/context";
import type { BotConfig } from "./schemas";

type Row = typeof botConfigs.$inferSelect;

export function toBotConfig(row: Row, name: string): BotConfig {
  return {
    id: row.id,
    scope: row.channelId ? "channel" : "skill_group",
    skillGroupId: row.skillGroupId,
    channelId: row.channelId,
    name,
    mode: row.mode,
    engine: row.engine,
    connectorId: row.connectorId,
    answerThreshold: row.answerThreshold,
    suggestThreshold: row.suggestThreshold,
    maxMisses: row.maxMisses,
    handoverKeywords: row.handoverKeywords,
    humanFirstQueueLength: row.humanFirstQueueLength,
    texts: row.texts as BotConfig["texts"],
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** Every bot configuration of the organisation: skill groups' first, then channels', by name. Owners and admins. */
export async function listBotConfigs({ ctx }: { ctx: OrgContext }): Promise<BotConfig[]> {
  requirePermission(ctx, "bot.manage");
  const db = await getDb();
  const groups = await db
    .select({ row: botConfigs, name: skillGroups.name })
    .from(botConfigs)
    .innerJoin(skillGroups, and(eq(skillGroups.id, botConfigs.skillGroupId), eq(skillGroups.orgId, ctx.org.id)))
    .where(eq(botConfigs.orgId, ctx.org.id))
    .orderBy(asc(skillGroups.name));
  const channelRows = await db
    .select({ row: botConfigs, name: channels.name })
    .from(botConfigs)
    .innerJoin(channels, and(eq(channels.id, botConfigs.channelId), eq(channels.orgId, ctx.org.id)))
    .where(eq(botConfigs.orgId, ctx.org.id))
    .orderBy(asc(channels.name));
  return [...groups, ...channelRows].map((r) => toBotConfig(r.row, r.name));
}
