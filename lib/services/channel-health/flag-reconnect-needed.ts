import { eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { channels } from "@/db/schema";
import { recordSystemAudit } from "@/lib/audit";

/**
 * Flags a channel whose token Graph refused with 190, wherever that was noticed (sends, profile fetches).
 * Only the transition into "reconnect needed" is audited (as the system), not every refusal after it.
 */
export async function flagReconnectNeeded(channelId: string, reason: string): Promise<void> {
  const db = await getDb();
  await db.transaction(async (tx) => {
    const [before] = await tx.select({ orgId: channels.orgId, reconnectReason: channels.reconnectReason }).from(channels).where(eq(channels.id, channelId)).for("update");
    if (!before) return;
    await tx.update(channels).set({ reconnectReason: reason }).where(eq(channels.id, channelId));
    if (before.reconnectReason === null) {
      await recordSystemAudit(tx, before.orgId, { action: "channel.reconnect_needed", resourceId: channelId, after: { reconnectReason: reason } });
    }
  });
}
