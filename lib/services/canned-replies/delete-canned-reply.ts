import { and, eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { cannedReplies } from "@/db/schema";
import { recordAudit } from "@/lib/audit";
import { requirePermission, type OrgContext } from "@/lib/tenancy/context";
import { getCannedReplyInOrg } from "./queries";

export async function deleteCannedReply({ ctx, cannedReplyId }: { ctx: OrgContext; cannedReplyId: string }): Promise<void> {
  requirePermission(ctx, "cannedReplies.manage");
  const db = await getDb();
  await db.transaction(async (tx) => {
    const before = await getCannedReplyInOrg(tx, ctx, cannedReplyId);
    await tx.delete(cannedReplies).where(and(eq(cannedReplies.orgId, ctx.org.id), eq(cannedReplies.id, cannedReplyId)));
    await recordAudit(tx, ctx, { action: "canned_reply.deleted", resourceId: cannedReplyId, before: { shortcut: before.shortcut, content: before.content, skillGroupId: before.skillGroupId } });
  });
}
