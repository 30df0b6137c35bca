import { and, asc, eq, gt } from "drizzle-orm";
import { getDb } from "@/db/client";
import { skillGroups } from "@/db/schema";
import { pageQuerySchema, toPage, type Page, type PageQuery } from "@/lib/pagination";
import { requirePermission, type OrgContext } from "@/lib/tenancy/context";
import { parseInput } from "@/lib/validation";
import { skillGroupColumns, toSkillGroup } from "./queries";
import type { SkillGroup } from "./schemas";

export async function listSkillGroups({ ctx, input = {} }: { ctx: OrgContext; input?: Partial<PageQuery> }): Promise<Page<SkillGroup>> {
  requirePermission(ctx, "members.read");
  const { cursor, limit } = parseInput(pageQuerySchema, input);
  const db = await getDb();
  const rows = await db
    .select(skillGroupColumns)
    .from(skillGroups)
    .where(and(eq(skillGroups.orgId, ctx.org.id), cursor ? gt(skillGroups.id, cursor) : undefined))
    .orderBy(asc(skillGroups.id))
    .limit(limit + 1);
  const page = toPage(rows, limit);
  return { data: page.data.map(toSkillGroup), nextCursor: page.nextCursor };
}
