import { getDb } from "@/db/client";
import { skillGroups } from "@/db/schema";
import { recordAudit } from "@/lib/audit";
import { ConflictError, isUniqueViolation } from "@/lib/errors";
import { requirePermission, type OrgContext } from "@/lib/tenancy/context";
import { parseInput } from "@/lib/validation";
import { toSkillGroup } from "./queries";
import { skillGroupInputSchema, type SkillGroup } from "./schemas";

export function nameTaken(error: unknown, name: string | undefined): never {
  if (isUniqueViolation(error)) throw new ConflictError("skillGroups.errors.nameTaken", { name: String(name) });
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
