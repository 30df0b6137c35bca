import { and, eq, isNull } from "drizzle-orm";
import { getDb } from "@/db/client";
import { channels, skillGroups } from "@/db/schema";
import { recordAudit } from "@/lib/audit";
import { ConflictError, isUniqueViolation } from "@/lib/errors";
import { requirePermission, type OrgContext } from "@/lib/tenancy/context";
import { parseInput } from "@/lib/validation";
import { getSkillGroupInOrg, toSkillGroup } from "./queries";
import { skillGroupInputSchema, skillGroupUpdateSchema, type SkillGroup } from "./schemas";

function nameTaken(error: unknown, name: string | undefined): never {
  if (isUniqueViolation(error)) throw new ConflictError(`A skill group named "${name}" already exists.`);
  throw error;
}

export async function createSkillGroup({ ctx, input }: { ctx: OrgContext; input: unknown }): Promise<SkillGroup> {
  requirePermission(ctx, "skillGroups.manage");
  const data = parseInput(skillGroupInputSchema, input);
  const db = await getDb();
  return db
    .transaction(async (tx) => {
      const [row] = await tx.insert(skillGroups).values({ orgId: ctx.org.id, ...data }).returning();
      await recordAudit(tx, ctx, { action: "skill_group.created", resourceId: row.id, after: data });
      return toSkillGroup({ ...row, memberCount: 0 });
    })
    .catch((error) => nameTaken(error, data.name));
}

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

export async function deleteSkillGroup({ ctx, skillGroupId }: { ctx: OrgContext; skillGroupId: string }): Promise<void> {
  requirePermission(ctx, "skillGroups.manage");
  const db = await getDb();
  await db.transaction(async (tx) => {
    const before = await getSkillGroupInOrg(tx, ctx, skillGroupId);
    const bound = await tx
      .select({ name: channels.name })
      .from(channels)
      .where(and(eq(channels.skillGroupId, skillGroupId), isNull(channels.deletedAt)));
    if (bound.length > 0) throw new ConflictError(`This skill group answers the channel "${bound[0].name}". Move that channel to another group first.`);
    await tx.delete(skillGroups).where(and(eq(skillGroups.orgId, ctx.org.id), eq(skillGroups.id, skillGroupId)));
    await recordAudit(tx, ctx, {
      action: "skill_group.deleted",
      resourceId: skillGroupId,
      before: { name: before.name, description: before.description },
    });
  });
}
