import { and, asc, eq, gt, isNull } from "drizzle-orm";
import { getDb } from "@/db/client";
import { channels } from "@/db/schema";
import { pageQuerySchema, toPage, type Page, type PageQuery } from "@/lib/pagination";
import { requirePermission, type OrgContext } from "@/lib/tenancy/context";
import { parseInput } from "@/lib/validation";
import { toChannel } from "./queries";
import type { Channel } from "./schemas";

export async function listChannels({ ctx, input = {} }: { ctx: OrgContext; input?: Partial<PageQuery> }): Promise<Page<Channel>> {
  requirePermission(ctx, "channels.read");
  const { cursor, limit } = parseInput(pageQuerySchema, input);
  const db = await getDb();
  const rows = await db
    .select()
    .from(channels)
    .where(and(eq(channels.orgId, ctx.org.id), isNull(channels.deletedAt), cursor ? gt(channels.id, cursor) : undefined))
    .orderBy(asc(channels.id))
    .limit(limit + 1);
  const page = toPage(rows, limit);
  return { data: page.data.map((row) => toChannel(row, ctx)), nextCursor: page.nextCursor };
}
