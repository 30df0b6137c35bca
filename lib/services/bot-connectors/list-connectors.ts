import { asc, eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { botConnectors } from "@/db/schema";
import { requirePermission, type OrgContext } from "@/lib/tenancy/context";
import { getConnectorInOrg, toConnector } from "./queries";
import type { Connector } from "./schemas";

/** The organisation's connectors by name. Those who manage the bot (the settings page picks from them). */
export async function listConnectors({ ctx }: { ctx: OrgContext }): Promise<Connector[]> {
  requirePermission(ctx, "bot.manage");
  const db = await getDb();
  const rows = await db.select().from(botConnectors).where(eq(botConnectors.orgId, ctx.org.id)).orderBy(asc(botConnectors.name)).limit(200);
  return rows.map(toConnector);
}

export async function getConnector({ ctx, connectorId }: { ctx: OrgContext; connectorId: string }): Promise<Connector> {
  requirePermission(ctx, "bot.manage");
  return toConnector(await getConnectorInOrg(await getDb(), ctx, connectorId));
}
