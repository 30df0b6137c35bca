import { eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { channels } from "@/db/schema";
import { recordAudit } from "@/lib/audit";
import { open } from "@/lib/crypto/secrets";
import { GraphClient } from "@/lib/graph/client";
import { GraphError, GraphNetworkError } from "@/lib/graph/errors";
import { requirePermission, type OrgContext } from "@/lib/tenancy/context";
import { recordChannelError } from "@/lib/services/channel-health";
import { forgetChannelRouting } from "./channel-routing";
import { getChannelInOrg, toChannel } from "./queries";
import type { Channel } from "./schemas";

export interface DisconnectResult {
  channel: Channel;
  /** Meta confirmed the app no longer receives the Page's webhooks. */
  unsubscribed: boolean;
  /** Why Meta could not be told (a dead token, Graph unreachable): the Page may still deliver until someone removes the app there. */
  unsubscribeFailure: string | null;
}

/**
 * Disconnects a channel from its Page: the app is unsubscribed from the Page's webhooks (with the Page token,
 * while it still works), the Page token is removed, and the channel is switched off. Contacts, conversations and
 * messages stay, and the channel can be deleted or connected again. A token Meta no longer takes, or Graph out of
 * reach, does not block the disconnect: removing the token is what the person asked for, and the failure is kept
 * (the answer, the audit row and the health panel say so). Disconnecting twice changes nothing the second time.
 */
export async function disconnectChannel({ ctx, channelId }: { ctx: OrgContext; channelId: string }): Promise<DisconnectResult> {
  requirePermission(ctx, "channels.manage");
  const db = await getDb();
  const row = await getChannelInOrg(db, ctx, channelId);
  if (row.disconnectedAt !== null || row.pageAccessTokenSealed === null) {
    return { channel: toChannel(row, ctx), unsubscribed: false, unsubscribeFailure: null };
  }

  // Outside the transaction: a Graph call (up to its timeout) must not hold the channel's row.
  let unsubscribeFailure: { reason: string; code?: number } | null = null;
  try {
    await new GraphClient({ version: row.graphApiVersion }).unsubscribeApp(row.pageId, open(row.pageAccessTokenSealed));
  } catch (error) {
    if (error instanceof GraphError) unsubscribeFailure = { reason: error.reason, code: error.code };
    else if (error instanceof GraphNetworkError) unsubscribeFailure = { reason: error.message };
    else throw error;
  }

  const after = await db.transaction(async (tx) => {
    const before = await getChannelInOrg(tx, ctx, channelId);
    const [updated] = await tx
      .update(channels)
      .set({
        pageAccessTokenSealed: null,
        disconnectedAt: new Date(),
        status: "disabled",
        // "Reconnect needed" and the last check were about the token that is gone.
        reconnectReason: null,
        reconnectSubcode: null,
        lastCheckFailure: null,
        subscribedFields: [],
      })
      .where(eq(channels.id, before.id))
      .returning();
    await recordAudit(tx, ctx, {
      action: "channel.disconnected",
      resourceId: before.id,
      before: { status: before.status, subscribedFields: before.subscribedFields },
      after: { status: "disabled", unsubscribed: unsubscribeFailure === null, ...(unsubscribeFailure && { unsubscribeFailure: unsubscribeFailure.reason }) },
    });
    return updated;
  });
  if (unsubscribeFailure) {
    await recordChannelError(row.orgId, row.id, "connection", `Disconnect could not unsubscribe the app from the Page: ${unsubscribeFailure.reason}`, unsubscribeFailure.code);
  }
  forgetChannelRouting(row.pageId);
  return { channel: toChannel(after, ctx), unsubscribed: unsubscribeFailure === null, unsubscribeFailure: unsubscribeFailure?.reason ?? null };
}
