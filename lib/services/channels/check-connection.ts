import { eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { channels } from "@/db/schema";
import { recordAudit, recordSystemAudit } from "@/lib/audit";
import { open, seal } from "@/lib/crypto/secrets";
import { GraphClient } from "@/lib/graph/client";
import { ValidationError } from "@/lib/errors";
import { GraphError, GraphNetworkError } from "@/lib/graph/errors";
import { requirePermission, type OrgContext } from "@/lib/tenancy/context";
import { recordChannelError } from "@/lib/webhook/ingest";
import { forgetChannelRouting } from "@/lib/webhook/channel-routing";
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
 * the app is subscribed to every webhook field we process. A 190 flags the channel "reconnect needed".
 */
export async function checkChannelConnection({ ctx, channelId }: { ctx: OrgContext; channelId: string }): Promise<ConnectionCheck> {
  requirePermission(ctx, "channels.manage");
  const db = await getDb();
  const row = await getChannelInOrg(db, ctx, channelId);
  const graph = new GraphClient({ version: row.graphApiVersion });
  const token = open(row.pageAccessTokenSealed);

  const fail = async (failedStep: ConnectionCheck["failedStep"], message: string, graphCode?: number): Promise<ConnectionCheck> => {
    const reconnect = graphCode === 190;
    const [updated] = await db.transaction(async (tx) => {
      const result = await tx
        .update(channels)
        .set({ lastCheckedAt: new Date(), ...(reconnect && { reconnectReason: message }) })
        .where(eq(channels.id, row.id))
        .returning();
      // The member's check found the token refused: the channel enters "reconnect needed" on their action.
      if (reconnect && row.reconnectReason === null) {
        await recordAudit(tx, ctx, { action: "channel.reconnect_needed", resourceId: row.id, after: { reconnectReason: message } });
      }
      return result;
    });
    await recordChannelError(row.orgId, row.id, "connection", message, graphCode);
    return { ok: false, failedStep, message, graphCode, channel: toChannel(updated, ctx) };
  };

  let page: { id: string; name: string; username?: string };
  try {
    page = await graph.getTokenPage(token);
  } catch (error) {
    return fail("token", describe(error), (error as GraphError).code);
  }
  if (page.id !== row.pageId) return fail("page", `The token belongs to Page ${page.id} (${page.name}), not to Page ${row.pageId}.`);

  let subscribedFields: string[];
  try {
    await graph.subscribeApp(row.pageId, token, SUBSCRIBED_FIELDS);
    const apps = await graph.getSubscribedApps(row.pageId, token);
    subscribedFields = apps.data.find((app) => app.id === row.appId)?.subscribed_fields ?? [];
  } catch (error) {
    return fail("subscribe", describe(error), (error as GraphError).code);
  }

  const [updated] = await db.transaction(async (tx) => {
    const result = await tx
      .update(channels)
      .set({ lastCheckedAt: new Date(), reconnectReason: null, pageName: page.name, pageUsername: page.username ?? null, subscribedFields })
      .where(eq(channels.id, row.id))
      .returning();
    await recordAudit(tx, ctx, { action: "channel.connection_checked", resourceId: row.id, after: { pageName: page.name, subscribedFields } });
    return result;
  });
  const missing = SUBSCRIBED_FIELDS.filter((f) => !subscribedFields.includes(f));
  if (missing.length > 0) return { ok: false, failedStep: "subscribe", message: `Not subscribed to: ${missing.join(", ")}`, channel: toChannel(updated, ctx) };
  return { ok: true, channel: toChannel(updated, ctx) };
}

/**
 * Swaps a short-lived Facebook Login user token for a long-lived one with the app's secret, then keeps the
 * Page access token that long-lived user token grants for the channel's Page (Meta: such Page tokens do not
 * expire). The user token itself is no Page token: Send API and `/me` would not act as the Page with it.
 * Graph refusing the token, or the user not managing the Page, is the caller's input problem (422).
 */
export async function exchangeChannelToken({ ctx, channelId, shortLivedToken }: { ctx: OrgContext; channelId: string; shortLivedToken: string }): Promise<Channel> {
  requirePermission(ctx, "channels.manage");
  const db = await getDb();
  const row = await getChannelInOrg(db, ctx, channelId);
  const graph = new GraphClient({ version: row.graphApiVersion });
  const refused = (error: unknown): never => {
    if (error instanceof GraphError) {
      const message = `Meta refused the token: ${error.reason}`;
      throw new ValidationError(`shortLivedToken: ${message}`, { shortLivedToken: [message] });
    }
    throw error;
  };
  const { access_token: userToken } = await graph.exchangeToken(row.appId, open(row.appSecretSealed), shortLivedToken.trim()).catch(refused);
  const accounts = await graph.getPageAccounts(userToken).catch(refused);
  const pageToken = accounts.data.find((account) => account.id === row.pageId)?.access_token;
  if (!pageToken) {
    const message = `The token's user does not manage Page ${row.pageId}.`;
    throw new ValidationError(`shortLivedToken: ${message}`, { shortLivedToken: [message] });
  }
  const [updated] = await db.transaction(async (tx) => {
    const result = await tx.update(channels).set({ pageAccessTokenSealed: seal(pageToken), reconnectReason: null }).where(eq(channels.id, row.id)).returning();
    await recordAudit(tx, ctx, { action: "channel.token_exchanged", resourceId: row.id });
    return result;
  });
  forgetChannelRouting(row.pageId);
  return toChannel(updated, ctx);
}

function describe(error: unknown): string {
  if (error instanceof GraphError) return error.reason;
  if (error instanceof GraphNetworkError) return error.message;
  return "Unexpected error while calling the Graph API";
}

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
