import { and, eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { memberships } from "@/db/schema";
import type { OrgContext } from "./context";

/**
 * The context with the acting member's membership: an API key acts for the member who created it (claims for
 * them, sets their presence), with the key's own role. A signed-in member's context is returned as it is; a
 * key whose creator is no longer a member gets none, and member-only verbs refuse it.
 */
export async function withActingMembership(ctx: OrgContext): Promise<OrgContext> {
  if (ctx.membershipId || ctx.actor.type !== "api_key" || !ctx.actor.onBehalfOf) return ctx;
  const db = await getDb();
  const [row] = await db
    .select({ id: memberships.id })
    .from(memberships)
    .where(and(eq(memberships.orgId, ctx.org.id), eq(memberships.userId, ctx.actor.onBehalfOf)));
  return row ? { ...ctx, membershipId: row.id } : ctx;
}
