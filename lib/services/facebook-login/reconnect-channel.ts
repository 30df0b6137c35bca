import { eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { channels } from "@/db/schema";
import { recordAudit } from "@/lib/audit";
import { seal } from "@/lib/crypto/secrets";
import { NotFoundError } from "@/lib/errors";
import type { PageAccount } from "@/lib/graph/client";
import { checkChannelConnection, forgetChannelRouting, getChannelInOrg } from "@/lib/services/channels";
import type { OrgContext } from "@/lib/tenancy/context";
import { MESSAGING_TASK, type LoginFailure } from "./schemas";

/**
 * The second half of "Reconnect": the Page token the new login grants replaces the dead (or removed) one on the
 * same channel row, so conversations, contacts and history stay; the flags that said "reconnect needed" or
 * "disconnected" are cleared, the app is subscribed again and the connection check runs. Answers the failure
 * to show when this Facebook account cannot act for the channel's Page (nothing is changed then).
 */
export async function reconnectChannel(ctx: OrgContext, input: { channelId: string; facebookUserName: string; accounts: PageAccount[] }): Promise<LoginFailure | null> {
  const db = await getDb();
  const channel = await getChannelInOrg(db, ctx, input.channelId).catch((error: unknown) => {
    if (error instanceof NotFoundError) return null;
    throw error;
  });
  if (!channel) return { key: "facebookLogin.failure.channelGone" };
  const page = channel.pageName ?? channel.name;
  const account = input.accounts.find((a) => a.id === channel.pageId);
  if (!account?.access_token) return { key: "facebookLogin.failure.pageNotManaged", values: { user: input.facebookUserName, page } };
  if (account.tasks && !account.tasks.includes(MESSAGING_TASK)) {
    return { key: "facebookLogin.failure.reconnectCannotMessage", values: { user: input.facebookUserName, page } };
  }
  const pageToken = account.access_token;
  await db.transaction(async (tx) => {
    await tx
      .update(channels)
      .set({
        pageAccessTokenSealed: seal(pageToken),
        reconnectReason: null,
        reconnectSubcode: null,
        lastCheckFailure: null,
        disconnectedAt: null,
        ...(channel.disconnectedAt !== null && { status: "active" as const }),
      })
      .where(eq(channels.id, channel.id));
    await recordAudit(tx, ctx, {
      action: "channel.reconnected",
      resourceId: channel.id,
      before: { reconnectReason: channel.reconnectReason, reconnectSubcode: channel.reconnectSubcode, disconnected: channel.disconnectedAt !== null },
      after: { pageAccessToken: "replaced", facebookUser: input.facebookUserName },
    });
  });
  forgetChannelRouting(channel.pageId);
  // Subscribes the platform app to the Page's fields again (a disconnect removed them) and records the result.
  await checkChannelConnection({ ctx, channelId: channel.id });
  return null;
}
