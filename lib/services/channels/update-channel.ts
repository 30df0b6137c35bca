import { and, eq, isNull } from "drizzle-orm";
import { getDb } from "@/db/client";
import { channels } from "@/db/schema";
import { recordAudit } from "@/lib/audit";
import { seal } from "@/lib/crypto/secrets";
import { requirePermission, type OrgContext } from "@/lib/tenancy/context";
import { parseInput } from "@/lib/validation";
import { forgetChannelRouting } from "./channel-routing";
import { provePageOwnership } from "./page-ownership";
import { assertSkillGroupInOrg, auditView, getChannelInOrg, toChannel } from "./queries";
import { channelUpdateSchema, type Channel } from "./schemas";

export async function updateChannel({ ctx, channelId, input }: { ctx: OrgContext; channelId: string; input: unknown }): Promise<Channel> {
  requirePermission(ctx, "channels.manage");
  const data = parseInput(channelUpdateSchema, input);
  const db = await getDb();
  if (data.pageAccessToken !== undefined) {
    // A replacement token must prove the same Page, or the channel would send as a Page it never proved.
    const current = await getChannelInOrg(db, ctx, channelId);
    await provePageOwnership({ pageId: current.pageId, pageAccessToken: data.pageAccessToken, graphApiVersion: data.graphApiVersion ?? current.graphApiVersion });
  }
  const row = await db.transaction(async (tx) => {
    const before = await getChannelInOrg(tx, ctx, channelId);
    if (data.skillGroupId) await assertSkillGroupInOrg(tx, ctx, data.skillGroupId);
    const tokenReplaced = data.pageAccessToken !== undefined;
    const [after] = await tx
      .update(channels)
      .set({
        ...(data.name !== undefined && { name: data.name }),
        ...(data.appId !== undefined && { appId: data.appId }),
        ...(data.skillGroupId !== undefined && { skillGroupId: data.skillGroupId }),
        ...(data.graphApiVersion !== undefined && { graphApiVersion: data.graphApiVersion }),
        ...(data.humanAgentEnabled !== undefined && { humanAgentEnabled: data.humanAgentEnabled }),
        ...(data.messagingRegion !== undefined && { messagingRegion: data.messagingRegion }),
        ...(data.businessCountry !== undefined && { businessCountry: data.businessCountry }),
        ...(data.adAccountId !== undefined && { adAccountId: data.adAccountId }),
        // A new token is also how a disconnected channel of the organisation's own app is connected again.
        ...(tokenReplaced && { pageAccessTokenSealed: seal(data.pageAccessToken!), reconnectReason: null, reconnectSubcode: null, lastCheckFailure: null, disconnectedAt: null }),
        ...(data.appSecret !== undefined && { appSecretSealed: seal(data.appSecret) }),
      })
      .where(and(eq(channels.id, before.id), isNull(channels.deletedAt)))
      .returning();
    await recordAudit(tx, ctx, {
      action: "channel.updated",
      resourceId: channelId,
      before: auditView(before),
      after: { ...auditView(after), ...(tokenReplaced && { pageAccessToken: "replaced" }), ...(data.appSecret && { appSecret: "replaced" }) },
    });
    return after;
  });
  forgetChannelRouting(row.pageId);
  return toChannel(row, ctx);
}
