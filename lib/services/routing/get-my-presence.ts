import { and, eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { agentPresence } from "@/db/schema";
import { ForbiddenError } from "@/lib/errors";
import type { OrgContext } from "@/lib/tenancy/context";
import { groupsOf } from "./queries";
import type { Presence } from "./schemas";

/** The member's own presence (offline until they first set one), and whether they answer for any skill group. */
export async function getMyPresence({ ctx }: { ctx: OrgContext }): Promise<Presence & { skillGroupIds: string[] }> {
  const me = ctx.membershipId;
  if (!me) throw new ForbiddenError("routing.errors.membersOnly");
  const db = await getDb();
  const [row] = await db.select().from(agentPresence).where(and(eq(agentPresence.orgId, ctx.org.id), eq(agentPresence.membershipId, me)));
  return {
    membershipId: me,
    status: row?.status ?? "offline",
    changedBy: row?.changedBy ?? "manual",
    lastActivityAt: row?.lastActivityAt?.toISOString() ?? null,
    skillGroupIds: await groupsOf(db, ctx.org.id, me),
  };
}
