import { and, eq, isNull } from "drizzle-orm";
import { getDb } from "@/db/client";
import { channels } from "@/db/schema";
import { recordAudit } from "@/lib/audit";
import { seal } from "@/lib/crypto/secrets";
import { isUniqueViolation } from "@/lib/errors";
import { randomToken } from "@/lib/ids";
import { requirePermission, type OrgContext } from "@/lib/tenancy/context";
import { parseInput } from "@/lib/validation";
import { forgetChannelRouting } from "@/lib/webhook/channel-routing";
import { cannotConnectPage, provePageOwnership } from "./page-ownership";
import { assertSkillGroupInOrg, auditView, getChannelInOrg, toChannel } from "./queries";
import { channelCreateSchema, channelUpdateSchema, type Channel } from "./schemas";

// A Page connected elsewhere gets the same answer as a token that does not prove the Page: the unique
// index must not tell one organisation which Pages another has connected.
function pageTaken(error: unknown): never {
  if (isUniqueViolation(error)) cannotConnectPage();
  throw error;
}

export function newVerifyToken(): string {
  return `mdv_${randomToken(18)}`;
}

export async function createChannel({ ctx, input }: { ctx: OrgContext; input: unknown }): Promise<Channel> {
  requirePermission(ctx, "channels.manage");
  const data = parseInput(channelCreateSchema, input);
  // The Page id is claimed only by a token that Meta says belongs to it, checked before anything is written.
  await provePageOwnership({ pageId: data.pageId, pageAccessToken: data.pageAccessToken, graphApiVersion: data.graphApiVersion });
  const db = await getDb();
  const row = await db
    .transaction(async (tx) => {
      await assertSkillGroupInOrg(tx, ctx, data.skillGroupId);
      const [created] = await tx
        .insert(channels)
        .values({
          orgId: ctx.org.id,
          skillGroupId: data.skillGroupId,
          name: data.name,
          pageId: data.pageId,
          appId: data.appId,
          graphApiVersion: data.graphApiVersion,
          pageAccessTokenSealed: seal(data.pageAccessToken),
          appSecretSealed: seal(data.appSecret),
          verifyTokenSealed: seal(newVerifyToken()),
        })
        .returning();
      await recordAudit(tx, ctx, { action: "channel.created", resourceId: created.id, after: auditView(created) });
      return created;
    })
    .catch(pageTaken);
  forgetChannelRouting(row.pageId);
  return toChannel(row, ctx);
}

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
        ...(tokenReplaced && { pageAccessTokenSealed: seal(data.pageAccessToken!), reconnectReason: null }),
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
