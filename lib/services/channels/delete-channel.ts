import { eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { channels } from "@/db/schema";
import { recordAudit } from "@/lib/audit";
import { requirePermission, type OrgContext } from "@/lib/tenancy/context";
import { forgetChannelRouting } from "./channel-routing";
import { getChannelInOrg } from "./queries";

/** Soft delete: history (contacts, conversations, messages) stays; processing stops; the Page may be connected again. */
export async function deleteChannel({ ctx, channelId }: { ctx: OrgContext; channelId: string }): Promise<void> {
  requirePermission(ctx, "channels.manage");
  const db = await getDb();
  const row = await db.transaction(async (tx) => {
    const before = await getChannelInOrg(tx, ctx, channelId);
    await tx.update(channels).set({ deletedAt: new Date(), status: "disabled" }).where(eq(channels.id, before.id));
    await recordAudit(tx, ctx, { action: "channel.deleted", resourceId: channelId, before: { name: before.name, pageId: before.pageId } });
    return before;
  });
  forgetChannelRouting(row.pageId);
}
