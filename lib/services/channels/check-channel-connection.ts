import { eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { channels } from "@/db/schema";
import { recordAudit } from "@/lib/audit";
import { GraphClient } from "@/lib/graph/client";
import { GraphError, GraphNetworkError } from "@/lib/graph/errors";
import { requirePermission, type OrgContext } from "@/lib/tenancy/context";
import { flagReconnectNeeded, recordChannelError } from "@/lib/services/channel-health";
import { openPageToken } from "./channel-secrets";
import { getChannelInOrg, toChannel } from "./queries";
import { SUBSCRIBED_FIELDS, type Channel } from "./schemas";

export interface ConnectionCheck {
  ok: boolean;
  /** Which step failed: the token, the Page ID, or the subscription. */
  failedStep?: "token" | "page" | "subscribe";
  message?: string;
  graphCode?: number;
  channel: Channel;
}

/**
 * Proves a channel works the way Meta will use it: the token opens the Page with the configured ID, and
 * the app is subscribed to every webhook field we process. Every outcome is stored, so the channel's badge
 * follows the last check: a 190 flags "reconnect needed", any other failure "check failed", a pass clears both.
 */
export async function checkChannelConnection({ ctx, channelId }: { ctx: OrgContext; channelId: string }): Promise<ConnectionCheck> {
  requirePermission(ctx, "channels.manage");
  const db = await getDb();
  const row = await getChannelInOrg(db, ctx, channelId);
  const graph = new GraphClient({ version: row.graphApiVersion });
  const token = openPageToken(row);

  const fail = async (failedStep: ConnectionCheck["failedStep"], message: string, graph?: { code: number; subcode?: number }): Promise<ConnectionCheck> => {
    const reconnect = graph?.code === 190;
    await db.transaction(async (tx) => {
      await tx.update(channels).set({ lastCheckedAt: new Date(), lastCheckFailure: message }).where(eq(channels.id, row.id));
      // The member's check found the token refused: the channel enters "reconnect needed" on their action.
      if (reconnect && row.reconnectReason === null) {
        await recordAudit(tx, ctx, { action: "channel.reconnect_needed", resourceId: row.id, after: { reconnectReason: message, reconnectSubcode: graph?.subcode ?? null } });
      }
    });
    // The flag itself (reason, subcode, and on the transition the owners' and admins' notifications) is the same
    // wherever a 190 is seen; the audit row above is the member's, not the system's.
    if (reconnect) await flagReconnectNeeded(row.id, { reason: message, subcode: graph?.subcode ?? null }, { audited: true });
    await recordChannelError(row.orgId, row.id, "connection", message, graph?.code);
    const [updated] = await db.select().from(channels).where(eq(channels.id, row.id));
    return { ok: false, failedStep, message, graphCode: graph?.code, channel: toChannel(updated, ctx) };
  };

  let page: { id: string; name: string; username?: string };
  try {
    page = await graph.getTokenPage(token);
  } catch (error) {
    return fail("token", describe(error), graphCodes(error));
  }
  if (page.id !== row.pageId) return fail("page", `The token belongs to Page ${page.id} (${page.name}), not to Page ${row.pageId}.`);

  let subscribedFields: string[];
  try {
    await graph.subscribeApp(row.pageId, token, SUBSCRIBED_FIELDS);
    const apps = await graph.getSubscribedApps(row.pageId, token);
    subscribedFields = apps.data.find((app) => app.id === row.appId)?.subscribed_fields ?? [];
  } catch (error) {
    return fail("subscribe", describe(error), graphCodes(error));
  }

  const missing = SUBSCRIBED_FIELDS.filter((f) => !subscribedFields.includes(f));
  const missingMessage = missing.length > 0 ? `Not subscribed to: ${missing.join(", ")}` : null;
  const [updated] = await db.transaction(async (tx) => {
    const result = await tx
      .update(channels)
      .set({ lastCheckedAt: new Date(), reconnectReason: null, reconnectSubcode: null, lastCheckFailure: missingMessage, pageName: page.name, pageUsername: page.username ?? null, subscribedFields })
      .where(eq(channels.id, row.id))
      .returning();
    await recordAudit(tx, ctx, { action: "channel.connection_checked", resourceId: row.id, after: { pageName: page.name, subscribedFields } });
    return result;
  });
  if (missingMessage) return { ok: false, failedStep: "subscribe", message: missingMessage, channel: toChannel(updated, ctx) };
  return { ok: true, channel: toChannel(updated, ctx) };
}

function graphCodes(error: unknown): { code: number; subcode?: number } | undefined {
  return error instanceof GraphError ? { code: error.code, subcode: error.subcode } : undefined;
}

function describe(error: unknown): string {
  if (error instanceof GraphError) return error.reason;
  if (error instanceof GraphNetworkError) return error.message;
  return "Unexpected error while calling the Graph API";
}
