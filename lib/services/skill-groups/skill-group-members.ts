import { and, asc, eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { memberships, skillGroupMembers, users } from "@/db/schema";
import { recordAudit } from "@/lib/audit";
import { ConflictError, NotFoundError } from "@/lib/errors";
import { getMemberInOrg, memberColumns, toMember } from "@/lib/services/members/queries";
import type { Member } from "@/lib/services/members/schemas";
import { requirePermission, type OrgContext } from "@/lib/tenancy/context";
import { parseInput } from "@/lib/validation";
import { getSkillGroupInOrg } from "./queries";
import { skillGroupMemberInputSchema } from "./schemas";

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

/** Adds a member of the same organisation to a group; a member of another organisation is NotFound. */
export async function addSkillGroupMember({ ctx, skillGroupId, input }: { ctx: OrgContext; skillGroupId: string; input: unknown }): Promise<Member> {
  requirePermission(ctx, "skillGroups.manage");
  const { membershipId } = parseInput(skillGroupMemberInputSchema, input);
  const db = await getDb();
  return db.transaction(async (tx) => {
    const group = await getSkillGroupInOrg(tx, ctx, skillGroupId);
    const member = await getMemberInOrg(tx, ctx, membershipId);
    const inserted = await tx
      .insert(skillGroupMembers)
      .values({ orgId: ctx.org.id, skillGroupId, membershipId })
      .onConflictDoNothing()
      .returning();
    if (inserted.length === 0) throw new ConflictError(`${member.email} is already in ${group.name}.`);
    await recordAudit(tx, ctx, {
      action: "skill_group.member_added",
      resourceId: skillGroupId,
      after: { group: group.name, member: member.email },
    });
    return toMember(member);
  });
}

export async function removeSkillGroupMember({ ctx, skillGroupId, membershipId }: { ctx: OrgContext; skillGroupId: string; membershipId: string }): Promise<void> {
  requirePermission(ctx, "skillGroups.manage");
  const db = await getDb();
  await db.transaction(async (tx) => {
    const group = await getSkillGroupInOrg(tx, ctx, skillGroupId);
    const member = await getMemberInOrg(tx, ctx, membershipId);
    const removed = await tx
      .delete(skillGroupMembers)
      .where(and(eq(skillGroupMembers.orgId, ctx.org.id), eq(skillGroupMembers.skillGroupId, skillGroupId), eq(skillGroupMembers.membershipId, membershipId)))
      .returning();
    if (removed.length === 0) throw new NotFoundError("Skill group member");
    await recordAudit(tx, ctx, {
      action: "skill_group.member_removed",
      resourceId: skillGroupId,
      before: { group: group.name, member: member.email },
    });
  });
}
