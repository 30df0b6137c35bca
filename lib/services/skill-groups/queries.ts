import { and, eq, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { skillGroupMembers, skillGroups } from "@/db/schema";
import { NotFoundError } from "@/lib/errors";
import type { OrgContext } from "@/lib/tenancy/context";
import type { SkillGroup } from "./schemas";

export const skillGroupColumns = {
  id: skillGroups.id,
  name: skillGroups.name,
  description: skillGroups.description,
  createdAt: skillGroups.createdAt,
  updatedAt: skillGroups.updatedAt,
  memberCount: sql<number>`(select count(*)::int from ${skillGroupMembers} where ${skillGroupMembers.skillGroupId} = ${skillGroups.id})`,
};

type Row = { id: string; name: string; description: string; createdAt: Date; updatedAt: Date; memberCount: number };
export function toSkillGroup(row: Row): SkillGroup {
  return { ...row, memberCount: Number(row.memberCount), createdAt: row.createdAt.toISOString(), updatedAt: row.updatedAt.toISOString() };
}

/** Fetch-or-throw within the tenant: another organisation's group is NotFound. */
export async function getSkillGroupInOrg(db: DbOrTx, ctx: OrgContext, id: string) {
  const [row] = await db
    .select(skillGroupColumns)
    .from(skillGroups)
    .where(and(eq(skillGroups.orgId, ctx.org.id), eq(skillGroups.id, id)));
  if (!row) throw new NotFoundError("skillGroups.errors.notFound");
  return row;
}
