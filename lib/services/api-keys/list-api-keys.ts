import { desc, eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { apiKeys, users } from "@/db/schema";
import { requirePermission, type OrgContext } from "@/lib/tenancy/context";
import { ApiKey } from "./schemas";
import { toApiKey } from "./queries";

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
