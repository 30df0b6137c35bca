import { and, eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { botConnectors } from "@/db/schema";
import { recordAudit } from "@/lib/audit";
import { seal } from "@/lib/crypto/secrets";
import { requirePermission, type OrgContext } from "@/lib/tenancy/context";
import { getConnectorInOrg, toConnector } from "./queries";
import type { ConnectorWithSecret } from "./schemas";
import { generateConnectorSecret } from "./sign";

/** A new signing secret, returned this once; calls are signed with it from now on (the old one stops at once). */
export async function rotateConnectorSecret({ ctx, connectorId }: { ctx: OrgContext; connectorId: string }): Promise<ConnectorWithSecret> {
  requirePermission(ctx, "bot.manage");
  const secret = generateConnectorSecret();
  const db = await getDb();
  return db.transaction(async (tx) => {
    await getConnectorInOrg(tx, ctx, connectorId);
    const [row] = await tx
      .update(botConnectors)
      .set({ secretSealed: seal(secret), updatedAt: new Date() })
      .where(and(eq(botConnectors.orgId, ctx.org.id), eq(botConnectors.id, connectorId)))
      .returning();
    await recordAudit(tx, ctx, { action: "bot_connector.secret_rotated", resourceId: connectorId });
    return { connector: toConnector(row!), secret };
  });
}
