import { getDb } from "@/db/client";
import { cannedReplies } from "@/db/schema";
import { recordAudit } from "@/lib/audit";
import { requirePermission, type OrgContext } from "@/lib/tenancy/context";
import { parseInput } from "@/lib/validation";
import { getCannedReplyInOrg, requireScope, shortcutTaken, toCannedReply } from "./queries";
import { cannedReplyInputSchema, type CannedReply } from "./schemas";

/** A new canned reply, for the whole organisation (skillGroupId null) or one skill group. Owners and admins. */
export async function createCannedReply({ ctx, input }: { ctx: OrgContext; input: unknown }): Promise<CannedReply> {
  requirePermission(ctx, "cannedReplies.manage");
  const data = parseInput(cannedReplyInputSchema, input);
  const db = await getDb();
  return db
    .transaction(async (tx) => {
      await requireScope(tx, ctx, data.skillGroupId);
      const [row] = await tx
        .insert(cannedReplies)
        .values({ orgId: ctx.org.id, ...data, createdByMembershipId: ctx.membershipId })
        .returning({ id: cannedReplies.id });
      await recordAudit(tx, ctx, { action: "canned_reply.created", resourceId: row!.id, after: data });
      return toCannedReply(await getCannedReplyInOrg(tx, ctx, row!.id));
    })
    .catch((error) => shortcutTaken(error, data.shortcut));
}
