import { eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { channels } from "@/db/schema";
import { recordAudit } from "@/lib/audit";
import { requirePermission, type OrgContext } from "@/lib/tenancy/context";
import { forgetChannelRouting } from "@/lib/webhook/channel-routing";
import { getChannelInOrg, toChannel } from "./queries";
import type { Channel } from "./schemas";

/** Disabled channels answer Meta's webhook with 200 but store nothing, so Meta keeps the subscription alive. */
export async function setChannelEnabled({ ctx, channelId, enabled }: { ctx: OrgContext; channelId: string; enabled: boolean }): Promise<Channel> {
  requirePermission(ctx, "channels.manage");
  const db = await getDb();
  const row = await db.transaction(async (tx) => {
    const before = await getChannelInOrg(tx, ctx, channelId);
    const status = enabled ? "active" : "disabled";
    const [after] = await tx.update(channels).set({ status }).where(eq(channels.id, before.id)).returning();
    await recordAudit(tx, ctx, {
      action: enabled ? "channel.enabled" : "channel.disabled",
      resourceId: channelId,
      before: { status: before.status },
      after: { status },
    });
    return after;
  });
  forgetChannelRouting(row.pageId);
  return toChannel(row, ctx);
}

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
