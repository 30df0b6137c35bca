import { eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { apiKeys, users } from "@/db/schema";
import { recordAudit } from "@/lib/audit";
import { sha256Hex } from "@/lib/crypto/hash";
import { BadRequestError, ForbiddenError } from "@/lib/errors";
import { randomToken } from "@/db/ids";
import { assignableRoles } from "@/lib/permissions";
import { actingUserId, requirePermission, type OrgContext } from "@/lib/tenancy/context";
import { parseInput } from "@/lib/validation";
import { ApiKey, createApiKeySchema, API_KEY_PREFIX } from "./schemas";
import { displayPrefix, toApiKey } from "./queries";

/**
 * Creates a key; the secret is returned here once and only its hash is kept. A key carries its creator's
 * authority (authenticate-api-key.ts), so only a member can create one.
 */
export async function createApiKey({ ctx, input, secret }: { ctx: OrgContext; input: unknown; secret?: string }): Promise<{ apiKey: ApiKey; secret: string }> {
  requirePermission(ctx, "apiKeys.manage");
  const data = parseInput(createApiKeySchema, input);
  if (!assignableRoles(ctx.role).includes(data.role)) throw new ForbiddenError("apiKeys.errors.moreRights");
  const createdBy = actingUserId(ctx);
  if (!createdBy) throw new BadRequestError("apiKeys.errors.needsMember");
  const key = secret ?? `${API_KEY_PREFIX}${randomToken(24)}`;
  const db = await getDb();
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(apiKeys)
      .values({ orgId: ctx.org.id, name: data.name, role: data.role, prefix: displayPrefix(key), keyHash: sha256Hex(key), createdBy })
      .returning();
    await recordAudit(tx, ctx, { action: "api_key.created", resourceId: row.id, after: { name: row.name, role: row.role, prefix: row.prefix } });
    const [creator] = await tx.select({ id: users.id, name: users.name, email: users.email }).from(users).where(eq(users.id, createdBy));
    return { apiKey: toApiKey(row, creator ?? null), secret: key };
  });
}
