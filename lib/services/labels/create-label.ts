import { getDb } from "@/db/client";
import { labels } from "@/db/schema";
import { recordAudit } from "@/lib/audit";
import { requirePermission, type OrgContext } from "@/lib/tenancy/context";
import { parseInput } from "@/lib/validation";
import { nameTaken, toLabel } from "./queries";
import { labelInputSchema, type Label } from "./schemas";

export async function createLabel({ ctx, input }: { ctx: OrgContext; input: unknown }): Promise<Label> {
  requirePermission(ctx, "labels.manage");
  const data = parseInput(labelInputSchema, input);
  const db = await getDb();
  return db
    .transaction(async (tx) => {
      const [row] = await tx.insert(labels).values({ orgId: ctx.org.id, ...data }).returning();
      await recordAudit(tx, ctx, { action: "label.created", resourceId: row.id, after: data });
      return toLabel({ ...row, conversationCount: 0 });
    })
    .catch((error) => nameTaken(error, data.name));
}
