import { and, eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { skillGroups } from "@/db/schema";
import { recordAudit } from "@/lib/audit";
import { requirePermission, type OrgContext } from "@/lib/tenancy/context";
import { parseInput } from "@/lib/validation";
import { getSkillGroupInOrg, toSkillGroup } from "./queries";
import { skillGroupUpdateSchema, type SkillGroup } from "./schemas";
import { nameTaken } from "./create-skill-group";

export async function updateSkillGroup({ ctx, skillGroupId, input }: { ctx: OrgContext; skillGroupId: string; input: unknown }): Promise<SkillGroup> {
  requirePermission(ctx, "skillGroups.manage");
  const data = parseInput(skillGroupUpdateSchema, input);
  const db = await getDb();
  return db
    .transaction(async (tx) => {
      const before = await getSkillGroupInOrg(tx, ctx, skillGroupId);
      await tx
        .update(skillGroups)
        .set(data)
        .where(and(eq(skillGroups.orgId, ctx.org.id), eq(skillGroups.id, skillGroupId)));
      const after = await getSkillGroupInOrg(tx, ctx, skillGroupId);
      await recordAudit(tx, ctx, {
        action: "skill_group.updated",
        resourceId: skillGroupId,
        before: { name: before.name, description: before.description },
        after: { name: after.name, description: after.description },
      });
      return toSkillGroup(after);
    })
    .catch((error) => nameTaken(error, data.name));
}
