import { getDb } from "@/db/client";
import { botConnectors } from "@/db/schema";
import { recordAudit } from "@/lib/audit";
import { seal } from "@/lib/crypto/secrets";
import { requirePermission, type OrgContext } from "@/lib/tenancy/context";
import { parseInput } from "@/lib/validation";
import { auditedFields, toConnector } from "./queries";
import { connectorInputSchema, type ConnectorWithSecret } from "./schemas";
import { generateConnectorSecret } from "./sign";

/** A new external bot connector with a generated secret, returned this once (sealed at rest). Owners and admins. */
export async function createConnector({ ctx, input }: { ctx: OrgContext; input: unknown }): Promise<ConnectorWithSecret> {
  requirePermission(ctx, "bot.manage");
  const data = parseInput(connectorInputSchema, input);
  const secret = generateConnectorSecret();
  const db = await getDb();
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(botConnectors)
      .values({ orgId: ctx.org.id, ...data, secretSealed: seal(secret) })
      .returning();
    await recordAudit(tx, ctx, { action: "bot_connector.created", resourceId: row!.id, after: auditedFields(row!) });
    return { connector: toConnector(row!), secret };
  });
}
