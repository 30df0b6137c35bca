import { eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { channels } from "@/db/schema";
import { recordAudit } from "@/lib/audit";
import { seal } from "@/lib/crypto/secrets";
import { requirePermission, type OrgContext } from "@/lib/tenancy/context";
import { forgetChannelRouting } from "./channel-routing";
import { getChannelInOrg } from "./queries";
import { newVerifyToken } from "./insert-channel";

/** A new verify token; the old one stops working at once (Meta's dashboard must be given the new one). */
export async function regenerateVerifyToken({ ctx, channelId }: { ctx: OrgContext; channelId: string }): Promise<{ verifyToken: string }> {
  requirePermission(ctx, "channels.manage");
  const verifyToken = newVerifyToken();
  const db = await getDb();
  const row = await db.transaction(async (tx) => {
    const channel = await getChannelInOrg(tx, ctx, channelId);
    await tx.update(channels).set({ verifyTokenSealed: seal(verifyToken) }).where(eq(channels.id, channel.id));
    await recordAudit(tx, ctx, { action: "channel.verify_token_regenerated", resourceId: channelId });
    return channel;
  });
  forgetChannelRouting(row.pageId);
  return { verifyToken };
}
