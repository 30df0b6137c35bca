import { and, eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { labels } from "@/db/schema";
import { recordAudit } from "@/lib/audit";
import { requirePermission, type OrgContext } from "@/lib/tenancy/context";
import { parseInput } from "@/lib/validation";
import { getLabelInOrg, nameTaken, toLabel } from "./queries";
import { labelUpdateSchema, type Label } from "./schemas";

/** Renames, recolours or describes a label; the conversations carrying it show the change. */
export async function updateLabel({ ctx, labelId, input }: { ctx: OrgContext; labelId: string; input: unknown }): Promise<Label> {
  requirePermission(ctx, "labels.manage");
  const data = parseInput(labelUpdateSchema, input);
  const db = await getDb();
  return db
    .transaction(async (tx) => {
      const before = await getLabelInOrg(tx, ctx, labelId);
      await tx
        .update(labels)
        .set(data)
        .where(and(eq(labels.orgId, ctx.org.id), eq(labels.id, labelId)));
      const after = await getLabelInOrg(tx, ctx, labelId);
      const fields = (row: typeof before) => ({ name: row.name, color: row.color, description: row.description });
      await recordAudit(tx, ctx, { action: "label.updated", resourceId: labelId, before: fields(before), after: fields(after) });
      return toLabel(after);
    })
    .catch((error) => nameTaken(error, data.name));
}
