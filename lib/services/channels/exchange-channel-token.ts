import { eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { channels } from "@/db/schema";
import { recordAudit } from "@/lib/audit";
import { seal } from "@/lib/crypto/secrets";
import { channelAppSecret } from "./channel-secrets";
import { GraphClient } from "@/lib/graph/client";
import { ValidationError } from "@/lib/errors";
import { GraphError } from "@/lib/graph/errors";
import { requirePermission, type OrgContext } from "@/lib/tenancy/context";
import { forgetChannelRouting } from "./channel-routing";
import { getChannelInOrg, toChannel } from "./queries";
import { type Channel } from "./schemas";

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
      throw ValidationError.forField("shortLivedToken", "channels.errors.tokenRefused", { reason: error.reason });
    }
    throw error;
  };
  const appSecret = channelAppSecret(row);
  if (appSecret === null) throw ValidationError.forField("shortLivedToken", "channels.errors.platformAppMissing");
  const { access_token: userToken } = await graph.exchangeToken(row.appId, appSecret, shortLivedToken.trim()).catch(refused);
  const accounts = await graph.getPageAccounts(userToken).catch(refused);
  const pageToken = accounts.data.find((account) => account.id === row.pageId)?.access_token;
  if (!pageToken) {
    throw ValidationError.forField("shortLivedToken", "channels.errors.notPageManager", { pageId: row.pageId });
  }
  const [updated] = await db.transaction(async (tx) => {
    // A new token also connects a disconnected channel again (it stays switched off until enabled).
    const result = await tx
      .update(channels)
      .set({ pageAccessTokenSealed: seal(pageToken), reconnectReason: null, reconnectSubcode: null, lastCheckFailure: null, disconnectedAt: null })
      .where(eq(channels.id, row.id))
      .returning();
    await recordAudit(tx, ctx, { action: "channel.token_exchanged", resourceId: row.id });
    return result;
  });
  forgetChannelRouting(row.pageId);
  return toChannel(updated, ctx);
}
