import { and, eq, isNull } from "drizzle-orm";
import { getDb } from "@/db/client";
import { apiKeys, memberships, organizations } from "@/db/schema";
import { sha256Hex } from "@/lib/crypto/hash";
import { UnauthorizedError } from "@/lib/errors";
import { lesserRole } from "@/lib/permissions";
import { buildContext, type OrgContext } from "@/lib/tenancy/context";

// lastUsedAt is written at most once a minute per key, so a busy integration does not turn every read into a write.
const LAST_USED_RESOLUTION_MS = 60_000;

/**
 * The API-key half of the route-handler choke point: a live key yields the context of its organisation.
 * A key borrows its creator's authority: it works only while the creator is a member of the key's
 * organisation, and acts with the lesser of its own role and the creator's role today. Removal also revokes
 * the keys (remove-member.ts); this check is what holds for a demotion, and for anything removal missed.
 */
export async function authenticateApiKey(secret: string): Promise<OrgContext> {
  const db = await getDb();
  const [row] = await db
    .select({ key: apiKeys, org: organizations, creatorRole: memberships.role })
    .from(apiKeys)
    .innerJoin(organizations, eq(organizations.id, apiKeys.orgId))
    .innerJoin(memberships, and(eq(memberships.orgId, apiKeys.orgId), eq(memberships.userId, apiKeys.createdBy)))
    .where(and(eq(apiKeys.keyHash, sha256Hex(secret)), isNull(apiKeys.revokedAt)));
  if (!row?.key.createdBy) throw new UnauthorizedError("apiKeys.errors.invalid");
  // An organisation scheduled for deletion answers no API call, from the moment the owner asked; the keys are
  // kept (not revoked) so that cancelling the deletion brings the integrations back as they were.
  if (row.org.deleteAfter) throw new UnauthorizedError("apiKeys.errors.invalid");
  const now = Date.now();
  if (!row.key.lastUsedAt || now - row.key.lastUsedAt.getTime() > LAST_USED_RESOLUTION_MS) {
    await db.update(apiKeys).set({ lastUsedAt: new Date(now) }).where(eq(apiKeys.id, row.key.id));
  }
  return buildContext({
    org: { id: row.org.id, slug: row.org.slug, name: row.org.name },
    actor: { type: "api_key", id: row.key.id, label: `API key ${row.key.name}`, onBehalfOf: row.key.createdBy },
    role: lesserRole(row.key.role, row.creatorRole),
    membershipId: null,
  });
}
