import { and, eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { skillGroupMembers } from "@/db/schema";
import { recordAudit } from "@/lib/audit";
import { NotFoundError } from "@/lib/errors";
import { getMemberInOrg } from "@/lib/services/members";
import { requirePermission, type OrgContext } from "@/lib/tenancy/context";
import { getSkillGroupInOrg } from "./queries";

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
    if (removed.length === 0) throw new NotFoundError("skillGroups.errors.memberNotFound");
    await recordAudit(tx, ctx, {
      action: "skill_group.member_removed",
      resourceId: skillGroupId,
      before: { group: group.name, member: member.email },
    });
  });
}
