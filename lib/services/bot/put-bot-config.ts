import { and, eq, isNull } from "drizzle-orm";
import { getDb } from "@/db/client";
import { botConfigs, botConnectors, channels, skillGroups } from "@/db/schema";
import { recordAudit } from "@/lib/audit";
import { NotFoundError, ValidationError } from "@/lib/errors";
import { requirePermission, type OrgContext } from "@/lib/tenancy/context";
import { parseInput } from "@/lib/validation";
import { toBotConfig } from "./list-bot-configs";
import { botConfigInputSchema, type BotConfig } from "./schemas";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Sets the bot of one skill group or one channel (the whole configuration: a PUT replaces it). A channel's
 * configuration wins over its skill group's. Another organisation's group or channel answers 404, another
 * organisation's connector is an unknown connector (422). Owners and admins.
 */
export async function putBotConfig({ ctx, scope, input }: { ctx: OrgContext; scope: { skillGroupId: string } | { channelId: string }; input: unknown }): Promise<BotConfig> {
  requirePermission(ctx, "bot.manage");
  const data = parseInput(botConfigInputSchema, input);
  const db = await getDb();
  return db.transaction(async (tx) => {
    let name: string;
    if ("skillGroupId" in scope) {
      const [group] = UUID.test(scope.skillGroupId) ? await tx.select({ name: skillGroups.name }).from(skillGroups).where(and(eq(skillGroups.orgId, ctx.org.id), eq(skillGroups.id, scope.skillGroupId))) : [];
      if (!group) throw new NotFoundError("skillGroups.errors.notFound");
      name = group.name;
    } else {
      const [channel] = UUID.test(scope.channelId) ? await tx.select({ name: channels.name }).from(channels).where(and(eq(channels.orgId, ctx.org.id), eq(channels.id, scope.channelId), isNull(channels.deletedAt))) : [];
      if (!channel) throw new NotFoundError("channels.errors.notFound");
      name = channel.name;
    }
    if (data.connectorId) {
      const [connector] = await tx.select({ id: botConnectors.id }).from(botConnectors).where(and(eq(botConnectors.orgId, ctx.org.id), eq(botConnectors.id, data.connectorId)));
      if (!connector) throw ValidationError.forField("connectorId", "botSettings.errors.connector");
    }
    const values = {
      mode: data.mode,
      engine: data.engine,
      connectorId: data.engine === "external" ? data.connectorId : null,
      answerThreshold: data.answerThreshold,
      suggestThreshold: data.suggestThreshold,
      maxMisses: data.maxMisses,
      handoverKeywords: [...new Set(data.handoverKeywords)],
      humanFirstQueueLength: data.humanFirstQueueLength,
      texts: data.texts as typeof botConfigs.$inferInsert.texts,
      updatedByMembershipId: ctx.membershipId ?? null,
      updatedAt: new Date(),
    };
    const where = "skillGroupId" in scope ? eq(botConfigs.skillGroupId, scope.skillGroupId) : eq(botConfigs.channelId, scope.channelId);
    const [existing] = await tx.select().from(botConfigs).where(and(eq(botConfigs.orgId, ctx.org.id), where)).for("update");
    const [row] = existing
      ? await tx.update(botConfigs).set(values).where(eq(botConfigs.id, existing.id)).returning()
      : await tx
          .insert(botConfigs)
          .values({ orgId: ctx.org.id, ...("skillGroupId" in scope ? { skillGroupId: scope.skillGroupId } : { channelId: scope.channelId }), ...values })
          .returning();
    const fields = (r: typeof row) => (r ? { mode: r.mode, engine: r.engine, connectorId: r.connectorId, answerThreshold: r.answerThreshold, suggestThreshold: r.suggestThreshold, maxMisses: r.maxMisses, handoverKeywords: r.handoverKeywords, humanFirstQueueLength: r.humanFirstQueueLength, texts: r.texts } : null);
    await recordAudit(tx, ctx, { action: "bot_config.updated", resourceId: row!.id, before: fields(existing), after: { ...fields(row)!, ...("skillGroupId" in scope ? { skillGroupId: scope.skillGroupId } : { channelId: scope.channelId }) } });
    return toBotConfig(row!, name);
  });
}
