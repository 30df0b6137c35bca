import { getDb } from "@/db/client";
import { open } from "@/lib/crypto/secrets";
import { requirePermission, type OrgContext } from "@/lib/tenancy/context";
import { getChannelInOrg } from "./queries";

/** The verify token, for the setup guide and health panel (owner/admin only: it lets anyone pass Meta's handshake). */
export async function revealVerifyToken({ ctx, channelId }: { ctx: OrgContext; channelId: string }): Promise<string> {
  requirePermission(ctx, "channels.manage");
  return open((await getChannelInOrg(await getDb(), ctx, channelId)).verifyTokenSealed);
}
