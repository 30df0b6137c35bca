import { and, eq, isNull } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { apiKeys } from "@/db/schema";
import { recordAudit } from "@/lib/audit";
import type { OrgContext } from "@/lib/tenancy/context";

/**
 * Revokes every live key a member created in the organisation, with an audit row each, in the caller's
 * transaction: called when the member is removed, so their keys stop with their access.
 */
export async function revokeApiKeysCreatedBy(tx: DbOrTx, ctx: OrgContext, userId: string): Promise<number> {
  const revoked = await tx
    .update(apiKeys)
    .set({ revokedAt: new Date() })
    .where(and(eq(apiKeys.orgId, ctx.org.id), eq(apiKeys.createdBy, userId), isNull(apiKeys.revokedAt)))
    .returning();
  for (const key of revoked) {
    await recordAudit(tx, ctx, {
      action: "api_key.revoked",
      resourceId: key.id,
      before: { name: key.name, prefix: key.prefix },
      after: { reason: "creator_removed" },
    });
  }
  return revoked.length;
}
