import { and, eq, isNull } from "drizzle-orm";
import { getDb } from "@/db/client";
import { channels, skillGroups } from "@/db/schema";
import { recordAudit } from "@/lib/audit";
import { ConflictError } from "@/lib/errors";
import { requirePermission, type OrgContext } from "@/lib/tenancy/context";
import { getSkillGroupInOrg } from "./queries";

export async function deleteSkillGroup({ ctx, skillGroupId }: { ctx: OrgContext; skillGroupId: string }): Promise<void> {
  requirePermission(ctx, "skillGroups.manage");
  const db = await getDb();
  await db.transaction(async (tx) => {
    const before = await getSkillGroupInOrg(tx, ctx, skillGroupId);
    const bound = await tx
      .select({ name: channels.name })
      .from(channels)
      .where(and(eq(channels.skillGroupId, skillGroupId), isNull(channels.deletedAt)));
    if (bound.length > 0) throw new ConflictError("skillGroups.errors.answersChannel", { channel: bound[0].name });
    await tx.delete(skillGroups).where(and(eq(skillGroups.orgId, ctx.org.id), eq(skillGroups.id, skillGroupId)));
    await recordAudit(tx, ctx, {
      action: "skill_group.deleted",
      resourceId: skillGroupId,
      before: { name: before.name, description: before.description },
    });
  });
}
