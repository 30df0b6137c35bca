import { and, asc, eq, ilike, isNull, or, sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { cannedReplies, skillGroups } from "@/db/schema";
import { requirePermission, type OrgContext } from "@/lib/tenancy/context";
import { parseInput } from "@/lib/validation";
import { cannedReplyColumns, toCannedReply } from "./queries";
import { cannedReplyListQuerySchema, type CannedReply, type CannedReplyListQuery } from "./schemas";

/** `%`, `_` and `\` typed by a person are letters, not LIKE wildcards. */
export function likePattern(q: string): string {
  return `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/**
 * The organisation's canned replies, the organisation-wide ones first then by skill group, each by shortcut;
 * optionally only one scope (`skill_group_id`: a group's id, or "organization") and matching `q`.
 * Everyone who may reply may read them (the settings screen and the API list them).
 */
export async function listCannedReplies({ ctx, input = {} }: { ctx: OrgContext; input?: CannedReplyListQuery }): Promise<CannedReply[]> {
  requirePermission(ctx, "conversations.reply");
  const { q, skill_group_id: scope } = parseInput(cannedReplyListQuerySchema, input);
  const db = await getDb();
  const rows = await db
    .select(cannedReplyColumns)
    .from(cannedReplies)
    .leftJoin(skillGroups, eq(skillGroups.id, cannedReplies.skillGroupId))
    .where(
      and(
        eq(cannedReplies.orgId, ctx.org.id),
        scope === "organization" ? isNull(cannedReplies.skillGroupId) : scope ? eq(cannedReplies.skillGroupId, scope) : undefined,
        q ? or(ilike(cannedReplies.shortcut, likePattern(q)), ilike(cannedReplies.content, likePattern(q))) : undefined,
      ),
    )
    .orderBy(sql`${cannedReplies.skillGroupId} is not null`, asc(skillGroups.name), asc(sql`lower(${cannedReplies.shortcut})`))
    .limit(1000);
  return rows.map(toCannedReply);
}
