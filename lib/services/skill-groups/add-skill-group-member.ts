import { getDb } from "@/db/client";
import { skillGroupMembers } from "@/db/schema";
import { recordAudit } from "@/lib/audit";
import { ConflictError } from "@/lib/errors";
import { getMemberInOrg, toMember } from "@/lib/services/members";
import type { Member } from "@/lib/services/members/schemas";
import { requirePermission, type OrgContext } from "@/lib/tenancy/context";
import { parseInput } from "@/lib/validation";
import { getSkillGroupInOrg } from "./queries";
import { skillGroupMemberInputSchema } from "./schemas";

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
    if (inserted.length === 0) throw new ConflictError("skillGroups.errors.alreadyInGroup", { email: member.email, group: group.name });
    await recordAudit(tx, ctx, {
      action: "skill_group.member_added",
      resourceId: skillGroupId,
      after: { group: group.name, member: member.email },
    });
    return toMember(member);
  });
}
