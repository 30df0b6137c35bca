import { getDb } from "@/db/client";
import { requirePermission, type OrgContext } from "@/lib/tenancy/context";
import { getChannelInOrg, toChannel } from "./queries";
import type { Channel } from "./schemas";

export async function getChannel({ ctx, channelId }: { ctx: OrgContext; channelId: string }): Promise<Channel> {
  requirePermission(ctx, "channels.read");
  return toChannel(await getChannelInOrg(await getDb(), ctx, channelId), ctx);
}
