import { and, eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { labels } from "@/db/schema";
import { recordAudit } from "@/lib/audit";
import { requirePermission, type OrgContext } from "@/lib/tenancy/context";
import { getLabelInOrg } from "./queries";

/** Deletes a label; the cascade takes it off every conversation (the audit row says how many). */
export async function deleteLabel({ ctx, labelId }: { ctx: OrgContext; labelId: string }): Promise<void> {
  requirePermission(ctx, "labels.manage");
  const db = await getDb();
  await db.transaction(async (tx) => {
    const before = await getLabelInOrg(tx, ctx, labelId);
    await tx.delete(labels).where(and(eq(labels.orgId, ctx.org.id), eq(labels.id, labelId)));
    await recordAudit(tx, ctx, {
      action: "label.deleted",
      resourceId: labelId,
      before: { name: before.name, color: before.color, description: before.description, conversationCount: before.conversationCount },
    });
  });
}
