import { and, desc, eq, isNull } from "drizzle-orm";
import { z } from "zod";
import { getDb } from "@/db/client";
import { apiKeys, users } from "@/db/schema";
import { recordAudit } from "@/lib/audit";
import { sha256Hex } from "@/lib/crypto/hash";
import { BadRequestError, ForbiddenError, NotFoundError } from "@/lib/errors";
import { randomToken } from "@/lib/ids";
import { assignableRoles, ROLES } from "@/lib/permissions";
import { actingUserId, requirePermission, type OrgContext } from "@/lib/tenancy/context";
import { inputString, parseInput } from "@/lib/validation";

export const API_KEY_PREFIX = "mdk_";

export const createApiKeySchema = z.object({
  name: inputString("Name", 60).min(1, { message: "Name is required." }),
  role: z.enum(ROLES).exclude(["owner"]).default("admin"),
});

export const apiKeySchema = z.object({
  id: z.uuid(),
  name: z.string(),
  prefix: z.string(),
  role: z.enum(ROLES),
  lastUsedAt: z.iso.datetime().nullable(),
  revokedAt: z.iso.datetime().nullable(),
  createdAt: z.iso.datetime(),
  /** The member whose authority the key carries; null once their account is gone (the key no longer works). */
  createdBy: z.object({ id: z.uuid(), name: z.string(), email: z.string() }).nullable(),
});
export type ApiKey = z.infer<typeof apiKeySchema>;

type Row = typeof apiKeys.$inferSelect;
type Creator = { id: string; name: string; email: string } | null;
function toApiKey(r: Row, creator: Creator): ApiKey {
  return {
    id: r.id,
    name: r.name,
    prefix: r.prefix,
    role: r.role,
    lastUsedAt: r.lastUsedAt?.toISOString() ?? null,
    revokedAt: r.revokedAt?.toISOString() ?? null,
    createdAt: r.createdAt.toISOString(),
    createdBy: creator,
  };
}

export function displayPrefix(secret: string): string {
  return secret.slice(0, API_KEY_PREFIX.length + 6);
}

export async function listApiKeys({ ctx }: { ctx: OrgContext }): Promise<ApiKey[]> {
  requirePermission(ctx, "apiKeys.manage");
  const db = await getDb();
  const rows = await db
    .select({ key: apiKeys, creator: { id: users.id, name: users.name, email: users.email } })
    .from(apiKeys)
    .leftJoin(users, eq(users.id, apiKeys.createdBy))
    .where(eq(apiKeys.orgId, ctx.org.id))
    .orderBy(desc(apiKeys.id));
  return rows.map((r) => toApiKey(r.key, r.creator));
}

/**
 * Creates a key; the secret is returned here once and only its hash is kept. A key carries its creator's
 * authority (authenticate-api-key.ts), so only a member can create one.
 */
export async function createApiKey({ ctx, input, secret }: { ctx: OrgContext; input: unknown; secret?: string }): Promise<{ apiKey: ApiKey; secret: string }> {
  requirePermission(ctx, "apiKeys.manage");
  const data = parseInput(createApiKeySchema, input);
  if (!assignableRoles(ctx.role).includes(data.role)) throw new ForbiddenError("You cannot create a key with more rights than your own.");
  const createdBy = actingUserId(ctx);
  if (!createdBy) throw new BadRequestError("An API key must be created by a member of the organisation.");
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

export async function revokeApiKey({ ctx, apiKeyId }: { ctx: OrgContext; apiKeyId: string }): Promise<void> {
  requirePermission(ctx, "apiKeys.manage");
  const db = await getDb();
  await db.transaction(async (tx) => {
    const [row] = await tx
      .update(apiKeys)
      .set({ revokedAt: new Date() })
      .where(and(eq(apiKeys.orgId, ctx.org.id), eq(apiKeys.id, apiKeyId), isNull(apiKeys.revokedAt)))
      .returning();
    if (!row) throw new NotFoundError("API key");
    await recordAudit(tx, ctx, { action: "api_key.revoked", resourceId: row.id, before: { name: row.name, prefix: row.prefix } });
  });
}
