import { and, asc, eq, gt } from "drizzle-orm";
import { getDb } from "@/db/client";
import { memberships, users } from "@/db/schema";
import { toPage, pageQuerySchema, type Page, type PageQuery } from "@/lib/pagination";
import { requirePermission, type OrgContext } from "@/lib/tenancy/context";
import { parseInput } from "@/lib/validation";
import { memberColumns, toMember } from "./queries";
import type { Member } from "./schemas";

export async function listMembers({ ctx, input = {} }: { ctx: OrgContext; input?: Partial<PageQuery> }): Promise<Page<Member>> {
  requirePermission(ctx, "members.read");
  const { cursor, limit } = parseInput(pageQuerySchema, input);
  const db = await getDb();
  const rows = await db
    .select(memberColumns)
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(eq(memberships.orgId, ctx.org.id), cursor ? gt(memberships.id, cursor) : undefined))
    .orderBy(asc(memberships.id))
    .limit(limit + 1);
  const page = toPage(rows, limit);
  return { data: page.data.map(toMember), nextCursor: page.nextCursor };
}
