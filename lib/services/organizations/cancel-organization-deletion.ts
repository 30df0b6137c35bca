import { eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { organizations } from "@/db/schema";
import { recordAudit } from "@/lib/audit";
import { ConflictError } from "@/lib/errors";
import { requirePermission, type OrgContext } from "@/lib/tenancy/context";
import { getOrganizationRow, toOrganizationSettings } from "./queries";
import type { OrganizationSettings } from "./schemas";

/**
 * The owner restores an organisation during its grace period: members and API keys work again. Campaigns
 * cancelled by the deletion stay cancelled (a send restarting by itself days later would surprise everyone).
 */
export async function cancelOrganizationDeletion({ ctx }: { ctx: OrgContext }): Promise<OrganizationSettings> {
  requirePermission(ctx, "organization.delete");
  const db = await getDb();
  const row = await db.transaction(async (tx) => {
    const before = await getOrganizationRow(tx, ctx.org.id, { forUpdate: true });
    if (!before.deleteAfter) throw new ConflictError("orgSettings.errors.notScheduled");
    const [after] = await tx.update(organizations).set({ deletionRequestedAt: null, deleteAfter: null }).where(eq(organizations.id, before.id)).returning();
    await recordAudit(tx, ctx, { action: "organization.deletion_cancelled", resourceId: before.id, before: { deleteAfter: before.deleteAfter.toISOString() } });
    return after;
  });
  return toOrganizationSettings(row);
}
