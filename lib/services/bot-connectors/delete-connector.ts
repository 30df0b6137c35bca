import { and, eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { botConfigs, botConnectors } from "@/db/schema";
import { recordAudit } from "@/lib/audit";
import { requirePermission, type OrgContext } from "@/lib/tenancy/context";
import { auditedFields, getConnectorInOrg } from "./queries";

/**
 * Deletes a connector. Bot configs that use it switch to the built-in engine first: the schema's "external
 * needs a connector" check would otherwise refuse the foreign key's set-null, and a config left pointing at
 * nothing would leave its conversations without a bot.
 */
export async function deleteConnector({ ctx, connectorId }: { ctx: OrgContext; connectorId: string }): Promise<void> {
  requirePermission(ctx, "bot.manage");
  const db = await getDb();
  await db.transaction(async (tx) => {
    const before = await getConnectorInOrg(tx, ctx, connectorId);
    await tx
      .update(botConfigs)
      .set({ engine: "builtin", connectorId: null, updatedAt: new Date() })
      .where(and(eq(botConfigs.orgId, ctx.org.id), eq(botConfigs.connectorId, connectorId)));
    await tx.delete(botConnectors).where(and(eq(botConnectors.orgId, ctx.org.id), eq(botConnectors.id, connectorId)));
    await recordAudit(tx, ctx, { action: "bot_connector.deleted", resourceId: connectorId, before: auditedFields(before) });
  });
}
