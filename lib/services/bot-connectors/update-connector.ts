import { and, eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { botConnectors } from "@/db/schema";
import { recordAudit } from "@/lib/audit";
import { requirePermission, type OrgContext } from "@/lib/tenancy/context";
import { parseInput } from "@/lib/validation";
import { auditedFields, getConnectorInOrg, toConnector } from "./queries";
import { connectorUpdateSchema, type Connector } from "./schemas";

/** Changes the fields sent (name, URL, timeout, fallback, enabled). Owners and admins. */
export async function updateConnector({ ctx, connectorId, input }: { ctx: OrgContext; connectorId: string; input: unknown }): Promise<Connector> {
  requirePermission(ctx, "bot.manage");
  const data = parseInput(connectorUpdateSchema, input);
  const db = await getDb();
  return db.transaction(async (tx) => {
    const before = await getConnectorInOrg(tx, ctx, connectorId);
    const [after] = await tx
      .update(botConnectors)
      .set({ ...data, updatedAt: new Date() })
      .where(and(eq(botConnectors.orgId, ctx.org.id), eq(botConnectors.id, connectorId)))
      .returning();
    await recordAudit(tx, ctx, { action: "bot_connector.updated", resourceId: connectorId, before: auditedFields(before), after: auditedFields(after!) });
    return toConnector(after!);
  });
}
