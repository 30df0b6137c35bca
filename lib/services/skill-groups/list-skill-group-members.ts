import { and, asc, eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { memberships, skillGroupMembers, users } from "@/db/schema";
import { memberColumns, toMember } from "@/lib/services/members";
import type { Member } from "@/lib/services/members/schemas";
import { requirePermission, type OrgContext } from "@/lib/tenancy/context";
import { getSkillGroupInOrg } from "./queries";

export async function listSkillGroupMembers({ ctx, skillGroupId }: { ctx: OrgContext; skillGroupId: string }): Promise<Member[]> {
  requirePermission(ctx, "members.read");
  const db = await getDb();
  await getSkillGroupInOrg(db, ctx, skillGroupId);
  const rows = await db
    .select(memberColumns)
    .from(skillGroupMembers)
    .innerJoin(memberships, eq(memberships.id, skillGroupMembers.membershipId))
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(eq(skillGroupMembers.orgId, ctx.org.id), eq(skillGroupMembers.skillGroupId, skillGroupId)))
    .orderBy(asc(users.email));
  return rows.map(toMember);
}
