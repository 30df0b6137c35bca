import { and, eq, isNull } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { channels, skillGroups } from "@/db/schema";
import { appUrl } from "@/lib/app-url";
import { maskSecret, open } from "@/lib/crypto/secrets";
import { NotFoundError } from "@/lib/errors";
import { can, type OrgContext } from "@/lib/tenancy/context";
import type { Channel } from "./schemas";
import type { MessagingRegion } from "./constants";

export type ChannelRow = typeof channels.$inferSelect;

export function webhookCallbackUrl(pageId: string): string {
  return `${appUrl()}/facebook/webhook/${pageId}`;
}

/**
 * A channel as `viewer` may see it. Even the last characters of the Page token and app secret are for those
 * who manage channels (owners and admins): they confirm which secret is stored, which no one else needs.
 */
export function toChannel(row: ChannelRow, viewer: OrgContext): Channel {
  const showHints = can(viewer, "channels.manage");
  return {
    id: row.id,
    name: row.name,
    pageId: row.pageId,
    appId: row.appId,
    connection: row.connection,
    skillGroupId: row.skillGroupId,
    graphApiVersion: row.graphApiVersion,
    humanAgentEnabled: row.humanAgentEnabled,
    status: row.status,
    messagingRegion: (row.messagingRegion as MessagingRegion | null) ?? null,
    businessCountry: row.businessCountry,
    adAccountId: row.adAccountId,
    reconnectNeeded: row.reconnectReason !== null,
    reconnectReason: row.reconnectReason,
    reconnectSubcode: row.reconnectSubcode,
    lastCheckFailure: row.lastCheckFailure,
    pageName: row.pageName,
    pageUsername: row.pageUsername,
    subscribedFields: row.subscribedFields,
    pageAccessTokenHint: showHints && row.pageAccessTokenSealed ? maskSecret(open(row.pageAccessTokenSealed)) : null,
    appSecretHint: showHints && row.appSecretSealed ? maskSecret(open(row.appSecretSealed)) : null,
    callbackUrl: webhookCallbackUrl(row.pageId),
    lastCheckedAt: row.lastCheckedAt?.toISOString() ?? null,
    tokenCheckedAt: row.tokenCheckedAt?.toISOString() ?? null,
    disconnectedAt: row.disconnectedAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
  };
}

/** Fetch-or-throw within the tenant; deleted channels and other organisations' channels are NotFound. */
export async function getChannelInOrg(db: DbOrTx, ctx: OrgContext, channelId: string): Promise<ChannelRow> {
  const [row] = await db
    .select()
    .from(channels)
    .where(and(eq(channels.orgId, ctx.org.id), eq(channels.id, channelId), isNull(channels.deletedAt)));
  if (!row) throw new NotFoundError("channels.errors.notFound");
  return row;
}

/** The skill group must belong to the same organisation; otherwise it does not exist as far as this org knows. */
export async function assertSkillGroupInOrg(db: DbOrTx, ctx: OrgContext, skillGroupId: string): Promise<void> {
  const [row] = await db
    .select({ id: skillGroups.id })
    .from(skillGroups)
    .where(and(eq(skillGroups.orgId, ctx.org.id), eq(skillGroups.id, skillGroupId)));
  if (!row) throw new NotFoundError("skillGroups.errors.notFound");
}

/** What the audit log keeps of a channel: no secrets. */
export function auditView(row: ChannelRow) {
  return { name: row.name, pageId: row.pageId, appId: row.appId, skillGroupId: row.skillGroupId, graphApiVersion: row.graphApiVersion, humanAgentEnabled: row.humanAgentEnabled, status: row.status, messagingRegion: row.messagingRegion, businessCountry: row.businessCountry, adAccountId: row.adAccountId };
}
