import { eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { channels } from "@/db/schema";
import { recordAudit } from "@/lib/audit";
import { ConflictError } from "@/lib/errors";
import { requirePermission, type OrgContext } from "@/lib/tenancy/context";
import { forgetChannelRouting } from "./channel-routing";
import { getChannelInOrg, toChannel } from "./queries";
import type { Channel } from "./schemas";

/** Disabled channels answer Meta's webhook with 200 but store nothing, so Meta keeps the subscription alive. */
export async function setChannelEnabled({ ctx, channelId, enabled }: { ctx: OrgContext; channelId: string; enabled: boolean }): Promise<Channel> {
  requirePermission(ctx, "channels.manage");
  const db = await getDb();
  const row = await db.transaction(async (tx) => {
    const before = await getChannelInOrg(tx, ctx, channelId);
    // Without a token nothing would arrive (the app was unsubscribed) and nothing could be sent: reconnect first.
    if (enabled && before.disconnectedAt !== null) throw new ConflictError("channels.errors.disconnected");
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
