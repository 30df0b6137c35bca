import { and, eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { channelMessengerProfiles } from "@/db/schema";
import { recordAudit } from "@/lib/audit";
import { GraphClient } from "@/lib/graph/client";
import { GraphError } from "@/lib/graph/errors";
import { flagReconnectNeeded } from "@/lib/services/channel-health";
import { getChannelInOrg, openPageToken } from "@/lib/services/channels";
import { requirePermission, type OrgContext } from "@/lib/tenancy/context";
import { parseInput } from "@/lib/validation";
import { defaultMessengerProfile, messengerProfileInputSchema, type MessengerProfile } from "./schemas";
import { toGraphProfile } from "./to-graph";

type Row = typeof channelMessengerProfiles.$inferSelect;

function toProfile(channelId: string, row: Row | undefined): MessengerProfile {
  if (!row) return { channelId, ...defaultMessengerProfile(), saved: false, appliedAt: null, lastError: null };
  return {
    channelId,
    getStartedPayload: row.getStartedPayload,
    greetings: row.greetings,
    persistentMenu: row.persistentMenu,
    saved: true,
    appliedAt: row.appliedAt?.toISOString() ?? null,
    lastError: row.lastError,
  };
}

/** The channel's Messenger profile as saved (or the suggested default when none is). Those who manage the bot. */
export async function getMessengerProfile({ ctx, channelId }: { ctx: OrgContext; channelId: string }): Promise<MessengerProfile> {
  requirePermission(ctx, "bot.manage");
  const db = await getDb();
  await getChannelInOrg(db, ctx, channelId);
  const [row] = await db
    .select()
    .from(channelMessengerProfiles)
    .where(and(eq(channelMessengerProfiles.orgId, ctx.org.id), eq(channelMessengerProfiles.channelId, channelId)));
  return toProfile(channelId, row);
}

/**
 * Saves the Page's Messenger profile (Get Started, greeting per locale, persistent menu per locale) and applies
 * it through the Graph API with the Page token: the fields set are POSTed, the emptied ones DELETEd. The saved
 * profile stays whatever Meta answers, so a refusal (its message kept as lastError) can be fixed and saved again;
 * a refused token (190) flags the channel "reconnect needed" like any other Graph call.
 */
export async function saveMessengerProfile({ ctx, channelId, input }: { ctx: OrgContext; channelId: string; input: unknown }): Promise<MessengerProfile> {
  requirePermission(ctx, "bot.manage");
  const data = parseInput(messengerProfileInputSchema, input);
  const db = await getDb();
  const channel = await getChannelInOrg(db, ctx, channelId);
  const token = openPageToken(channel);
  const values = { getStartedPayload: data.getStartedPayload, greetings: data.greetings, persistentMenu: data.persistentMenu };
  await db.transaction(async (tx) => {
    await tx
      .insert(channelMessengerProfiles)
      .values({ channelId, orgId: ctx.org.id, ...values, appliedAt: null, lastError: null })
      .onConflictDoUpdate({ target: channelMessengerProfiles.channelId, set: { ...values, appliedAt: null, lastError: null, updatedAt: new Date() } });
    await recordAudit(tx, ctx, { action: "channel.messenger_profile_updated", resourceId: channelId, after: values });
  });

  const { set, remove } = toGraphProfile(data);
  const graph = new GraphClient({ version: channel.graphApiVersion });
  let lastError: string | null = null;
  try {
    if (remove.length) await graph.deleteMessengerProfile(token, remove);
    if (Object.keys(set).length) await graph.setMessengerProfile(token, set);
  } catch (error) {
    lastError = error instanceof Error ? error.message.slice(0, 500) : "unknown error";
    if (error instanceof GraphError && error.code === 190) await flagReconnectNeeded(channelId, { reason: lastError, subcode: error.subcode ?? null });
  }
  const [row] = await db
    .update(channelMessengerProfiles)
    .set(lastError ? { lastError } : { appliedAt: new Date(), lastError: null })
    .where(eq(channelMessengerProfiles.channelId, channelId))
    .returning();
  return toProfile(channelId, row);
}
