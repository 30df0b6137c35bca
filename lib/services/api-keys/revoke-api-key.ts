import { and, eq, isNull } from "drizzle-orm";
import { getDb } from "@/db/client";
import { apiKeys } from "@/db/schema";
import { recordAudit } from "@/lib/audit";
import { NotFoundError } from "@/lib/errors";
import { requirePermission, type OrgContext } from "@/lib/tenancy/context";

export async function revokeApiKey({ ctx, apiKeyId }: { ctx: OrgContext; apiKeyId: string }): Promise<void> {
  requirePermission(ctx, "apiKeys.manage");
  const db = await getDb();
  await db.transaction(async (tx) => {
    const [row] = await tx
      .update(apiKeys)
      .set({ revokedAt: new Date() })
      .where(and(eq(apiKeys.orgId, ctx.org.id), eq(apiKeys.id, apiKeyId), isNull(apiKeys.revokedAt)))
      .returning();
    if (!row) throw new NotFoundError("apiKeys.errors.notFound");
    await recordAudit(tx, ctx, { action: "api_key.revoked", resourceId: row.id, before: { name: row.name, prefix: row.prefix } });
  });
}
