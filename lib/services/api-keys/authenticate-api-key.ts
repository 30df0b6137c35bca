import { and, eq, isNull } from "drizzle-orm";
import { getDb } from "@/db/client";
import { apiKeys, organizations } from "@/db/schema";
import { sha256Hex } from "@/lib/crypto/hash";
import { UnauthorizedError } from "@/lib/errors";
import { buildContext, type OrgContext } from "@/lib/tenancy/context";

// lastUsedAt is written at most once a minute per key, so a busy integration does not turn every read into a write.
const LAST_USED_RESOLUTION_MS = 60_000;

/** The API-key half of the route-handler choke point: a live key yields the context of its organisation. */
export async function authenticateApiKey(secret: string): Promise<OrgContext> {
  const db = await getDb();
  const [row] = await db
    .select({ key: apiKeys, org: organizations })
    .from(apiKeys)
    .innerJoin(organizations, eq(organizations.id, apiKeys.orgId))
    .where(and(eq(apiKeys.keyHash, sha256Hex(secret)), isNull(apiKeys.revokedAt)));
  if (!row) throw new UnauthorizedError("Invalid or revoked API key.");
  const now = Date.now();
  if (!row.key.lastUsedAt || now - row.key.lastUsedAt.getTime() > LAST_USED_RESOLUTION_MS) {
    await db.update(apiKeys).set({ lastUsedAt: new Date(now) }).where(eq(apiKeys.id, row.key.id));
  }
  return buildContext({
    org: { id: row.org.id, slug: row.org.slug, name: row.org.name },
    actor: { type: "api_key", id: row.key.id, label: `API key ${row.key.name}` },
    role: row.key.role,
    membershipId: null,
  });
}
