import { eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { organizations } from "@/db/schema";
import { recordAudit } from "@/lib/audit";
import { ConflictError, ValidationError } from "@/lib/errors";
import { cancelOrganizationCampaigns } from "@/lib/services/campaigns";
import { requirePermission, type OrgContext } from "@/lib/tenancy/context";
import { parseInput } from "@/lib/validation";
import { getOrganizationRow, toOrganizationSettings } from "./queries";
import { DELETION_GRACE_DAYS, scheduleOrganizationDeletionSchema, type OrganizationSettings } from "./schemas";

const DAY_MS = 86_400_000;

/**
 * The owner deletes the organisation, confirming with its slug. It is scheduled, not removed: for
 * DELETION_GRACE_DAYS the owner can cancel (cancelOrganizationDeletion), then the purge workflow removes its
 * data. What must stop at once stops here: the campaigns that would send are cancelled, and from the commit on
 * its API keys are refused and only owners still reach it (authenticateApiKey, resolveUserOrgContext).
 */
export async function scheduleOrganizationDeletion({ ctx, input, now = new Date() }: { ctx: OrgContext; input: unknown; now?: Date }): Promise<OrganizationSettings> {
  const { confirmation } = parseInput(scheduleOrganizationDeletionSchema, input);
  requirePermission(ctx, "organization.delete");
  const db = await getDb();
  const { row, afterCommit } = await db.transaction(async (tx) => {
    const before = await getOrganizationRow(tx, ctx.org.id, { forUpdate: true });
    if (confirmation.toLowerCase() !== before.slug) throw ValidationError.forField("confirmation", "orgSettings.errors.confirmationMismatch", { slug: before.slug });
    if (before.deleteAfter) throw new ConflictError("orgSettings.errors.alreadyScheduled");
    const deleteAfter = new Date(now.getTime() + DELETION_GRACE_DAYS * DAY_MS);
    const [after] = await tx.update(organizations).set({ deletionRequestedAt: now, deleteAfter }).where(eq(organizations.id, before.id)).returning();
    const afterCommit = await cancelOrganizationCampaigns(tx, ctx);
    await recordAudit(tx, ctx, { action: "organization.deletion_scheduled", resourceId: before.id, after: { deleteAfter: deleteAfter.toISOString() } });
    return { row: after, afterCommit };
  });
  await afterCommit();
  return toOrganizationSettings(row);
}
