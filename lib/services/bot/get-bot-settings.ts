import { and, asc, eq, isNull } from "drizzle-orm";
import { getDb } from "@/db/client";
import { botConnectors, channels, skillGroups } from "@/db/schema";
import { DEFAULT_THRESHOLDS } from "@/lib/services/faqs";
import { requirePermission, type OrgContext } from "@/lib/tenancy/context";
import { listBotConfigs } from "./list-bot-configs";
import type { BotSettings } from "./schemas";

/**
 * What the bot's settings page shows: every skill group and channel with its configuration (or none), the
 * organisation's connectors to choose from, and the evaluated default thresholds. Owners and admins.
 */
export async function getBotSettings({ ctx }: { ctx: OrgContext }): Promise<BotSettings> {
  requirePermission(ctx, "bot.manage");
  const db = await getDb();
  const configs = await listBotConfigs({ ctx });
  const groups = await db.select({ id: skillGroups.id, name: skillGroups.name }).from(skillGroups).where(eq(skillGroups.orgId, ctx.org.id)).orderBy(asc(skillGroups.name));
  const channelRows = await db
    .select({ id: channels.id, name: channels.name, skillGroupId: channels.skillGroupId })
    .from(channels)
    .where(and(eq(channels.orgId, ctx.org.id), isNull(channels.deletedAt)))
    .orderBy(asc(channels.name));
  const connectors = await db.select({ id: botConnectors.id, name: botConnectors.name }).from(botConnectors).where(eq(botConnectors.orgId, ctx.org.id)).orderBy(asc(botConnectors.name));
  return {
    targets: [
      ...groups.map((g) => ({ scope: "skill_group" as const, id: g.id, name: g.name, skillGroupName: null, config: configs.find((c) => c.skillGroupId === g.id) ?? null })),
      ...channelRows.map((c) => ({ scope: "channel" as const, id: c.id, name: c.name, skillGroupName: groups.find((g) => g.id === c.skillGroupId)?.name ?? null, config: configs.find((k) => k.channelId === c.id) ?? null })),
    ],
    connectors,
    defaults: { answer: DEFAULT_THRESHOLDS.answer, suggest: DEFAULT_THRESHOLDS.suggest },
  };
}
