import { and, eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { cannedReplies } from "@/db/schema";
import { recordAudit } from "@/lib/audit";
import { requirePermission, type OrgContext } from "@/lib/tenancy/context";
import { parseInput } from "@/lib/validation";
import { getCannedReplyInOrg, requireScope, shortcutTaken, toCannedReply } from "./queries";
import { cannedReplyUpdateSchema, type CannedReply } from "./schemas";

/** Changes the fields sent (shortcut, content, scope). Owners and admins. */
export async function updateCannedReply({ ctx, cannedReplyId, input }: { ctx: OrgContext; cannedReplyId: string; input: unknown }): Promise<CannedReply> {
  requirePermission(ctx, "cannedReplies.manage");
  const data = parseInput(cannedReplyUpdateSchema, input);
  const db = await getDb();
  return db
    .transaction(async (tx) => {
      const before = await getCannedReplyInOrg(tx, ctx, cannedReplyId);
      if (data.skillGroupId !== undefined) await requireScope(tx, ctx, data.skillGroupId);
      await tx
        .update(cannedReplies)
        .set(data)
        .where(and(eq(cannedReplies.orgId, ctx.org.id), eq(cannedReplies.id, cannedReplyId)));
      const after = await getCannedReplyInOrg(tx, ctx, cannedReplyId);
      const fields = (r: typeof before) => ({ shortcut: r.shortcut, content: r.content, skillGroupId: r.skillGroupId });
      await recordAudit(tx, ctx, { action: "canned_reply.updated", resourceId: cannedReplyId, before: fields(before), after: fields(after) });
      return toCannedReply(after);
    })
    .catch((error) => shortcutTaken(error, data.shortcut));
}
