import { getDb } from "@/db/client";
import { requirePermission, type OrgContext } from "@/lib/tenancy/context";
import { getSkillGroupInOrg, toSkillGroup } from "./queries";
import type { SkillGroup } from "./schemas";

export async function getSkillGroup({ ctx, skillGroupId }: { ctx: OrgContext; skillGroupId: string }): Promise<SkillGroup> {
  requirePermission(ctx, "members.read");
  return toSkillGroup(await getSkillGroupInOrg(await getDb(), ctx, skillGroupId));
}
